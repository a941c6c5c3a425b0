import TextLayout
import TerminalUI

/// The full-screen text view (`TextViewer`): a title line with the position, the lines from the
/// viewer's top and left column — never wrapped, never shortened: what does not fit is reached by
/// scrolling, with ‹ and › saying there is more to the side — and a line of keys (or the search
/// being typed, or the last message).
enum ViewerView {
    static func draw(_ viewer: TextViewer, flash: String?, size: Size, _ theme: Theme, into buffer: inout ScreenBuffer) {
        let rows = TextViewer.rows(size.height)
        let n = viewer.lines.count
        let last = min(n, viewer.top + rows)
        let header = Rect(x: 0, y: 0, width: size.width, height: 1)
        buffer.fill(header, style: theme.header)
        let position = "lines \(n == 0 ? 0 : viewer.top + 1)–\(last) of \(n)" + (viewer.left > 0 ? " · column \(viewer.left + 1)" : "") + " "
        let room = max(0, size.width - TextWidth.of(position) - 1)
        buffer.put(" " + TextWidth.truncate(viewer.title, to: max(0, room - 1)), at: Point(x: 0, y: 0), style: theme.header, clip: header)
        buffer.put(position, at: Point(x: max(0, size.width - TextWidth.of(position)), y: 0), style: theme.header, clip: header)
        for (row, i) in (viewer.top..<last).enumerated() {
            let line = viewer.lines[i]
            let shown = String(line.dropFirst(viewer.left))
            let y = row + 1
            let style: Style = i == viewer.matchLine ? theme.selected : .plain
            buffer.put(shown, at: Point(x: 0, y: y), style: style, clip: Rect(x: 0, y: y, width: size.width, height: 1))
            if viewer.left > 0, !line.isEmpty { buffer.put("‹", at: Point(x: 0, y: y), style: theme.dim) }
            if TextWidth.of(shown) > size.width { buffer.put("›", at: Point(x: size.width - 1, y: y), style: theme.dim) }
        }
        let footer = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        if let field = viewer.searchField {
            buffer.put("/", at: footer.origin, style: theme.key, clip: footer)
            buffer.render(TextField(state: field, isFocused: true), in: Rect(x: 1, y: footer.y, width: size.width - 1, height: 1))
        } else if let flash {
            buffer.put(TextWidth.truncate(" " + flash, to: size.width), at: footer.origin, style: theme.warn, clip: footer)
        } else {
            let hints = [KeyHint("q/Esc", "close"), KeyHint("↑↓ Space PgUp", "scroll"), KeyHint("←→", "sideways"),
                         KeyHint("/", "search"), KeyHint("n/N", "next/prev"), KeyHint("y", "copy"), KeyHint("g/G", "top/end")]
            buffer.render(StatusLine(hints, keyStyle: theme.key, glyphs: theme.glyphs), in: footer)
        }
    }
}
