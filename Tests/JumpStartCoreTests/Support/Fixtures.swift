import Foundation
import JumpStartCore

/// The checkout's root, found from this file's path.
let projectRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The bundled catalog, loaded once for all tests.
let catalog: Catalog = {
    do { return try Catalog(dataDirectory: projectRoot.appendingPathComponent("data")) } catch {
        fatalError("the bundled catalog does not load: \(error)")
    }
}()

func entry(_ reference: String) throws -> CatalogEntry {
    try catalog.entry(reference: reference)
}

/// The shared source catalog (../shared/data/jumpstart/specs.json.gz), decoded once.
nonisolated(unsafe) let sourceSpecs: [String: [String: Any]] = {
    let url = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/data/jumpstart/specs.json.gz")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-dc", url.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { fatalError("cannot run gzip: \(error)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else {
        fatalError("cannot read \(url.path)")
    }
    return object
}()
