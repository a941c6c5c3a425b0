import TextLayout

/// A key and what it does, for a footer ("Enter select").
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: String

    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }
}

/// A one-line footer of key hints: each key in `keyStyle`, its label after it, hints two
/// spaces apart. Hints that don't fit whole are left out from the right; if not even the first
/// fits, it is cut with an ellipsis.
public struct StatusLine: Widget, Hashable, Sendable {
    public var hints: [KeyHint]
    public var keyStyle: Style
    public var labelStyle: Style
    public var glyphs: Glyphs

    public init(_ hints: [KeyHint], keyStyle: Style = .reverse, labelStyle: Style = .plain, glyphs: Glyphs = .unicode) {
        self.hints = hints
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
        self.glyphs = glyphs
    }

    public func draw(in area: Rect, of buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let line = area.row(0)
        buffer.fill(line, style: labelStyle)
        var x = line.x
        for (index, hint) in hints.enumerated() {
            let gap = index == 0 ? 0 : 2
            let hintWidth = TextWidth.of(hint.key) + 1 + TextWidth.of(hint.label)
            if x + gap + hintWidth > line.maxX {
                if index == 0 {
                    let text = TextWidth.truncate("\(hint.key) \(hint.label)", to: line.width, ellipsis: glyphs.ellipsis)
                    let keyPart = TextWidth.cut(text, to: TextWidth.of(hint.key))
                    let after = buffer.put(keyPart, at: line.origin, style: keyStyle, clip: line)
                    buffer.put(text.dropFirst(keyPart.count), at: Point(x: after, y: line.y), style: labelStyle, clip: line)
                }
                return
            }
            x += gap
            x = buffer.put(hint.key, at: Point(x: x, y: line.y), style: keyStyle, clip: line)
            x = buffer.put(" \(hint.label)", at: Point(x: x, y: line.y), style: labelStyle, clip: line)
        }
    }
}
