import TextLayout

/// One row of a `ListView`.
public struct ListItem: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    /// The row's style when it is not selected.
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}

/// Rows of text, one of them selected, scrolled so the selection is visible.
public struct ListView: Widget, Hashable, Sendable {
    public var items: [ListItem]
    /// The selected row, or nil for none.
    public var selected: Int?
    /// The first row shown, as the caller last scrolled; corrected so the selection shows.
    public var scrollOffset: Int
    public var selectedStyle: Style
    public var glyphs: Glyphs

    public init(items: [ListItem], selected: Int? = nil, scrollOffset: Int = 0, selectedStyle: Style = .reverse, glyphs: Glyphs = .unicode) {
        self.items = items
        self.selected = selected
        self.scrollOffset = scrollOffset
        self.selectedStyle = selectedStyle
        self.glyphs = glyphs
    }

    public init(_ texts: [String], selected: Int? = nil, scrollOffset: Int = 0, selectedStyle: Style = .reverse, glyphs: Glyphs = .unicode) {
        self.init(items: texts.map { ListItem($0) }, selected: selected, scrollOffset: scrollOffset, selectedStyle: selectedStyle, glyphs: glyphs)
    }

    /// The first row to show so that `selected` is visible in `visibleRows` rows, moving as
    /// little as possible from `current`, and never leaving empty rows below the last item
    /// when there are items above to fill them.
    public static func scrollOffset(keeping selected: Int?, visible visibleRows: Int, count: Int, current: Int) -> Int {
        guard visibleRows > 0, count > 0 else { return 0 }
        var offset = min(max(0, current), max(0, count - visibleRows))
        if let selected, selected >= 0, selected < count {
            if selected < offset { offset = selected }
            if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        }
        return offset
    }

    public func draw(in area: Rect, of buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let offset = ListView.scrollOffset(keeping: selected, visible: area.height, count: items.count, current: scrollOffset)
        for row in 0..<area.height {
            let index = offset + row
            guard index < items.count else { break }
            let item = items[index]
            let line = area.row(row)
            let style = index == selected ? selectedStyle : item.style
            buffer.fill(line, style: style)
            let text = TextWidth.truncate(item.text, to: area.width, ellipsis: glyphs.ellipsis)
            buffer.put(text, at: line.origin, style: style, clip: line)
        }
    }
}
