extension Key {
    /// The key a terminal escape sequence stands for, given the characters after ESC
    /// (`"[1~"`, `"OH"`, `"[A"`…): the backend asks when curses passes a sequence through whole,
    /// as it does for Home and End under TERM=xterm-256color inside tmux. `.unknown` for anything
    /// else, so an unrecognised key never types its sequence into a field.
    public static func fromEscapeSequence(_ rest: String) -> Key {
        switch rest {
        case "[A", "OA": return .up
        case "[B", "OB": return .down
        case "[C", "OC": return .right
        case "[D", "OD": return .left
        case "[H", "OH", "[1~", "[7~": return .home
        case "[F", "OF", "[4~", "[8~": return .end
        case "[5~": return .pageUp
        case "[6~": return .pageDown
        case "[3~": return .delete
        case "[Z": return .backTab
        case "OP", "[11~": return .function(1)
        case "OQ", "[12~": return .function(2)
        case "OR", "[13~": return .function(3)
        case "OS", "[14~": return .function(4)
        default: return .unknown
        }
    }

    /// Whether `rest` (the characters after ESC so far) is a whole sequence: a CSI (`[`) ends
    /// with a byte from `@` to `~`, an SS3 (`O`) after one more character.
    public static func escapeSequenceIsComplete(_ rest: String) -> Bool {
        guard let first = rest.first else { return false }
        if first == "O" { return rest.count >= 2 }
        if first == "[" {
            guard rest.count >= 2, let last = rest.unicodeScalars.last else { return false }
            return (0x40...0x7E).contains(last.value)
        }
        return true
    }
}
