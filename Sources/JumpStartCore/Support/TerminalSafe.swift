/// Text from a file or the network made safe to print: a control character (an escape sequence
/// would retitle or reprogram a terminal) is shown as `\u{1B}`, never sent raw.
public enum TerminalSafe {
    /// `text` with every control character escaped, cut to `limit` characters with "…".
    public static func text(_ text: String, limit: Int = 200) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            guard count < limit else { return out + "…" }
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    /// Whether `text` has no control character (C0, DEL, C1) and is at most `limit` characters.
    public static func isPrintable(_ text: String, limit: Int) -> Bool {
        text.unicodeScalars.count <= limit && !text.unicodeScalars.contains(where: isControl)
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value)
    }
}
