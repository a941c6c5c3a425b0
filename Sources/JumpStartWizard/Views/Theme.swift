import TerminalUI

/// Styles and glyphs for one terminal: colours only where the terminal has them and NO_COLOR
/// is unset; meaning is never carried by colour alone (marks and words say it too).
public struct Theme: Sendable, Equatable {
    public var colors: Bool
    public var glyphs: Glyphs

    public init(colors: Bool, unicode: Bool) {
        self.colors = colors
        self.glyphs = Glyphs.choose(unicode: unicode)
    }

    /// Plain text snapshots: no colour, Unicode glyphs.
    public static let plain = Theme(colors: false, unicode: true)

    func color(_ c: Color, _ attrs: TextAttributes = []) -> Style {
        colors ? Style(foreground: c, attributes: attrs) : Style(attributes: attrs)
    }

    var title: Style { color(.cyan, .bold) }
    var header: Style { colors ? Style(foreground: .black, background: .cyan, attributes: .bold) : .reverse }
    var selected: Style { .reverse }
    var dim: Style { colors ? Style(foreground: .brightBlack) : .dim }
    var good: Style { color(.green) }
    var bad: Style { color(.red) }
    var warn: Style { color(.yellow, .bold) }
    var money: Style { color(.green, .bold) }
    var key: Style { .reverse }
    var bar: Style { color(.green) }
    var check: Character { glyphs == .ascii ? "*" : "✓" }
    var cross: Character { glyphs == .ascii ? "x" : "✗" }
    var bullet: Character { glyphs == .ascii ? ">" : "▸" }
}
