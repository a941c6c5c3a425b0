import Foundation
/// A number of bytes for people: `846 B`, `12.4 kB`, `4.2 MB`.
public enum ByteCount {
    public static func text(_ bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) B" }
        if bytes < 1_000_000 { return String(format: "%.1f kB", Double(bytes) / 1_000) }
        return String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
