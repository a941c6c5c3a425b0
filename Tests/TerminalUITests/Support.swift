import TerminalUI

/// Draws `widget` into a fresh buffer of the given size, in the rectangle `area` (the whole
/// buffer when nil), and returns the buffer.
func render(_ widget: some Widget, width: Int, height: Int, area: Rect? = nil) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: width, height: height)
    buffer.render(widget, in: area ?? buffer.bounds)
    return buffer
}

/// The expected screen written as a literal, with "|" marking where each line ends so trailing
/// spaces in the literal can't matter: the "|" and spaces before it are removed.
func screen(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { line -> String in
            var line = Substring(line)
            if line.last == "|" { line.removeLast() }
            while line.last == " " { line.removeLast() }
            return String(line)
        }
        .joined(separator: "\n")
}
