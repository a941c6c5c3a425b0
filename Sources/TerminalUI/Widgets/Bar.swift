import TextLayout

/// A horizontal bar whose length is `value / maximum` of its width, drawn on every row of its
/// area: whole cells as full blocks, the last cell as an eighth-block when the glyphs have them
/// (ASCII glyphs round to whole cells of "#").
public struct Bar: Widget, Hashable, Sendable {
    public var value: Double
    public var maximum: Double
    public var style: Style
    public var glyphs: Glyphs

    public init(value: Double, maximum: Double, style: Style = .plain, glyphs: Glyphs = .unicode) {
        self.value = value
        self.maximum = maximum
        self.style = style
        self.glyphs = glyphs
    }

    /// The bar's text for `width` cells, without trailing blanks (`BarFill`, the command line's rule too).
    public func text(width: Int) -> String {
        BarFill.text(value: value, maximum: maximum, width: width, full: String(glyphs.fullBlock), partials: glyphs.partialBlocks.map(String.init))
    }

    public func draw(in area: Rect, of buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let text = text(width: area.width)
        for row in 0..<area.height {
            buffer.put(text, at: area.row(row).origin, style: style, clip: area)
        }
    }
}
