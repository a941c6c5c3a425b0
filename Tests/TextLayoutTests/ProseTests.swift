import Testing
import TextLayout

@Suite("Prose")
struct ProseTests {
    @Test("Breaks between words only; each line within the width")
    func words() {
        #expect(Prose.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(Prose.wrap("the quick brown fox jumps", width: 10, indent: "  ") == ["the quick", "  brown", "  fox", "  jumps"])
    }

    @Test("A path or URL longer than the line stands alone, whole")
    func longWord() {
        let path = "/usr/local/share/jumpstart-tui/data/pricing/pricing_fallback.yml"
        #expect(Prose.wrap("Prices from \(path) as of 2025-01-26.", width: 40) == ["Prices from", path, "as of 2025-01-26."])
        #expect(Prose.wrap(path, width: 10) == [path])
        #expect(Prose.wrap("see https://example.com/a/very/long/eula/address.html now", width: 20, indent: "  ")
            == ["see", "  https://example.com/a/very/long/eula/address.html", "  now"])
    }

    @Test("Line breaks, leading spaces and empty lines are kept")
    func layout() {
        #expect(Prose.wrap("  indented text\n\nnext", width: 80) == ["  indented text", "", "next"])
        #expect(Prose.wrap("", width: 5) == [""])
    }

    @Test("Widths are display cells: wide characters count twice")
    func wide() {
        #expect(Prose.wrap("日本語 日本語", width: 8) == ["日本語", "日本語"])
        #expect(Prose.wrap("日本語 日本語", width: 13) == ["日本語 日本語"])
    }

    @Test("A command in backticks is one word: never broken inside")
    func commands() {
        let text = "unknown: no price for ml.g5.2xlarge in eu-west-1; `jumpstart-tui pricing update --regions eu-west-1` fetches current prices"
        let lines = Prose.wrap(text, width: 50)
        #expect(lines.contains("`jumpstart-tui pricing update --regions eu-west-1`"))
        #expect(lines.joined(separator: " ") == text)
        // An unclosed backtick quotes nothing.
        #expect(Prose.wrap("a `b c", width: 3) == ["a", "`b", "c"])
    }
}
