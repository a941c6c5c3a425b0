/// Text wrapped to the width of its area, scrolled by whole lines.
public struct Paragraph: Widget, Hashable, Sendable {
    public var text: String
    public var style: Style
    /// Wrapped lines skipped at the top.
    public var scrollOffset: Int

    public init(_ text: String, style: Style = .plain, scrollOffset: Int = 0) {
        self.text = text
        self.style = style
        self.scrollOffset = scrollOffset
    }

    /// `text` broken into lines no wider than `width` cells.
    ///
    /// Line breaks in the text are kept (an empty line stays empty); words break at spaces,
    /// and a word longer than the width is cut into width-sized pieces. Runs of spaces between
    /// words on one line are kept; spaces at a break are dropped.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            var pendingSpaces = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                if word.isEmpty {
                    pendingSpaces += " "
                    continue
                }
                let separator = lineWidth == 0 ? "" : pendingSpaces + " "
                pendingSpaces = ""
                let wordWidth = TextWidth.of(word)
                if lineWidth > 0, lineWidth + separator.count + wordWidth <= width {
                    line += separator + word
                    lineWidth += separator.count + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                var rest = Substring(word)
                while TextWidth.of(rest) > width {
                    var piece = TextWidth.cut(rest, to: width)
                    if piece.isEmpty, let first = rest.first { piece = String(first) }  // wider than the line
                    lines.append(piece)
                    rest = rest.dropFirst(piece.count)
                }
                line = String(rest)
                lineWidth = TextWidth.of(rest)
            }
            lines.append(line)
        }
        return lines
    }

    public func draw(in area: Rect, of buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let lines = Paragraph.wrap(text, width: area.width).dropFirst(max(0, scrollOffset))
        for (row, line) in lines.prefix(area.height).enumerated() {
            buffer.put(line, at: area.row(row).origin, style: style, clip: area)
        }
    }
}
