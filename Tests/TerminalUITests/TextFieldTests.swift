import Testing
import TerminalUI

@Suite("TextFieldState editing")
struct TextFieldStateTests {
    @Test("Typing inserts at the cursor and moves it along")
    func typing() {
        var state = TextFieldState()
        for character in "abc" { state = state.inserting(character) }
        #expect(state == TextFieldState(text: "abc", cursor: 3))
        state = state.movingLeft().movingLeft().inserting("X")
        #expect(state == TextFieldState(text: "aXbc", cursor: 2))
    }

    @Test("Backspace removes before the cursor, Delete under it")
    func deleting() {
        let state = TextFieldState(text: "abcd", cursor: 2)
        #expect(state.deletingBackward() == TextFieldState(text: "acd", cursor: 1))
        #expect(state.deletingForward() == TextFieldState(text: "abd", cursor: 2))
    }

    @Test("Editing at the ends is a no-op rather than a crash")
    func edges() {
        let start = TextFieldState(text: "ab", cursor: 0)
        #expect(start.deletingBackward() == start)
        #expect(start.movingLeft() == start)
        let end = TextFieldState(text: "ab")
        #expect(end.deletingForward() == end)
        #expect(end.movingRight() == end)
        let empty = TextFieldState()
        #expect(empty.deletingBackward() == empty && empty.deletingForward() == empty)
    }

    @Test("Home and End jump to the ends; the cursor is clamped", arguments: [-5, 0, 2, 3, 99])
    func homeEnd(position: Int) {
        let state = TextFieldState(text: "abc", cursor: position)
        #expect((0...3).contains(state.cursor))
        #expect(state.movingHome().cursor == 0)
        #expect(state.movingEnd().cursor == 3)
    }

    @Test("Keys map to edits; navigation keys are left to the caller", arguments: [
        (Key.character("Z"), TextFieldState(text: "abZcd", cursor: 3)),
        (.backspace, TextFieldState(text: "acd", cursor: 1)),
        (.ctrl("h"), TextFieldState(text: "acd", cursor: 1)),
        (.delete, TextFieldState(text: "abd", cursor: 2)),
        (.left, TextFieldState(text: "abcd", cursor: 1)),
        (.right, TextFieldState(text: "abcd", cursor: 3)),
        (.home, TextFieldState(text: "abcd", cursor: 0)),
        (.ctrl("e"), TextFieldState(text: "abcd", cursor: 4)),
        (.ctrl("u"), TextFieldState(text: "cd", cursor: 0)),
        (.ctrl("k"), TextFieldState(text: "ab", cursor: 2)),
    ])
    func keys(key: Key, expected: TextFieldState) {
        #expect(TextFieldState(text: "abcd", cursor: 2).applying(key) == expected)
    }

    @Test("Enter, Esc, Tab, Up and Down are not text-field keys", arguments: [Key.enter, .escape, .tab, .up, .down, .ctrl("c")])
    func notHandled(key: Key) {
        #expect(TextFieldState(text: "x").applying(key) == nil)
    }

    @Test("Multi-scalar characters are edited as one character")
    func graphemes() {
        let state = TextFieldState(text: "e\u{301}x").movingLeft().deletingBackward()
        #expect(state == TextFieldState(text: "x", cursor: 0))
        #expect(TextFieldState().inserting("a\u{7}b") == TextFieldState(text: "ab"))
    }
}

@Suite("TextField drawing")
struct TextFieldDrawingTests {
    @Test("The cursor at the end is a reversed blank after the text")
    func cursorAtEnd() {
        let buffer = render(TextField(state: TextFieldState(text: "hello")), width: 10, height: 1)
        #expect(buffer.plainText == "hello")
        #expect(buffer.styleMask() == "UUUUURUUUU")
    }

    @Test("Text longer than the field scrolls so the cursor shows")
    func scrolling() {
        let end = render(TextField(state: TextFieldState(text: "abcdefghij")), width: 5, height: 1)
        #expect(end.plainText == "ghij")
        #expect(end.styleMask() == "UUUUR")
        let start = render(TextField(state: TextFieldState(text: "abcdefghij", cursor: 0)), width: 5, height: 1)
        #expect(start.plainText == "abcde")
        #expect(start.styleMask() == "RUUUU")
        let middle = render(TextField(state: TextFieldState(text: "abcdefghij", cursor: 7)), width: 5, height: 1)
        #expect(middle.plainText == "defgh")
        #expect(middle.styleMask() == "UUUUR")
    }

    @Test("An empty field shows its placeholder dimmed, after the cursor when focused")
    func placeholder() {
        let focused = render(TextField(state: TextFieldState(), placeholder: "name"), width: 8, height: 1)
        #expect(focused.plainText == " name")
        #expect(focused.styleMask() == "RDDDDUUU")
        let unfocused = render(TextField(state: TextFieldState(), placeholder: "name", isFocused: false), width: 8, height: 1)
        #expect(unfocused.plainText == "name")
        #expect(unfocused.styleMask() == "DDDDUUUU")
    }

    @Test("An unfocused field shows no cursor and the start of the text")
    func unfocused() {
        let buffer = render(TextField(state: TextFieldState(text: "abcdefghij"), isFocused: false), width: 4, height: 1)
        #expect(buffer.plainText == "abcd")
        #expect(buffer.styleMask() == "UUUU")
    }

    @Test("Visible start index for a cursor in long text", arguments: [
        // text length 10, width, cursor → first visible
        (5, 10, 6), (5, 0, 0), (5, 4, 0), (5, 5, 1), (11, 10, 0), (1, 10, 10), (1, 3, 3),
    ])
    func firstVisible(width: Int, cursor: Int, expected: Int) {
        #expect(TextField.firstVisibleCharacter(TextFieldState(text: "abcdefghij", cursor: cursor), width: width) == expected)
    }
}
