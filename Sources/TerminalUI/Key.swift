/// A key press, as the backend reports it and the app handles it.
///
/// In raw mode Ctrl-C does not raise SIGINT: it arrives as `.ctrl("c")`, and the app decides
/// what it means. Enter is `.enter` whether the terminal sent CR or LF.
public enum Key: Hashable, Sendable {
    /// A printable character (letters keep their case; space is `.character(" ")`).
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// Control plus a letter, the letter in lower case (`.ctrl("c")`).
    case ctrl(Character)
    /// F1…F12 (and beyond, if the terminal has them).
    case function(Int)
    /// The terminal changed size; re-read the size and redraw.
    case resize
    /// Anything the backend could not name.
    case unknown

    private static let namedKeys: [(String, Key)] = [
        ("enter", .enter), ("esc", .escape), ("tab", .tab), ("shift-tab", .backTab),
        ("backspace", .backspace), ("delete", .delete), ("up", .up), ("down", .down),
        ("left", .left), ("right", .right), ("home", .home), ("end", .end),
        ("pageup", .pageUp), ("pagedown", .pageDown), ("resize", .resize), ("unknown", .unknown),
        ("space", .character(" ")),
    ]

    private static let aliases: [String: Key] = [
        "return": .enter, "escape": .escape, "backtab": .backTab, "btab": .backTab, "bs": .backspace,
        "del": .delete, "pgup": .pageUp, "pgdn": .pageDown, "page-up": .pageUp, "page-down": .pageDown,
    ]

    /// A stable name for the key: the character itself for printable keys ("a", "A", "/"),
    /// "space", "enter", "esc", "tab", "shift-tab", "backspace", "delete", "up", "down", "left",
    /// "right", "home", "end", "pageup", "pagedown", "ctrl-c", "f1", "resize", "unknown".
    ///
    /// `Key(name: key.name) == key` for every key.
    public var name: String {
        switch self {
        case .character(" "): return "space"
        case .character(let character): return String(character)
        case .ctrl(let character): return "ctrl-\(character)"
        case .function(let number): return "f\(number)"
        default:
            return Key.namedKeys.first { $0.1 == self }?.0 ?? "unknown"
        }
    }

    /// The key with this name (see `name`); also accepts "escape", "return", "backtab", "del",
    /// "pgup", "pgdn", "c-x" and "^x" for Ctrl-X. Multi-letter names are case-insensitive;
    /// a single character is itself, case kept.
    public init?(name: String) {
        if name.count == 1, let character = name.first {
            self = .character(character)
            return
        }
        let lowered = name.lowercased()
        if let key = Key.namedKeys.first(where: { $0.0 == lowered })?.1 ?? Key.aliases[lowered] {
            self = key
            return
        }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count)
            guard rest.count == 1, let character = rest.first else { return nil }
            self = .ctrl(character)
            return
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), number > 0 {
            self = .function(number)
            return
        }
        return nil
    }

    /// Keys from space-separated names ("down down enter"), for headless test harnesses.
    ///
    /// - Throws: `UnknownKeyName` for the first name that is not a key.
    public static func sequence(_ names: String) throws(UnknownKeyName) -> [Key] {
        try names.split(separator: " ").map { (name) throws(UnknownKeyName) -> Key in
            guard let key = Key(name: String(name)) else { throw UnknownKeyName(name: String(name)) }
            return key
        }
    }
}

/// A key name `Key(name:)` does not know.
public struct UnknownKeyName: Error, Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public init(name: String) {
        self.name = name
    }

    public var description: String {
        "“\(name)” is not a key name; use a single character or one of enter, esc, tab, shift-tab, "
            + "backspace, delete, up, down, left, right, home, end, pageup, pagedown, space, ctrl-<letter>, f<number>."
    }
}
