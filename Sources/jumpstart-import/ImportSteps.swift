import Foundation
import JumpStartCore

/// Import steps after the catalog, each returning a one-line summary. (Pricing: PricingImport.)
enum ImportSteps {
    static let extra: [@Sendable (URL, URL) throws -> String] = [PricingImport.run]
}

struct ImportError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Writes a file whole or not at all (`AtomicFile`: fsync, rename, no temporary file left behind).
func writeAtomically(_ text: String, to url: URL) throws {
    do throws(AtomicFile.Failure) {
        try AtomicFile.write(Array(text.utf8), to: url)
    } catch {
        throw ImportError("can't write \(error.path): \(error.reason)")
    }
}
