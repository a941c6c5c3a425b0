/// Fitting text into a width, one rule for the command line's tables and the wizard's screens.
public enum TextFit {
    /// Shortened in the middle with "…" to at most `width` characters, keeping the start and the
    /// end, which say most (`huggingface-llm-…-instruct@3.5.0`). Counts characters: the names it
    /// shortens are ASCII.
    public static func middle(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(max(0, width))) }
        let keep = width - 1
        let head = (keep + 1) / 2
        return String(text.prefix(head)) + "…" + String(text.suffix(keep - head))
    }
}
