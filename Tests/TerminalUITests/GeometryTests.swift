import Testing
import TerminalUI

@Suite("Rect and Size")
struct GeometryTests {
    @Test("Negative sizes become empty")
    func negativeSizes() {
        #expect(Size(width: -3, height: 2) == Size(width: 0, height: 2))
        #expect(Rect(x: 1, y: 1, width: -1, height: -5).isEmpty)
    }

    @Test("Insetting past the middle gives an empty rectangle inside the original")
    func insetClamps() {
        let rect = Rect(x: 2, y: 3, width: 10, height: 4)
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
        #expect(rect.inset(by: 3).size == Size(width: 4, height: 0))
        #expect(rect.inset(by: 20).isEmpty)
        #expect(rect.inset(top: 1, left: 2) == Rect(x: 4, y: 4, width: 8, height: 3))
    }

    @Test("Intersection of disjoint rectangles is empty")
    func intersection() {
        let a = Rect(x: 0, y: 0, width: 5, height: 5)
        #expect(a.intersection(Rect(x: 3, y: -2, width: 10, height: 4)) == Rect(x: 3, y: 0, width: 2, height: 2))
        #expect(a.intersection(Rect(x: 5, y: 0, width: 2, height: 2)).isEmpty)
    }

    @Test("Rows: fixed parts first, fill parts share the rest by weight")
    func rows() {
        let rect = Rect(x: 0, y: 0, width: 80, height: 24)
        let parts = rect.rows([.fixed(1), .fill, .fixed(2)])
        #expect(parts == [
            Rect(x: 0, y: 0, width: 80, height: 1),
            Rect(x: 0, y: 1, width: 80, height: 21),
            Rect(x: 0, y: 22, width: 80, height: 2),
        ])
    }

    @Test("Columns: rounding remainder goes to the first fill parts")
    func columns() {
        let parts = Rect(x: 10, y: 0, width: 11, height: 3).columns([.fill(1), .fill(1), .fill(1)])
        #expect(parts.map(\.width) == [4, 4, 3])
        #expect(parts.map(\.x) == [10, 14, 18])
        #expect(Rect(x: 0, y: 0, width: 10, height: 1).columns([.fill(1), .fill(3)]).map(\.width) == [3, 7])
    }

    @Test("Splitting too little space serves fixed parts in order and leaves the rest empty")
    func splitTooSmall() {
        #expect(Rect.distribute(3, [.fixed(2), .fill, .fixed(2)]) == [2, 0, 1])
        #expect(Rect.distribute(0, [.fixed(2), .fill]) == [0, 0])
        #expect(Rect.distribute(5, []) == [])
    }
}
