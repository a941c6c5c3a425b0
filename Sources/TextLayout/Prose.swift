/// Prose broken into lines, one rule for the command line and the wizard: lines break only
/// between words, so a word, a path, a URL or a command is never split; one longer than the line
/// stands alone on its own line, whole (a terminal wraps or scrolls it, and it still copies and
/// clicks as one). A command quoted in backticks (`` `jumpstart-tui pricing update` ``) is one
/// word with its spaces. Widths are display cells (`TextWidth`).
public enum Prose {
    /// `text` in lines of at most `width` cells except where one word is wider. Line breaks in the
    /// text are kept (an empty line stays empty); continuation lines of a paragraph start with
    /// `indent`; leading spaces of a paragraph are kept; runs of spaces between words on one line
    /// are kept, spaces at a break dropped.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lead = paragraph.prefix { $0 == " " }
            var line = String(lead)
            var lineWidth = lead.count
            var onLine = 0  // words on the current line
            var pendingSpaces = ""
            for word in words(paragraph.dropFirst(lead.count)) {
                if word.isEmpty {
                    pendingSpaces += " "
                    continue
                }
                let separator = onLine == 0 ? "" : pendingSpaces + " "
                pendingSpaces = ""
                let wordWidth = TextWidth.of(word)
                if onLine == 0 || lineWidth + separator.count + wordWidth <= width {
                    line += separator + word
                    lineWidth += separator.count + wordWidth
                } else {
                    lines.append(line)
                    line = indent + word
                    lineWidth = TextWidth.of(indent) + wordWidth
                }
                onLine += 1
            }
            lines.append(line)
        }
        return lines
    }

    /// Split at single spaces (a run of spaces gives empty words, kept as spacing), except inside
    /// a backtick-quoted span, which stays one word; an unclosed backtick quotes nothing.
    static func words(_ text: Substring) -> [Substring] {
        var out: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        var quoted = false
        while i < text.endIndex {
            let c = text[i]
            if c == "`" {
                quoted = quoted ? false : text[text.index(after: i)...].contains("`")
            } else if c == " ", !quoted {
                out.append(text[start..<i])
                start = text.index(after: i)
            }
            i = text.index(after: i)
        }
        out.append(text[start...])
        return out
    }
}
