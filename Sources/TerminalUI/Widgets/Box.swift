import TextLayout

/// A border around a rectangle, with an optional title in the top edge.
///
/// Needs at least 2×2 cells (7 columns to show the title); smaller rectangles are left untouched. `Box.inner(_:)` gives the
/// area inside the border for the content.
public struct Box: Widget, Hashable, Sendable {
    public var title: String?
    public var borderStyle: Style
    public var titleStyle: Style
    public var glyphs: Glyphs

    public init(title: String? = nil, borderStyle: Style = .plain, titleStyle: Style = .bold, glyphs: Glyphs = .unicode) {
        self.title = title
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.glyphs = glyphs
    }

    /// The area inside the border of a box drawn in `area`.
    public static func inner(_ area: Rect) -> Rect {
        area.inset(by: 1)
    }

    public func draw(in area: Rect, of buffer: inout ScreenBuffer) {
        guard area.width >= 2, area.height >= 2 else { return }
        let top = area.y
        let bottom = area.maxY - 1
        let left = area.x
        let right = area.maxX - 1
        let horizontal = String(repeating: glyphs.horizontal, count: area.width - 2)
        buffer.put("\(glyphs.topLeft)\(horizontal)\(glyphs.topRight)", at: Point(x: left, y: top), style: borderStyle, clip: area)
        buffer.put("\(glyphs.bottomLeft)\(horizontal)\(glyphs.bottomRight)", at: Point(x: left, y: bottom), style: borderStyle, clip: area)
        for y in (top + 1)..<bottom {
            buffer.put(String(glyphs.vertical), at: Point(x: left, y: y), style: borderStyle, clip: area)
            buffer.put(String(glyphs.vertical), at: Point(x: right, y: y), style: borderStyle, clip: area)
        }
        // "┌─ Title ─┐": a border cell on each side of the spaced title, so it needs 7 columns.
        if let title, !title.isEmpty, area.width >= 7 {
            let label = TextWidth.truncate(title, to: area.width - 6, ellipsis: glyphs.ellipsis)
            buffer.put(" \(label) ", at: Point(x: left + 2, y: top), style: titleStyle, clip: area.inset(left: 2, right: 2))
        }
    }
}
