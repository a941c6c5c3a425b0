import CNcursesw
import TerminalUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the terminal could not be taken over.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, or run by a script).
    case notATerminal
    /// curses could not start on this terminal, typically because TERM is unset or unknown.
    case cannotInitialize(term: String?)

    public var description: String {
        switch self {
        case .notATerminal:
            return "The wizard needs a terminal: standard input and output must not be redirected."
        case .cannotInitialize(let term):
            if let term, !term.isEmpty {
                return "The terminal type “\(term)” is unknown to curses; set TERM to a known type such as xterm-256color."
            }
            return "TERM is not set; set it to your terminal's type, for example xterm-256color."
        }
    }
}

/// The real terminal, through ncurses: reads keys, shows `ScreenBuffer`s, and always gives the
/// terminal back.
///
/// The terminal is in raw mode: Ctrl-C, Ctrl-Z and Ctrl-\ raise no signal but arrive as keys
/// (`.ctrl("c")`…), so the app handles them like any other key. Signals sent from outside
/// (`kill`, a closed terminal) are caught: SIGINT, SIGTERM, SIGHUP and SIGQUIT restore the
/// terminal, then end the process as the signal would have (exit status 128 + signal). An
/// `atexit` hook restores it too, so `exit()` anywhere leaves a usable shell. Call `restore()`
/// (or use `withTerminal`) before printing anything.
///
/// Not thread-safe: use it from one thread (the main one).
public final class Terminal {
    /// Whether colours can be used: the terminal has them and `NO_COLOR` is not set (non-empty).
    public let supportsColor: Bool
    /// Whether the locale's character set is UTF-8; when not, draw with `Glyphs.ascii`
    /// (non-ASCII characters are shown as "?").
    public let isUTF8: Bool

    private var isActive: Bool
    private let hasDefaultColors: Bool
    private let colorCount: Int
    private let maxPairs: Int
    private var pairs: [PairKey: Int16] = [:]
    private var lastPresentedSize: Size?

    private struct PairKey: Hashable {
        let foreground: Color
        let background: Color
    }

