import Foundation

/// Import steps after the catalog, each returning a one-line summary. (Pricing: PricingImport.)
enum ImportSteps {
    static let extra: [@Sendable (URL, URL) throws -> String] = [PricingImport.run]
}

struct ImportError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Writes a file through a temporary file in the same folder and a rename, so a reader never
/// sees half of it.
func writeAtomically(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
}
