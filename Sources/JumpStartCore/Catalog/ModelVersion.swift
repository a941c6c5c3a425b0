/// A catalog version such as `3.10.0`, ordered component by component as numbers, so 3.10.0 is
/// newer than 3.9.1.
public struct ModelVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let text: String
    private let parts: [Int]

    /// Accepts dot-separated whole numbers; returns nil for anything else.
    public init?(_ text: String) {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !pieces.isEmpty else { return nil }
        var parts: [Int] = []
        parts.reserveCapacity(pieces.count)
        for piece in pieces {
            guard !piece.isEmpty, piece.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(piece) else { return nil }
            parts.append(n)
        }
        self.text = text
        self.parts = parts
    }

    public var description: String { text }

    public static func < (lhs: ModelVersion, rhs: ModelVersion) -> Bool {
        for (a, b) in zip(lhs.parts, rhs.parts) where a != b { return a < b }
        if lhs.parts.count != rhs.parts.count { return lhs.parts.count < rhs.parts.count }
        return lhs.text < rhs.text
    }

    public static func == (lhs: ModelVersion, rhs: ModelVersion) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