    /// Takes over the terminal: sets the locale, starts curses in raw mode without echo, with
    /// keypad decoding, a 25 ms Escape delay and a hidden cursor, and installs the handlers
    /// that restore the terminal on exit and on signals.
    ///
    /// - Throws: `TerminalError` when standard input or output is not a terminal, or curses
    ///   cannot start (it would otherwise exit the process with its own message).
    public init() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")
        isUTF8 = cn_codeset_is_utf8() != 0
        // newterm, unlike initscr, returns NULL instead of exiting when TERM is unusable.
        guard cn_newterm() != nil else {
            throw TerminalError.cannotInitialize(term: getenv("TERM").map { String(cString: $0) })
        }
        isActive = true
        cn_install_restore_handlers()
        raw()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        set_escdelay(25)
        curs_set(0)

        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        if has_colors() && !noColor {
            start_color()
            supportsColor = true
            hasDefaultColors = use_default_colors() != cn_err()
            colorCount = Int(cn_colors())
            maxPairs = Int(cn_color_pairs())
        } else {
            supportsColor = false
            hasDefaultColors = false
            colorCount = 0
            maxPairs = 0
        }
    }

    deinit {
        restore()
    }

    /// Runs `body` with the terminal taken over, and restores it however `body` ends.
    public static func withTerminal<Result>(_ body: (Terminal) throws -> Result) throws -> Result {
        let terminal = try Terminal()
        defer { terminal.restore() }
        return try body(terminal)
    }

    /// The screen's size in cells, as of the last `.resize` key read.
    public var size: Size {
        Size(width: Int(cn_cols()), height: Int(cn_lines()))
    }

    /// The next key pressed, waiting at most `timeoutMs` milliseconds (forever when nil or
    /// negative); nil when the time ran out. After `.resize`, `size` has the new size.
    public func readKey(timeoutMs: Int? = nil) -> Key? {
        guard isActive else { return nil }
        wtimeout(cn_stdscr(), Int32(clamping: timeoutMs ?? -1))
        var character: wint_t = 0
        let result = wget_wch(cn_stdscr(), &character)
        if result == cn_err() { return nil }
        if result == cn_key_code_yes() { return Terminal.key(forCode: Int32(bitPattern: character)) }
        if character == 27 { return escapeOrSequence() }
        return Terminal.key(forCharacter: UInt32(character))
    }

    /// After ESC: a lone Escape, or a sequence curses passed through without naming it (it then
    /// arrives at once, so nothing waits). A sequence we don't know is dropped whole.
    private func escapeOrSequence() -> Key {
        wtimeout(cn_stdscr(), 0)
        var rest = ""
        var next: wint_t = 0
        while rest.count < 8 {
            let r = wget_wch(cn_stdscr(), &next)
            if r == cn_err() { break }
            if r == cn_key_code_yes() {
                // A named key right after ESC: report the Escape now and the key on the next read.
                if rest.isEmpty { _ = ungetch(Int32(bitPattern: next)); return .escape }
                return .unknown
            }
            guard let scalar = Unicode.Scalar(UInt32(next)) else { break }
            if rest.isEmpty, scalar != "[", scalar != "O" {
                // Not a sequence: Escape, then this key on the next read.
                _ = unget_wch(wchar_t(next))
                return .escape
            }
            rest.unicodeScalars.append(scalar)
            if Key.escapeSequenceIsComplete(rest) { return Key.fromEscapeSequence(rest) }
        }
        return rest.isEmpty ? .escape : .unknown
    }

    /// The key for a curses key code (`KEY_UP`…), as `wget_wch` returns with `KEY_CODE_YES`.
    static func key(forCode code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case cn_key_resize(): return .resize
        case (cn_key_f0() + 1)...(cn_key_f0() + 63): return .function(Int(code - cn_key_f0()))
        default: return .unknown
        }
    }

    /// The key for a character `wget_wch` read.
    static func key(forCharacter value: UInt32) -> Key {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        // Ctrl-@ (NUL), Ctrl-\, Ctrl-], Ctrl-^, Ctrl-_: the character the control key was held with.
        case 0, 28...31: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 0x40)))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown }
            return .character(Character(scalar))
        }
    }

    /// Shows `buffer` on the screen: every cell, then one refresh (curses sends only what
    /// changed). Cells beyond the screen are left out; screen beyond the buffer is blank.
    public func present(_ buffer: ScreenBuffer) {
        guard isActive else { return }
        let screen = cn_stdscr()
        if lastPresentedSize != buffer.size || buffer.size != size {
            werase(screen)
            lastPresentedSize = buffer.size
        }
        let rows = min(buffer.height, size.height)
        let columns = min(buffer.width, size.width)
        var cchar = cchar_t()
        var wide: [wchar_t] = []
        for y in 0..<rows {
            for x in 0..<columns {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                wide.removeAll(keepingCapacity: true)
                if isUTF8 {
                    for scalar in cell.character.unicodeScalars.prefix(Int(CCHARW_MAX) - 1) {
                        wide.append(wchar_t(bitPattern: scalar.value))
                    }
                } else {
                    let c = cell.character.isASCII ? cell.character : Terminal.asciiStandIn(cell.character)
                    wide.append(wchar_t(Int32(c.asciiValue ?? 63)))
                }
                wide.append(0)
                let (attributes, pair) = cursesLook(cell.style)
                wide.withUnsafeBufferPointer { pointer in
                    _ = setcchar(&cchar, pointer.baseAddress, attributes, pair, nil)
                }
                // Writing the last cell of the screen reports an error (the cursor can't
                // advance) but the cell is drawn.
                _ = mvwadd_wch(screen, Int32(y), Int32(x), &cchar)
            }
        }
        wrefresh(screen)
    }

    /// What a non-UTF-8 terminal shows for the typography the views use; "?" for anything else.
    static func asciiStandIn(_ c: Character) -> Character {
        switch c {
        case "·", "–", "—", "─", "━": return "-"
        case "≈", "…": return "~"
        case "×": return "x"
        case "→", "►", "▸", "▶": return ">"
        case "←": return "<"
        case "↑": return "^"
        case "↓", "▼": return "v"
        case "✓": return "*"
        case "✗": return "x"
        case "│", "┃": return "|"
        case "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼": return "+"
        case "█", "▉", "▊", "▋", "▌", "▍", "▎", "▏": return "#"
        default: return "?"
        }
    }

    /// Puts `text` on the terminal's clipboard with OSC 52, written straight to the terminal
    /// after curses' own output (curses knows nothing of the sequence; it moves no cursor).
    public func sendToClipboard(_ text: String) {
        guard isActive else { return }
        let bytes = Array(Clipboard.osc52(text).utf8)
        bytes.withUnsafeBufferPointer { p in
            var done = 0
            while done < p.count {
                let n = write(STDOUT_FILENO, p.baseAddress! + done, p.count - done)
                if n <= 0 { break }
                done += n
            }
        }
    }

    /// Gives the terminal back (endwin). Safe to call more than once; the terminal can't be
    /// used afterwards.
    public func restore() {
        guard isActive else { return }
        isActive = false
        cn_restore_terminal()
    }

    private func cursesLook(_ style: Style) -> (attr_t, Int16) {
        var attributes = cn_a_normal()
        if style.attributes.contains(.bold) { attributes |= cn_a_bold() }
        if style.attributes.contains(.dim) { attributes |= cn_a_dim() }
        if style.attributes.contains(.reverse) { attributes |= cn_a_reverse() }
        if style.attributes.contains(.underline) { attributes |= cn_a_underline() }
        guard supportsColor, style.foreground != .default || style.background != .default else { return (attributes, 0) }
        // Without 16 colours, grey text is the classic bold black.
        if style.foreground == .brightBlack, colorCount < 16 { attributes |= cn_a_bold() }
        return (attributes, pair(PairKey(foreground: style.foreground, background: style.background)))
    }

    /// The colour pair for a combination, allocated on first use; pair 0 (the default) when
    /// the terminal has no pairs left.
    private func pair(_ key: PairKey) -> Int16 {
        if let pair = pairs[key] { return pair }
        let number = pairs.count + 1
        guard number < maxPairs, number <= Int(Int16.max) else { return 0 }
        init_pair(Int16(number), cursesColor(key.foreground, isForeground: true), cursesColor(key.background, isForeground: false))
        pairs[key] = Int16(number)
        return Int16(number)
    }

    private func cursesColor(_ color: Color, isForeground: Bool) -> Int16 {
        switch color {
        case .default:
            if hasDefaultColors { return -1 }
            return Int16(isForeground ? COLOR_WHITE : COLOR_BLACK)
        case .black: return Int16(COLOR_BLACK)
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        case .white: return Int16(COLOR_WHITE)
        case .brightBlack: return Int16(colorCount >= 16 ? 8 : COLOR_BLACK)
        }
    }
}
