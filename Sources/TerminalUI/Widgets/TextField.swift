import TextLayout

/// The text of a one-line text field and where its cursor is.
///
/// Editing operations are pure: each returns the edited value. `cursor` counts characters
/// (grapheme clusters) from the start, from 0 to `text.count`.
public struct TextFieldState: Hashable, Sendable {
    public private(set) var text: String
    public private(set) var cursor: Int

    /// A field holding `text`, the cursor at the end unless given.
    public init(text: String = "", cursor: Int? = nil) {
        self.text = text
        self.cursor = min(max(0, cursor ?? text.count), text.count)
    }

    /// `character` inserted at the cursor, the cursor after it. Control characters are ignored.
    public func inserting(_ character: Character) -> TextFieldState {
        guard TextWidth.of(character) > 0 else { return self }
        var copy = self
        copy.text.insert(character, at: copy.index(cursor))
        copy.cursor += 1
        return copy
    }

    /// `string` inserted at the cursor (as pasted), the cursor after it.
    public func inserting(_ string: String) -> TextFieldState {
        string.reduce(self) { $0.inserting($1) }
    }

    /// The character before the cursor removed (Backspace).
    public func deletingBackward() -> TextFieldState {
        guard cursor > 0 else { return self }
        var copy = self
        copy.text.remove(at: copy.index(cursor - 1))
        copy.cursor -= 1
        return copy
    }

    /// The character under the cursor removed (Delete).
    public func deletingForward() -> TextFieldState {
        guard cursor < text.count else { return self }
        var copy = self
        copy.text.remove(at: copy.index(cursor))
        return copy
    }

    /// Everything before the cursor removed (Ctrl-U).
    public func deletingToStart() -> TextFieldState {
        TextFieldState(text: String(text[index(cursor)...]), cursor: 0)
    }

    /// Everything from the cursor on removed (Ctrl-K).
    public func deletingToEnd() -> TextFieldState {
        TextFieldState(text: String(text[..<index(cursor)]))
    }

    public func movingLeft() -> TextFieldState { moving(to: cursor - 1) }
    public func movingRight() -> TextFieldState { moving(to: cursor + 1) }
    public func movingHome() -> TextFieldState { moving(to: 0) }
    public func movingEnd() -> TextFieldState { moving(to: text.count) }

    /// The cursor at `position`, clamped to the text.
    public func moving(to position: Int) -> TextFieldState {
        TextFieldState(text: text, cursor: position)
    }

    /// The state after `key`, or nil when a text field has no use for the key (so the caller
    /// can treat it as navigation: Enter, Esc, Tab, arrows up and down…).
    ///
    /// Handles printable characters, Backspace, Delete, Left, Right, Home, End, and the
    /// readline keys Ctrl-A, Ctrl-E, Ctrl-B, Ctrl-F, Ctrl-D, Ctrl-H, Ctrl-U, Ctrl-K.
    public func applying(_ key: Key) -> TextFieldState? {
        switch key {
        case .character(let character): return inserting(character)
        case .backspace, .ctrl("h"): return deletingBackward()
        case .delete, .ctrl("d"): return deletingForward()
        case .left, .ctrl("b"): return movingLeft()
        case .right, .ctrl("f"): return movingRight()
        case .home, .ctrl("a"): return movingHome()
        case .end, .ctrl("e"): return movingEnd()
        case .ctrl("u"): return deletingToStart()
        case .ctrl("k"): return deletingToEnd()
        default: return nil
        }
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: min(max(0, offset), text.count))
    }
}

/// A one-line text field: the text, scrolled so the cursor shows, the cursor as a reversed cell.
public struct TextField: Widget, Hashable, Sendable {
    public var state: TextFieldState
    /// Shown dimmed when the text is empty.
    public var placeholder: String
    /// Whether the field has the focus; only a focused field shows its cursor.
    public var isFocused: Bool
    public var style: Style
    public var placeholderStyle: Style
    public var cursorStyle: Style

    public init(
        state: TextFieldState, placeholder: String = "", isFocused: Bool = true, style: Style = .underline,
        placeholderStyle: Style = .dim, cursorStyle: Style = .reverse
    ) {
        self.state = state
        self.placeholder = placeholder
        self.isFocused = isFocused
        self.style = style
        self.placeholderStyle = placeholderStyle
        self.cursorStyle = cursorStyle
    }

    /// The index of the first character shown in a field `width` cells wide, so that the cursor
    /// (one cell after the text when at the end) is visible; 0 while everything fits.
    public static func firstVisibleCharacter(_ state: TextFieldState, width: Int) -> Int {
        let characters = Array(state.text)
        let cursorCell = state.cursor < characters.count ? TextWidth.of(characters[state.cursor]) : 1
        guard TextWidth.of(state.text) + (state.cursor == characters.count ? 1 : 0) > width else { return 0 }
        var used = cursorCell
        var first = state.cursor
        while first > 0, used + TextWidth.of(characters[first - 1]) <= width {
            first -= 1
            used += TextWidth.of(characters[first])
        }
        return first
    }

    public func draw(in area: Rect, of buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let line = area.row(0)
        buffer.fill(line, style: style)
        if state.text.isEmpty {
            if isFocused {
                buffer.put(" ", at: line.origin, style: cursorStyle, clip: line)
                buffer.put(placeholder, at: Point(x: line.x + 1, y: line.y), style: placeholderStyle, clip: line)
            } else {
                buffer.put(placeholder, at: line.origin, style: placeholderStyle, clip: line)
            }
            return
        }
        let characters = Array(state.text)
        let first = isFocused ? TextField.firstVisibleCharacter(state, width: line.width) : 0
        var x = line.x
        for index in first..<characters.count {
            let cellStyle = isFocused && index == state.cursor ? cursorStyle : style
            x = buffer.put(String(characters[index]), at: Point(x: x, y: line.y), style: cellStyle, clip: line)
            if x >= line.maxX { break }
        }
        if isFocused, state.cursor == characters.count {
            buffer.put(" ", at: Point(x: x, y: line.y), style: cursorStyle, clip: line)
        }
    }
}
