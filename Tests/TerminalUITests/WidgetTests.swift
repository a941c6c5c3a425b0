import Testing
import TerminalUI

/// Every widget at every degenerate size: nothing drawn outside its area, no crash.
@Suite("Widgets at degenerate sizes")
struct DegenerateSizeTests {
    static let widgets: [(String, any Widget)] = [
        ("box", Box(title: "Title")),
        ("list", ListView(["one", "two", "three"], selected: 2)),
        ("table", TableView(columns: [TableColumn("A"), TableColumn("B", width: .fixed(3), alignment: .right)], rows: [["x", "1"], ["y", "2"]], selected: 1)),
        ("text field", TextField(state: TextFieldState(text: "hello"), placeholder: "name")),
        ("empty text field", TextField(state: TextFieldState(), placeholder: "name")),
        ("bar", Bar(value: 3, maximum: 4)),
        ("paragraph", Paragraph("some words to wrap")),
        ("status line", StatusLine([KeyHint("q", "quit"), KeyHint("enter", "select")])),
    ]

    @Test("Zero-sized and tiny areas", arguments: [(0, 0), (1, 1), (0, 5), (5, 0), (1, 3), (3, 1), (2, 2)])
    func tinyAreas(width: Int, height: Int) {
        for (name, widget) in Self.widgets {
            // The area sits inside a larger buffer so anything drawn outside it would show.
            var buffer = ScreenBuffer(width: 10, height: 10)
            let area = Rect(x: 4, y: 4, width: width, height: height)
            buffer.render(widget, in: area)
            for y in 0..<10 {
                for x in 0..<10 where !area.contains(Point(x: x, y: y)) {
                    #expect(buffer[x, y] == .blank, "\(name) drew at (\(x), \(y)) outside \(area)")
                }
            }
        }
    }

    @Test("Areas partly or wholly outside the buffer")
    func areasOutsideBuffer() {
        for (_, widget) in Self.widgets {
            var buffer = ScreenBuffer(width: 3, height: 3)
            buffer.render(widget, in: Rect(x: -5, y: -5, width: 20, height: 20))
            // Wholly outside: nothing of it lands in the buffer.
            var untouched = ScreenBuffer(width: 3, height: 3)
            untouched.render(widget, in: Rect(x: 100, y: 100, width: 5, height: 5))
            untouched.render(widget, in: Rect(x: -10, y: 0, width: 5, height: 3))
            #expect(untouched == ScreenBuffer(width: 3, height: 3))
            // A 0×0 buffer takes a render without trapping and stays empty.
            var empty = ScreenBuffer(width: 0, height: 0)
            empty.render(widget, in: Rect(x: 0, y: 0, width: 4, height: 4))
            #expect(empty == ScreenBuffer(width: 0, height: 0))
        }
    }

    @Test("A 1×1 list shows the selected row cut to an ellipsis")
    func oneByOneList() {
        let buffer = render(ListView(["alpha", "beta"], selected: 1), width: 1, height: 1)
        #expect(buffer.plainText == "…")
        #expect(buffer.styleMask() == "R")
    }
}

