import TextLayout

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

    /// `text` broken into lines of `width` cells between words only (`Prose`, the command line's
    /// rule too): a word, path or URL wider than the line stands alone on its line, whole, and is
    /// shortened with "…" only where it is drawn.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        return Prose.wrap(text, width: width)
    }

    public func draw(in area: Rect, of buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let lines = Paragraph.wrap(text, width: area.width).dropFirst(max(0, scrollOffset))
        for (row, line) in lines.prefix(area.height).enumerated() {
            buffer.put(TextWidth.truncate(line, to: area.width), at: area.row(row).origin, style: style, clip: area)
        }
    }
}
