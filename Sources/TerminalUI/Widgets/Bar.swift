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

    /// The filled length in units of 1/`steps` of a cell (steps = 8 for eighth blocks, 1 for
    /// whole cells), rounded to the nearest unit and clamped to the width. A maximum of zero or
    /// less, a negative value, or one that is not a number gives 0.
    public static func filledUnits(value: Double, maximum: Double, width: Int, steps: Int) -> Int {
        guard width > 0, steps > 0, maximum > 0, value > 0 else { return 0 }
        let total = width * steps
        let exact = value / maximum * Double(total)
        guard exact.isFinite else { return total }
        return min(total, max(0, Int(exact.rounded())))
    }

    /// The bar's text for `width` cells, without trailing blanks.
    public func text(width: Int) -> String {
        let steps = glyphs.partialBlocks.count + 1
        let units = Bar.filledUnits(value: value, maximum: maximum, width: width, steps: steps)
        var text = String(repeating: glyphs.fullBlock, count: units / steps)
        if units % steps > 0 { text.append(glyphs.partialBlocks[units % steps - 1]) }
        return text
    }

    public func draw(in area: Rect, of buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let text = text(width: area.width)
        for row in 0..<area.height {
            buffer.put(text, at: area.row(row).origin, style: style, clip: area)
        }
    }
}
