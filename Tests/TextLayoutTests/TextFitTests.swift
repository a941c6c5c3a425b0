import Testing
import TextLayout

@Suite("TextFit")
struct TextFitTests {
    @Test("Shortened in the middle, keeping start and end", arguments: [
        ("huggingface-llm-mistral-7b-instruct@3.5.0", 20, "huggingfac…uct@3.5.0"),
        ("short", 10, "short"),
        ("exactly10!", 10, "exactly10!"),
        ("abcdef", 1, "a"),
        ("abcdef", 0, ""),
    ])
    func middle(text: String, width: Int, expected: String) {
        #expect(TextFit.middle(text, to: width) == expected)
        #expect(TextFit.middle(text, to: width).count <= max(width, 0))
    }
}