@Suite("Box")
struct BoxTests {
    @Test("A box draws its border and title")
    func boxWithTitle() {
        let buffer = render(Box(title: "Model"), width: 12, height: 4)
        #expect(buffer.plainText == """
            ┌─ Model ──┐
            │          │
            │          │
            └──────────┘
            """)
        #expect(Box.inner(buffer.bounds) == Rect(x: 1, y: 1, width: 10, height: 2))
    }

    @Test("A long title is cut with an ellipsis inside the corners")
    func longTitle() {
        let buffer = render(Box(title: "A very long title"), width: 10, height: 2)
        #expect(buffer.plainText == """
            ┌─ A v… ─┐
            └────────┘
            """)
    }

    @Test("ASCII glyphs draw the box with - | +")
    func asciiBox() {
        let buffer = render(Box(title: "T", glyphs: .ascii), width: 7, height: 3)
        #expect(buffer.plainText == """
            +- T -+
            |     |
            +-----+
            """)
    }

    @Test("A 2×2 box is just corners; the title needs 7 columns")
    func smallestBox() {
        #expect(render(Box(title: "T"), width: 2, height: 2).plainText == "┌┐\n└┘")
        #expect(render(Box(title: "Title"), width: 6, height: 2).plainText == "┌────┐\n└────┘")
    }
}

@Suite("ListView")
struct ListViewTests {
    let items = (1...10).map { "Item \($0)" }

    @Test("The selected row is highlighted across the whole width")
    func selection() {
        let buffer = render(ListView(["one", "two", "three"], selected: 1), width: 7, height: 4)
        #expect(buffer.plainText == "one\ntwo\nthree\n")
        #expect(buffer.styleMask() == "\nRRRRRRR\n\n")
    }

    @Test("A selection below the visible rows scrolls it into view")
    func scrollsToSelection() {
        let buffer = render(ListView(items, selected: 6, scrollOffset: 0), width: 10, height: 3)
        #expect(buffer.plainText == """
            Item 5
            Item 6
            Item 7
            """)
    }

    @Test("Scroll offset keeps the selection visible and moves as little as possible", arguments: [
        // selected, visible, count, current → offset
        (0, 3, 10, 0, 0), (2, 3, 10, 0, 0), (3, 3, 10, 0, 1), (9, 3, 10, 0, 7), (4, 3, 10, 6, 4),
        (5, 3, 10, 4, 4), (1, 5, 3, 2, 0), (0, 0, 10, 4, 0), (0, 3, 0, 4, 0), (9, 3, 10, 100, 7),
    ])
    func scrollOffset(selected: Int, visible: Int, count: Int, current: Int, expected: Int) {
        #expect(ListView.scrollOffset(keeping: selected, visible: visible, count: count, current: current) == expected)
    }

    @Test("Long items are cut with an ellipsis; item styles show when not selected")
    func truncationAndStyles() {
        let list = ListView(items: [ListItem("A long entry"), ListItem("dim", style: .dim)], selected: 0)
        let buffer = render(list, width: 6, height: 2)
        #expect(buffer.plainText == "A lon…\ndim")
        #expect(buffer.styleMask() == "RRRRRR\nDDDDDD")
    }
}

@Suite("TableView")
struct TableViewTests {
    let columns = [
        TableColumn("Instance", width: .flexible(minimum: 8, weight: 1)),
        TableColumn("GPUs", width: .fixed(4), alignment: .right),
        TableColumn("$/month", width: .fixed(9), alignment: .right),
    ]
    let rows = [
        ["ml.g5.2xlarge", "1", "1,093.68"],
        ["ml.g5.12xlarge", "4", "5,106.24"],
        ["ml.p4d.24xlarge", "8", "27,533.28"],
    ]

    @Test("Titles, aligned columns and the selected row")
    func table() {
        let buffer = render(TableView(columns: columns, rows: rows, selected: 1), width: 32, height: 4)
        #expect(buffer.plainText == """
            Instance          GPUs   $/month
            ml.g5.2xlarge        1  1,093.68
            ml.g5.12xlarge       4  5,106.24
            ml.p4d.24xlarge      8 27,533.28
            """)
        #expect(buffer.styleMask() == "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB\n\nRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR\n")
    }

    @Test("A narrow table cuts cells with an ellipsis and drops columns that don't fit")
    func narrowTable() {
        let buffer = render(TableView(columns: columns, rows: rows), width: 15, height: 3)
        #expect(buffer.plainText == """
            Instance GPUs …
            ml.g5.2…    1 …
            ml.g5.1…    4 …
            """)
        let narrower = render(TableView(columns: columns, rows: rows), width: 9, height: 2)
        #expect(narrower.plainText == "Instance\nml.g5.2…")
    }

    @Test("Column widths: fixed first, spare width by weight, shrinking from the right", arguments: [
        (40, [30, 4, 4]), (20, [10, 4, 4]), (10, [8, 1, 0]), (0, [0, 0, 0]),
    ])
    func columnWidths(total: Int, expected: [Int]) {
        let columns = [
            TableColumn("a", width: .flexible(minimum: 8, weight: 1)),
            TableColumn("b", width: .fixed(4)),
            TableColumn("c", width: .fixed(4)),
        ]
        #expect(TableView.columnWidths(columns, totalWidth: total) == expected)
    }

    @Test("Two flexible columns share spare width by weight")
    func weights() {
        let widths = TableView.columnWidths(
            [TableColumn("a", width: .flexible(minimum: 0, weight: 1)), TableColumn("b", width: .flexible(minimum: 0, weight: 2))],
            totalWidth: 31
        )
        #expect(widths == [10, 20])
    }

    @Test("Rows scroll to keep the selection visible under the header")
    func scrolling() {
        let buffer = render(TableView(columns: [TableColumn("N")], rows: (1...9).map { ["row \($0)"] }, selected: 8), width: 6, height: 3)
        #expect(buffer.plainText == "N\nrow 8\nrow 9")
    }

    @Test("Row styles apply to rows that are not selected")
    func rowStyles() {
        let buffer = render(TableView(columns: [TableColumn("N")], rows: [["a"], ["b"]], selected: 0, rowStyles: [1: .dim, 0: .bold]), width: 3, height: 3)
        #expect(buffer.styleMask() == "BBB\nRRR\nDDD")
    }
}
