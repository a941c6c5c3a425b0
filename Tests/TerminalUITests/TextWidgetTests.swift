import Testing
import TerminalUI

@Suite("Bar")
struct BarTests {
    @Test("Unicode bars end in a partial block")
    func unicodeBar() {
        #expect(Bar(value: 1, maximum: 3).text(width: 4) == "█▍")
        #expect(Bar(value: 3, maximum: 4).text(width: 10) == "███████▌")
        #expect(Bar(value: 1, maximum: 80).text(width: 10) == "▏")
        #expect(Bar(value: 1, maximum: 1).text(width: 3) == "███")
    }

    @Test("ASCII bars round to whole # cells")
    func asciiBar() {
        #expect(Bar(value: 1, maximum: 3, glyphs: .ascii).text(width: 4) == "#")
        #expect(Bar(value: 3, maximum: 4, glyphs: .ascii).text(width: 10) == "########")
        // A non-zero figure never looks like nothing (the command line's cost bars too); zero does.
        #expect(Bar(value: 0.04, maximum: 1, glyphs: .ascii).text(width: 10) == "#")
        #expect(Bar(value: 0, maximum: 1, glyphs: .ascii).text(width: 10) == "")
    }

    @Test("A bar draws on every row of its area, in its style")
    func drawing() {
        let buffer = render(Bar(value: 1, maximum: 2, style: Style(foreground: .green)), width: 6, height: 3, area: Rect(x: 1, y: 1, width: 4, height: 2))
        #expect(buffer.plainText == "\n ██\n ██")
        #expect(buffer.styleMask() == "\n.gg\n.gg")
    }
}

@Suite("Paragraph")
struct ParagraphTests {
    @Test("Words wrap at spaces; a long word stands alone, whole; line breaks are kept")
    func wrap() {
        #expect(Paragraph.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(Paragraph.wrap("a supercalifragilistic word", width: 8) == ["a", "supercalifragilistic", "word"])
        #expect(Paragraph.wrap("one\n\ntwo", width: 5) == ["one", "", "two"])
        #expect(Paragraph.wrap("", width: 5) == [""])
        #expect(Paragraph.wrap("anything", width: 0) == [])
        #expect(Paragraph.wrap("ab cd", width: 1) == ["ab", "cd"])
    }

    @Test("Wrapping measures wide characters as two cells")
    func wrapWide() {
        #expect(Paragraph.wrap("中文 ab", width: 4) == ["中文", "ab"])
        #expect(Paragraph.wrap("中 ab", width: 5) == ["中 ab"])
        #expect(Paragraph.wrap("中文 ab", width: 6) == ["中文", "ab"])
    }

    @Test("A paragraph draws the lines that fit, from its scroll offset")
    func drawing() {
        let text = "Choose the instance type for the endpoint. Prices are on-demand."
        let buffer = render(Paragraph(text), width: 20, height: 3)
        #expect(buffer.plainText == """
            Choose the instance
            type for the
            endpoint. Prices are
            """)
        let scrolled = render(Paragraph(text, scrollOffset: 2), width: 20, height: 3)
        #expect(scrolled.plainText == "endpoint. Prices are\non-demand.\n")
    }
}

@Suite("StatusLine")
struct StatusLineTests {
    let hints = [KeyHint("↑↓", "move"), KeyHint("Enter", "select"), KeyHint("Esc", "back"), KeyHint("q", "quit")]

    @Test("Hints are spaced two apart with keys highlighted")
    func hintsFit() {
        let buffer = render(StatusLine(hints), width: 40, height: 1)
        #expect(buffer.plainText == "↑↓ move  Enter select  Esc back  q quit")
        #expect(buffer.styleMask() == "RR.......RRRRR.........RRR.......R")
    }

    @Test("Hints that don't fit whole are left out")
    func hintsDropped() {
        #expect(render(StatusLine(hints), width: 24, height: 1).plainText == "↑↓ move  Enter select")
        #expect(render(StatusLine(hints), width: 7, height: 1).plainText == "↑↓ move")
    }

    @Test("A first hint too long for the line is cut with an ellipsis")
    func firstHintCut() {
        let buffer = render(StatusLine([KeyHint("Enter", "select the model")]), width: 9, height: 1)
        #expect(buffer.plainText == "Enter se…")
        #expect(buffer.styleMask() == "RRRRR")
        #expect(render(StatusLine([KeyHint("Enter", "select")]), width: 3, height: 1).plainText == "En…")
    }
}

@Suite("Glyphs")
struct GlyphsTests {
    @Test("ASCII glyphs are all seven-bit")
    func asciiIsASCII() {
        let glyphs = Glyphs.ascii
        let all: [Character] = [
            glyphs.horizontal, glyphs.vertical, glyphs.topLeft, glyphs.topRight, glyphs.bottomLeft, glyphs.bottomRight,
            glyphs.teeRight, glyphs.teeLeft, glyphs.teeDown, glyphs.teeUp, glyphs.fullBlock, glyphs.arrow, glyphs.ellipsis,
        ] + glyphs.partialBlocks
        #expect(all.allSatisfy { $0.isASCII })
        #expect(Glyphs.choose(unicode: false) == .ascii)
        #expect(Glyphs.choose(unicode: true) == .unicode)
        #expect(Glyphs.unicode.partialBlocks.count == 7)
    }
}
