import Testing
import TextLayout

@Suite("BarFill")
struct BarFillTests {
    @Test("Filled eighths are proportional to value over maximum", arguments: [
        // value, maximum, width → eighths
        (0.0, 10.0, 10, 0), (5.0, 10.0, 10, 40), (10.0, 10.0, 10, 80), (20.0, 10.0, 10, 80),
        (1.0, 3.0, 4, 11), (-1.0, 10.0, 10, 0), (1.0, 0.0, 10, 0), (Double.nan, 1.0, 10, 0),
        (Double.infinity, 1.0, 3, 24), (1.0, 1.0, 0, 0),
    ])
    func eighths(value: Double, maximum: Double, width: Int, expected: Int) {
        #expect(BarFill.units(value: value, maximum: maximum, width: width, steps: 8) == expected)
    }

    @Test("Whole blocks, as the command line's cost column draws them")
    func wholeBlocks() {
        let bar = { (v: Double, m: Double) in BarFill.text(value: v, maximum: m, width: 8, full: "█", partials: []) }
        #expect(bar(884.76, 3538.08) == "██")  // 0.25 × 8
        #expect(bar(3538.08, 3538.08) == "████████")
        #expect(bar(1, 100_000) == "█")  // never nothing for a price
        #expect(bar(0, 10) == "")
    }
}
