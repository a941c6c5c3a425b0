import Foundation
import TextLayout
import TerminalUI

/// A full-screen view of a text that must be read whole or copied whole — the template, the
/// commands of the export step, an EULA address: no box, no wrapping, nothing cut. Lines scroll
/// vertically and horizontally; `/` searches; `y` copies the text (OSC 52). `Wizard` routes keys
/// here while it is open; `ViewerView` draws it.
public struct TextViewer: Sendable, Equatable {
    public var title: String
    public var lines: [String]
    /// What `y` copies: the text itself, or (for commands) just the commands.
    public var copyText: String
    /// The first line shown, and the first column.
    public var top = 0
    public var left = 0
    /// The search being typed after `/`; nil when not typing.
    public var searchField: TextFieldState?
    /// The last search, for n and N.
    public var query = ""
    /// The line of the current match.
    public var matchLine: Int?

    public init(title: String, text: String, copyText: String? = nil) {
        self.title = title
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if self.lines.last == "" && self.lines.count > 1 { self.lines.removeLast() }
        self.copyText = copyText ?? text
    }

    /// Rows of text on a screen of `height` rows: the title line and the key line take two.
    public static func rows(_ height: Int) -> Int { max(1, height - 2) }
    /// Columns moved by ← and →.
    static let sideStep = 8

    var longest: Int { lines.map { TextWidth.of($0) }.max() ?? 0 }

    /// A key while the viewer is open. Returns nil when the key closes it, else the effects.
    mutating func handle(_ key: Key, size: Size) -> (close: Bool, effects: [Effect], flash: String?) {
        let rows = Self.rows(size.height)
        if var field = searchField {
            switch key {
            case .escape: searchField = nil
            case .enter:
                searchField = nil
                if !field.text.isEmpty { query = field.text }
                return (false, [], find(from: top, forward: true, rows: rows))
            default:
                if let edited = field.applying(key) { field = edited; searchField = field }
            }
            return (false, [], nil)
        }
        // The top of a full last page; paging may go past it (a short last page), so that paging
        // from the top shows every line exactly once.
        let lastTop = max(0, lines.count - rows)
        let more = top + rows < lines.count
        switch key {
        case .escape, .character("q"): return (true, [], nil)
        case .up, .character("k"): top -= 1
        case .down, .character("j"): if more { top += 1 }
        // A page is exactly the rows shown: the next page starts at the line after the last one seen.
        case .pageDown, .character(" "), .character("f"): if more { top += rows }
        case .pageUp, .character("b"): top -= rows
        case .home, .character("g"): top = 0; left = 0
        case .end, .character("G"): top = lastTop
        case .left, .character("h"): left -= Self.sideStep
        case .right, .character("l"): left += Self.sideStep
        case .character("0"): left = 0
        case .character("$"): left = max(0, longest - size.width)
        case .character("/"): searchField = TextFieldState()
        case .character("n"): return (false, [], find(from: (matchLine ?? top) + 1, forward: true, rows: rows))
        case .character("N"): return (false, [], find(from: (matchLine ?? top) - 1, forward: false, rows: rows))
        case .character("y"):
            let count = copyText.count
            return (false, [.copyToClipboard(copyText)],
                    "Sent \(count) characters to the clipboard (OSC 52); a terminal that doesn't take OSC 52 ignores it — then select the text here.")
        default: break
        }
        top = min(max(0, top), max(0, lines.count - 1))
        left = min(max(0, left), max(0, longest - 1))
        return (false, [], nil)
    }

    /// Moves to the next (or previous) line containing the query, wrapping around; the match is
    /// shown on the page's first line and its column brought into view.
    mutating func find(from start: Int, forward: Bool, rows: Int) -> String? {
        guard !query.isEmpty, !lines.isEmpty else { return nil }
        let n = lines.count
        for step in 0..<n {
            let i = ((forward ? start + step : start - step) % n + n) % n
            guard let range = lines[i].range(of: query, options: .caseInsensitive) else { continue }
            matchLine = i
            top = min(i, max(0, n - rows))
            let column = TextWidth.of(lines[i][..<range.lowerBound])
            if column < left || column >= left + 60 { left = max(0, column - 8) }
            let wrapped = forward ? i < start % n : i > ((start % n) + n) % n
            return "\"\(query)\": line \(i + 1) of \(n)" + (wrapped ? (forward ? " (from the top)" : " (from the bottom)") : "")
        }
        matchLine = nil
        return "\"\(query)\" is not in the text."
    }
}
