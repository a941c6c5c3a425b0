import TextLayout

/// Where text sits in a table column.
public enum Alignment: Hashable, Sendable {
    case left, right
}

/// One column of a `TableView`.
public struct TableColumn: Hashable, Sendable {
    /// How wide a column is.
    public enum Width: Hashable, Sendable {
        /// Exactly this many cells (fewer if the table runs out of room).
        case fixed(Int)
        /// At least `minimum` cells, plus a share of the spare width by `weight`.
        case flexible(minimum: Int, weight: Int)

        /// A flexible column with no minimum and weight 1.
        public static let flexible = Width.flexible(minimum: 0, weight: 1)
    }

    public var title: String
    public var width: Width
    public var alignment: Alignment

    public init(_ title: String, width: Width = .flexible, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// Rows of cells under column titles, one row selected, scrolled so the selection is visible.
///
/// The first line of the area holds the titles; rows follow. Text wider than its column is cut
/// and ends in an ellipsis. Columns that don't fit at all are left out, rightmost first.
public struct TableView: Widget, Hashable, Sendable {
    public var columns: [TableColumn]
    public var rows: [[String]]
    public var selected: Int?
    /// The first row shown, as the caller last scrolled; corrected so the selection shows.
    public var scrollOffset: Int
    /// Styles for particular rows when not selected (for example dimmed unavailable choices).
    public var rowStyles: [Int: Style]
    public var headerStyle: Style
    public var selectedStyle: Style
    /// Blank cells between columns.
    public var spacing: Int
    public var glyphs: Glyphs

    public init(
        columns: [TableColumn], rows: [[String]], selected: Int? = nil, scrollOffset: Int = 0,
        rowStyles: [Int: Style] = [:], headerStyle: Style = .bold, selectedStyle: Style = .reverse,
        spacing: Int = 1, glyphs: Glyphs = .unicode
    ) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.scrollOffset = scrollOffset
        self.rowStyles = rowStyles
        self.headerStyle = headerStyle
        self.selectedStyle = selectedStyle
        self.spacing = spacing
        self.glyphs = glyphs
    }

    /// The width of each column in a table `totalWidth` cells wide with `spacing` between
    /// columns: fixed widths and flexible minimums first, spare width to flexible columns by
    /// weight; when the room runs out, the rightmost columns shrink, then vanish (width 0).
    public static func columnWidths(_ columns: [TableColumn], totalWidth: Int, spacing: Int = 1) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let gap = max(0, spacing)
        let base = columns.map { column -> Int in
            switch column.width {
            case .fixed(let width): return max(0, width)
            case .flexible(let minimum, _): return max(0, minimum)
            }
        }
        let extents = columns.map { column -> Extent in
            if case .flexible(_, let weight) = column.width { return .fill(max(0, weight)) }
            return .fixed(0)
        }
        let spare = max(0, totalWidth - gap * (columns.count - 1) - base.reduce(0, +))
        let extra = Rect.distribute(spare, extents)
        var remaining = max(0, totalWidth)
        var widths: [Int] = []
        for index in columns.indices {
            let wanted = base[index] + extra[index]
            let granted = min(wanted, remaining)
            widths.append(granted)
            remaining -= granted
            remaining = max(0, remaining - gap)
        }
        return widths
    }

    public func draw(in area: Rect, of buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let widths = TableView.columnWidths(columns, totalWidth: area.width, spacing: spacing)
        drawLine(columns.map(\.title), in: area.row(0), widths: widths, style: headerStyle, into: &buffer)
        let body = area.inset(top: 1)
        guard !body.isEmpty else { return }
        let offset = ListView.scrollOffset(keeping: selected, visible: body.height, count: rows.count, current: scrollOffset)
        for line in 0..<body.height {
            let index = offset + line
            guard index < rows.count else { break }
            let style = index == selected ? selectedStyle : rowStyles[index] ?? .plain
            drawLine(rows[index], in: body.row(line), widths: widths, style: style, into: &buffer)
        }
    }

    private func drawLine(_ texts: [String], in line: Rect, widths: [Int], style: Style, into buffer: inout ScreenBuffer) {
        buffer.fill(line, style: style)
        var x = line.x
        for (index, column) in columns.enumerated() {
            let width = widths[index]
            guard width > 0 else { break }
            let text = TextWidth.truncate(index < texts.count ? texts[index] : "", to: width, ellipsis: glyphs.ellipsis)
            let start = column.alignment == .left ? x : x + width - TextWidth.of(text)
            buffer.put(text, at: Point(x: start, y: line.y), style: style, clip: Rect(x: x, y: line.y, width: width, height: 1).intersection(line))
            x += width + max(0, spacing)
        }
    }
}
