import TextLayout
import Testing
import TerminalUI

@Suite("ScreenBuffer")
struct ScreenBufferTests {
    @Test("Plain text trims trailing spaces and joins rows with newlines")
    func plainText() {
        var buffer = ScreenBuffer(width: 6, height: 3)
        buffer.put("ab", at: Point(x: 1, y: 0))
        buffer.put("xyz", at: Point(x: 3, y: 2))
        #expect(buffer.plainText == " ab\n\n   xyz")
    }

    @Test("Text is clipped to the clip rectangle and the buffer")
    func clipping() {
        var buffer = ScreenBuffer(width: 8, height: 2)
        buffer.put("Hello, world", at: Point(x: 2, y: 0))
        buffer.put("abcdef", at: Point(x: -2, y: 1), clip: Rect(x: 0, y: 1, width: 3, height: 1))
        #expect(buffer.plainText == screen("""
              Hello,|
            cde|
            """))
    }

    @Test("Drawing out of range or into a zero-sized buffer does nothing", arguments: [
        (0, 0), (1, 1), (3, 0), (0, 3),
    ])
    func outOfRange(width: Int, height: Int) {
        var buffer = ScreenBuffer(width: width, height: height)
        buffer.put("text", at: Point(x: -10, y: -10))
        buffer.put("text", at: Point(x: 100, y: 0))
        buffer.put("text", at: Point(x: 0, y: 100))
        buffer.put("text", at: Point(x: Int.min / 2, y: 0))
        buffer.fill(Rect(x: -5, y: -5, width: 3, height: 3), with: "#")
        buffer.setStyle(.reverse, in: Rect(x: 50, y: 50, width: 2, height: 2))
        buffer[-1, -1] = Cell("x")
        #expect(buffer.cells.allSatisfy { $0 == .blank })
        #expect(buffer[7, 7] == .blank)
    }

    @Test("put returns the column after the text, even when clipped")
    func putReturnsNextColumn() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        #expect(buffer.put("abcdef", at: Point(x: 1, y: 0)) == 7)
        #expect(buffer.plainText == " abc")
    }

    @Test("Fill covers the clipped rectangle")
    func fill() {
        var buffer = ScreenBuffer(width: 5, height: 3)
        buffer.fill(Rect(x: 3, y: 1, width: 10, height: 10), with: "#")
        #expect(buffer.plainText == screen("""
            |
               ##
               ##
            """))
    }

    @Test("A wide character takes two cells and prints once")
    func wideCharacters() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.put("a中b", at: .zero)
        #expect(buffer.plainText == "a中b")
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[3, 0].character == "b")
    }

    @Test("A wide character that straddles the clip edge becomes a blank")
    func wideCharacterAtEdge() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("abc中", at: .zero)
        #expect(buffer.plainText == "abc")
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test("A wide character cut by the left clip edge leaves a blank in its visible half")
    func wideCharacterAtLeftEdge() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        buffer.put("xxxxx", at: .zero)
        buffer.put("中ab", at: Point(x: 0, y: 0), clip: Rect(x: 1, y: 0, width: 3, height: 1))
        #expect(buffer.plainText == "x abx")
    }

    @Test("Overwriting half of a wide character blanks the other half")
    func overwriteWideCharacter() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("中文", at: .zero)
        buffer.put("x", at: Point(x: 1, y: 0))
        #expect(buffer.plainText == " x文")
        buffer.put("y", at: Point(x: 2, y: 0))
        #expect(buffer.plainText == " xy")
    }

    @Test("Control characters take no cell and tabs draw as a space")
    func controlCharacters() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.put("a\nb\tc\u{7}", at: .zero)
        #expect(buffer.plainText == "ab c")
    }

    @Test("The style mask shows one letter per cell")
    func styleMask() {
        var buffer = ScreenBuffer(width: 8, height: 2)
        buffer.put("ab", at: .zero, style: .reverse)
        buffer.put("cd", at: Point(x: 3, y: 0), style: Style(foreground: .red))
        buffer.put("e", at: Point(x: 6, y: 0), style: .bold)
        buffer.put("f", at: Point(x: 0, y: 1), style: Style(background: .blue))
        buffer.put("g", at: Point(x: 1, y: 1), style: Style(foreground: .gray, attributes: .dim))
        #expect(buffer.styleMask() == "RR.rr.B\n#a")
    }

    @Test("setStyle restyles cells and keeps their characters")
    func setStyle() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("abcd", at: .zero)
        buffer.setStyle(.reverse, in: Rect(x: 1, y: 0, width: 2, height: 1))
        #expect(buffer.plainText == "abcd")
        #expect(buffer.styleMask() == ".RR")
    }
}

@Suite("TextWidth")
struct TextWidthTests {
    @Test("Widths of ASCII, box drawing, wide characters, emoji and combining marks", arguments: [
        ("a", 1), ("─", 1), ("█", 1), ("中", 2), ("한", 2), ("😀", 2), ("\u{301}", 0), ("\n", 0), ("é", 1),
    ] as [(Character, Int)])
    func widths(character: Character, width: Int) {
        #expect(TextWidth.of(character) == width)
    }

    @Test("Truncation ends in an ellipsis only when text was cut", arguments: [
        ("hello", 5, "hello"), ("hello", 4, "hel…"), ("hello", 1, "…"), ("hello", 0, ""), ("中文字", 4, "中…"),
    ])
    func truncate(text: String, width: Int, expected: String) {
        #expect(TextWidth.truncate(text, to: width) == expected)
    }
}
