/// How much of a horizontal bar `value / maximum` fills, one rule for the wizard's `Bar` widget
/// and the command line's cost column: whole cells as full blocks and the last cell as an
/// eighth-block where the glyphs have them (`partials` empty: whole cells only).
public enum BarFill {
    /// The filled length in units of 1/`steps` of a cell, rounded to the nearest unit and clamped
    /// to the width. A maximum of zero or less, a negative value, or one that is not a number
    /// gives 0.
    public static func units(value: Double, maximum: Double, width: Int, steps: Int) -> Int {
        guard width > 0, steps > 0, maximum > 0, value > 0 else { return 0 }
        let total = width * steps
        let exact = value / maximum * Double(total)
        guard exact.isFinite else { return total }
        return min(total, max(0, Int(exact.rounded())))
    }

    /// The bar for `width` cells, without trailing blanks: `full` repeated, then one of `partials`
    /// (the 1/8 … 7/8 blocks, ascending). A value too small to round to one unit still shows the
    /// smallest mark, so a non-zero figure never looks like nothing.
    public static func text(value: Double, maximum: Double, width: Int, full: String, partials: [String]) -> String {
        let steps = partials.count + 1
        var units = units(value: value, maximum: maximum, width: width, steps: steps)
        if units == 0, value > 0, maximum > 0, width > 0 { units = 1 }
        var text = String(repeating: full, count: units / steps)
        if units % steps > 0 { text.append(partials[units % steps - 1]) }
        return text
    }
}
