import TextLayout
import Foundation
import JumpStartCore

/// A plain-text table that fits a width: columns get their content's width, and the one
/// flexible column gives way (its cells shortened in the middle with "…") when the total is too wide.
struct TextTable {
    enum Alignment { case left, right }
    struct Column {
        var title: String
        var alignment: Alignment = .left
        /// The column that shrinks when the table is too wide.
        var flexible = false
        var minWidth = 8
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// Lines of the table, each at most `width` columns when a width is given.
    func render(width: Int?) -> [String] {
        var widths = columns.indices.map { i in
            max(columns[i].title.displayWidth, rows.map { $0[i].displayWidth }.max() ?? 0)
        }
        let gap = 2
        let total = widths.reduce(0, +) + gap * (columns.count - 1)
        if let width, total > width, let flex = columns.firstIndex(where: \.flexible) {
            widths[flex] = max(columns[flex].minWidth, widths[flex] - (total - width))
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                let text = cell.fitted(to: widths[i])
                let pad = String(repeating: " ", count: max(0, widths[i] - text.displayWidth))
                let isLast = i == cells.count - 1
                switch columns[i].alignment {
                case .left: out += text + (isLast ? "" : pad)
                case .right: out += pad + text
                }
                if !isLast { out += String(repeating: " ", count: gap) }
            }
            return out.trimmingTrailingSpaces()
        }
        return [line(columns.map(\.title))] + rows.map(line)
    }
}

extension String {
    /// Terminal columns, counting each character as one (the tables hold ASCII and a few symbols).
    var displayWidth: Int { count }

    /// Shortened in the middle with "…" to at most `width` characters.
    func fitted(to width: Int) -> String { TextFit.middle(self, to: width) }

    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// Word-wrapped to `width` columns, continuation lines starting with `indent` (`Prose`: no
    /// word, path or URL is ever split).
    func wrapped(to width: Int, indent: String = "") -> [String] {
        Prose.wrap(self, width: width, indent: indent)
    }
}

/// The width tables should fit: `COLUMNS`, else the terminal's when standard output is one,
/// else no limit (output piped to a file or another program keeps whole names).
func outputWidth(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
    if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
    var size = winsize()
    if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 {
        return Int(size.ws_col)
    }
    return nil
}
