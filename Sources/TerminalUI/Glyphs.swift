/// The characters widgets draw lines, bars and marks with: Unicode box drawing, or plain ASCII
/// for terminals whose locale is not UTF-8 (or when the user asks for ASCII).
public struct Glyphs: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// ├: a vertical line with a branch to the right.
    public var teeRight: Character
    /// ┤: a vertical line with a branch to the left.
    public var teeLeft: Character
    /// ┬: a horizontal line with a branch down.
    public var teeDown: Character
    /// ┴: a horizontal line with a branch up.
    public var teeUp: Character
    /// A full bar cell.
    public var fullBlock: Character
    /// Partial bar cells from 1/8 to 7/8 full; empty when bars only use whole cells.
    public var partialBlocks: [Character]
    /// Marks the current item (►).
    public var arrow: Character
    /// Ends text cut short (…).
    public var ellipsis: Character

    public init(
        horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
        bottomLeft: Character, bottomRight: Character, teeRight: Character, teeLeft: Character,
        teeDown: Character, teeUp: Character, fullBlock: Character, partialBlocks: [Character],
        arrow: Character, ellipsis: Character
    ) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.teeRight = teeRight
        self.teeLeft = teeLeft
        self.teeDown = teeDown
        self.teeUp = teeUp
        self.fullBlock = fullBlock
        self.partialBlocks = partialBlocks
        self.arrow = arrow
        self.ellipsis = ellipsis
    }

    /// Box drawing and block elements.
    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeRight: "├", teeLeft: "┤", teeDown: "┬", teeUp: "┴",
        fullBlock: "█", partialBlocks: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], arrow: "►", ellipsis: "…"
    )

    /// Seven-bit ASCII only.
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeRight: "+", teeLeft: "+", teeDown: "+", teeUp: "+",
        fullBlock: "#", partialBlocks: [], arrow: ">", ellipsis: "~"
    )

    /// `.unicode` when the terminal can show it, else `.ascii`.
    public static func choose(unicode isUTF8: Bool) -> Glyphs {
        isUTF8 ? .unicode : .ascii
    }
}
