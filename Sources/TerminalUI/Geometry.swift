/// A position on the screen, in cells; `x` grows to the right, `y` grows downwards.
public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    public static let zero = Point(x: 0, y: 0)

    public var description: String { "(\(x), \(y))" }
}

/// A width and height in cells; never negative.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    /// Negative dimensions become zero, so arithmetic on sizes can't produce an impossible one.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Size(width: 0, height: 0)

    /// True when the size holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }

    public var description: String { "\(width)×\(height)" }
}

/// How much of a row or column one part of a split takes.
public enum Extent: Hashable, Sendable {
    /// Exactly this many cells, or what is left if there is less.
    case fixed(Int)
    /// A share of the cells the fixed parts leave, in proportion to the weight.
    case fill(Int)

    /// A fill of weight 1.
    public static let fill = Extent.fill(1)
}

/// A rectangle of cells: `x`, `y` is its top-left corner; width and height are never negative.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// Negative dimensions become zero.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(origin: Point = .zero, size: Size) {
        self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var origin: Point { Point(x: x, y: y) }
    public var size: Size { Size(width: width, height: height) }
    /// The first column to the right of the rectangle.
    public var maxX: Int { x + width }
    /// The first row below the rectangle.
    public var maxY: Int { y + height }
    /// True when the rectangle holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }

    public var description: String { "(\(x), \(y), \(width)×\(height))" }

    /// True when the cell at `point` lies inside.
    public func contains(_ point: Point) -> Bool {
        point.x >= x && point.x < maxX && point.y >= y && point.y < maxY
    }

    /// The cells both rectangles hold; empty (at this rectangle's origin) when they don't meet.
    public func intersection(_ other: Rect) -> Rect {
        let left = Swift.max(x, other.x)
        let top = Swift.max(y, other.y)
        let right = Swift.min(maxX, other.maxX)
        let bottom = Swift.min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by `amount` cells on every side; never smaller than empty.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// The rectangle shrunk by the given number of cells on each side; never smaller than empty.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let newWidth = Swift.max(0, width - left - right)
        let newHeight = Swift.max(0, height - top - bottom)
        return Rect(x: x + Swift.min(left, width), y: y + Swift.min(top, height), width: newWidth, height: newHeight)
    }

    /// The single row at `offset` from the top (empty when outside).
    public func row(_ offset: Int) -> Rect {
        guard offset >= 0, offset < height else { return Rect(x: x, y: y + Swift.max(0, Swift.min(offset, height)), width: width, height: 0) }
        return Rect(x: x, y: y + offset, width: width, height: 1)
    }

    /// Splits the rectangle top to bottom into rows sized by `extents`.
    ///
    /// Fixed rows are served first, in order, as long as there is room; fill rows share what is
    /// left by weight, the rounding remainder going to the earliest ones. Always returns one
    /// rectangle per extent, some of them empty when the space runs out.
    public func rows(_ extents: [Extent]) -> [Rect] {
        var top = y
        return Rect.distribute(height, extents).map { length in
            defer { top += length }
            return Rect(x: x, y: top, width: width, height: length)
        }
    }

    /// Splits the rectangle left to right into columns sized by `extents`; see `rows(_:)`.
    public func columns(_ extents: [Extent]) -> [Rect] {
        var left = x
        return Rect.distribute(width, extents).map { length in
            defer { left += length }
            return Rect(x: left, y: y, width: length, height: height)
        }
    }

    /// Splits `total` cells among the extents, as `rows(_:)` describes.
    public static func distribute(_ total: Int, _ extents: [Extent]) -> [Int] {
        var remaining = Swift.max(0, total)
        var lengths = [Int](repeating: 0, count: extents.count)
        for (index, extent) in extents.enumerated() {
            if case .fixed(let length) = extent {
                let granted = Swift.min(Swift.max(0, length), remaining)
                lengths[index] = granted
                remaining -= granted
            }
        }
        let weights = extents.map { extent -> Int in
            if case .fill(let weight) = extent { return Swift.max(0, weight) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return lengths }
        var handedOut = 0
        for index in extents.indices where weights[index] > 0 {
            lengths[index] = remaining * weights[index] / totalWeight
            handedOut += lengths[index]
        }
        var leftover = remaining - handedOut
        for index in extents.indices where weights[index] > 0 && leftover > 0 {
            lengths[index] += 1
            leftover -= 1
        }
        return lengths
    }
}
