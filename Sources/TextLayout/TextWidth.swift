/// Display widths of characters and strings, and truncation to a width.
public enum TextWidth {
    /// How many cells `character` takes: 0 for control characters and lone combining marks,
    /// 2 for East Asian wide/fullwidth characters and emoji, 1 otherwise.
    ///
    /// A simplified `wcwidth`; the content of this program is mostly ASCII and box drawing.
    public static func of(_ character: Character) -> Int {
        if character.isASCII {
            guard let value = character.asciiValue else { return 1 }  // "\r\n" is ASCII too
            return value < 0x20 || value == 0x7F ? 0 : 1
        }
        guard let first = character.unicodeScalars.first else { return 0 }
        let properties = first.properties
        switch properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        if properties.isEmojiPresentation { return 2 }
        if properties.isEmoji, character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if isWide(first.value) { return 2 }
        return 1
    }

    /// The number of cells `text` takes.
    public static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// `text` cut to at most `width` cells, ending in `ellipsis` when something was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let ellipsisWidth = of(ellipsis)
        guard width > ellipsisWidth else { return ellipsisWidth <= width ? String(ellipsis) : cut(text, to: width) }
        return cut(text, to: width - ellipsisWidth) + String(ellipsis)
    }

    /// The longest prefix of `text` that fits in `width` cells.
    public static func cut(_ text: some StringProtocol, to width: Int) -> String {
        var used = 0
        var result = ""
        for character in text {
            let w = of(character)
            if used + w > width { break }
            used += w
            result.append(character)
        }
        return result
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
