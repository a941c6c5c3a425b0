import ArgumentParser
import Foundation
import JumpStartCore

/// `--region`, shared by every command that answers for one region.
struct RegionOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The AWS region.",
        discussion: "Default: AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1.",
        valueName: "region"))
    var region: String?

    func resolve(_ catalog: Catalog) throws -> String {
        try catalog.resolveRegion(region)
    }
}

/// Output formats a command may offer.
/// Not CaseIterable on purpose: each command names in its own help the formats it offers.
enum OutputFormat: String, ExpressibleByArgument {
    case table, json, csv, markdown, yaml
}

/// A failure already explained in one sentence; printed as `error: …` with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Loads the catalog in use (the updated one when there is one, else the bundled one), turning a
/// missing or damaged data folder into a clear failure. When an updated catalog exists but can't
/// be used, says why once, on standard error, rather than silently answering from the bundled one.
func loadCatalog() throws -> Catalog {
    let catalog = try Catalog.inUse()
    if catalog.source == .bundled, let problem = Catalog.updatedCatalogProblem() {
        note("note: using the bundled catalog: \(problem).")
    }
    return catalog
}

/// Writes text to standard output, ending with one newline.
func emit(_ text: String) {
    StandardStreams.out(text.hasSuffix("\n") ? text : text + "\n")
}

/// Writes a line to standard error (notes, warnings, next steps).
func note(_ text: String) {
    StandardStreams.err(text + "\n")
}
