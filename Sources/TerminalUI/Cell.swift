/// One cell of a screen: a character and its style.
///
/// A wide character (East Asian wide, emoji) takes two cells: the first holds the character, the
/// second is a continuation cell that holds nothing and is skipped when the screen is printed.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A space in the plain style.
    public static let blank = Cell()
}

