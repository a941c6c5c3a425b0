import TextLayout

/// A width × height grid of styled cells that widgets draw into and a backend copies to a screen.
///
/// Every drawing operation clips to the buffer (and to an optional clip rectangle): coordinates
/// out of range, negative, or a zero-sized buffer are never an error, the cells just aren't drawn.
/// `plainText` is the snapshot format tests compare against.
public struct ScreenBuffer: Hashable, Sendable {
    public private(set) var size: Size
    /// Row-major: the cell at (x, y) is at `y * width + x`.
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        self.cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    /// The whole buffer as a rectangle at (0, 0).
    public var bounds: Rect { Rect(size: size) }

    /// The cell at (x, y), or nil outside the buffer.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return cells[y * width + x]
    }

    /// The cell at (x, y); reading outside the buffer gives a blank cell, writing there does nothing.
    public subscript(x: Int, y: Int) -> Cell {
        get { cell(x: x, y: y) ?? .blank }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Blanks every cell.
    public mutating func clear(style: Style = .plain) {
        cells = Array(repeating: Cell(style: style), count: cells.count)
    }

    /// Changes the size, blanking every cell.
    public mutating func resize(to newSize: Size) {
        size = newSize
        cells = Array(repeating: .blank, count: newSize.width * newSize.height)
    }

    /// Draws `string` on one row starting at `point`, clipped to `clip` and the buffer.
    ///
    /// Control characters (newlines included) take no cell; a tab draws as one space. A wide
    /// character that would straddle the clip edge is drawn as spaces in the cells it would
    /// have covered inside the clip.
    ///
    /// - Returns: the column after the last character, as if nothing had been clipped
    ///   (so callers can continue a line with another style).
    @discardableResult
    public mutating func put(_ string: some StringProtocol, at point: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        var column = point.x
        guard !area.isEmpty, point.y >= area.y, point.y < area.maxY else {
            return point.x + TextWidth.of(string)
        }
        for var character in string {
            if character == "\t" { character = " " }
            let characterWidth = TextWidth.of(character)
            guard characterWidth > 0 else { continue }
            let end = column + characterWidth
            if column >= area.maxX || end <= area.x {
                column = end
                continue
            }
            if column >= area.x && end <= area.maxX {
                setCharacter(character, width: characterWidth, x: column, y: point.y, style: style)
            } else {
                // Straddles an edge of the clip: blank the visible part.
                for x in Swift.max(column, area.x)..<Swift.min(end, area.maxX) {
                    setCharacter(" ", width: 1, x: x, y: point.y, style: style)
                }
            }
            column = end
        }
        return column
    }

    /// Fills `rect` (clipped to the buffer) with `character` in `style`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let characterWidth = Swift.max(1, TextWidth.of(character))
        for y in area.y..<area.maxY {
            var x = area.x
            while x < area.maxX {
                if x + characterWidth <= area.maxX {
                    setCharacter(character, width: characterWidth, x: x, y: y, style: style)
                } else {
                    setCharacter(" ", width: 1, x: x, y: y, style: style)
                }
                x += characterWidth
            }
        }
    }

    /// Gives every cell of `rect` (clipped to the buffer) `style`, keeping its character.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                cells[y * width + x].style = style
            }
        }
    }

    /// The screen as text: one line per row, continuation cells skipped, trailing spaces trimmed,
    /// lines joined by "\n". The format of widget snapshots in tests.
    public var plainText: String {
        rowStrings { cell in cell.isContinuation ? nil : cell.character }
            .map { trimTrailing($0, " ") }
            .joined(separator: "\n")
    }

    /// The styles as text, one character per cell (continuation cells included, so columns line
    /// up with cells), trailing "." trimmed per line.
    ///
    /// The default legend: "." plain, "R" reverse, then the foreground colour's letter
    /// (k black, r red, g green, y yellow, b blue, m magenta, c cyan, w white, a grey),
    /// then "B" bold, "D" dim, "U" underline, "#" a background colour only.
    public func styleMask(_ legend: (Style) -> Character = ScreenBuffer.defaultLegend) -> String {
        rowStrings { legend($0.style) }
            .map { trimTrailing($0, ".") }
            .joined(separator: "\n")
    }

    /// The legend `styleMask()` uses unless given another.
    public static func defaultLegend(_ style: Style) -> Character {
        if style.attributes.contains(.reverse) { return "R" }
        switch style.foreground {
        case .default: break
        case .black: return "k"
        case .red: return "r"
        case .green: return "g"
        case .yellow: return "y"
        case .blue: return "b"
        case .magenta: return "m"
        case .cyan: return "c"
        case .white: return "w"
        case .brightBlack: return "a"
        }
        if style.attributes.contains(.bold) { return "B" }
        if style.attributes.contains(.dim) { return "D" }
        if style.attributes.contains(.underline) { return "U" }
        if style.background != .default { return "#" }
        return "."
    }

    private func rowStrings(_ render: (Cell) -> Character?) -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width {
                if let character = render(cells[y * width + x]) { line.append(character) }
            }
            return line
        }
    }

    private func trimTrailing(_ line: String, _ padding: Character) -> String {
        var result = Substring(line)
        while result.last == padding { result.removeLast() }
        return String(result)
    }

    /// Writes one character at an in-range position, keeping wide characters whole: a wide
    /// character partly overwritten leaves a space in its other half.
    private mutating func setCharacter(_ character: Character, width characterWidth: Int, x: Int, y: Int, style: Style) {
        for column in x..<(x + characterWidth) {
            breakWideCharacter(at: column, y: y)
        }
        cells[y * width + x] = Cell(character, style: style)
        if characterWidth == 2 {
            cells[y * width + x + 1] = Cell(" ", style: style, isContinuation: true)
        }
    }

    private mutating func breakWideCharacter(at x: Int, y: Int) {
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1].character = " "
            cells[index].isContinuation = false
        } else if x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1].isContinuation = false
            cells[index + 1].character = " "
        }
    }
}
