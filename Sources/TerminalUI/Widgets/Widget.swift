/// Something that draws itself into a rectangle of a buffer.
///
/// Widgets are immediate-mode values: whatever must last between frames (selection, scroll
/// offset, text being edited) lives in the caller's state and is passed in for each frame.
/// Every widget draws only inside its rectangle and copes with any size, zero included.
public protocol Widget: Sendable {
    func draw(in area: Rect, of buffer: inout ScreenBuffer)
}

extension ScreenBuffer {
    /// Draws `widget` into `area`.
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.draw(in: area, of: &self)
    }
}
