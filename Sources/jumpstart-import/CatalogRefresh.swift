import Foundation
import JumpStartCore
import JumpStartFetch

/// `make refresh-data`: rewrites `data/catalog/` from JumpStart's public specs with the same code
/// as `jumpstart-tui catalog update` — the catalog in data/ plus every version published since,
/// resolved as the SageMaker SDK resolves them — and says so in its SOURCE.md. The update runs
/// into a scratch folder; data/catalog/ is replaced only when it succeeded with no failure.
/// Without network nothing is written.
enum CatalogRefresh {
    static func run(output: URL, endpoint: String, allVersions: Bool) throws -> String {
        if let problem = HTTPFetcher.validate(endpoint: endpoint) { throw ImportError("--endpoint-url: \(problem)") }
        let bundled = try Catalog(dataDirectory: output)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jumpstart-refresh-catalog-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report: CatalogUpdate.Report
        do {
            let terminal = isatty(STDERR_FILENO) != 0
            report = try CatalogUpdate.run(fetcher: HTTPFetcher(base: endpoint, timeout: 30, retries: 2), folder: scratch, bundled: bundled,
                                           bundledData: output, allVersions: allVersions) { p in
                if terminal { FileHandle.standardError.write(Data("\rrefresh-data: \(p.done)/\(p.total) specs, \(ByteCount.text(p.bytes))".utf8)) }
            }
            if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        } catch {
            throw ImportError("\(error) data/catalog/ was left as it was.")
        }
        guard report.failed.isEmpty else {
            let names = report.failed.map { "\($0.reference) (\($0.reason))" }.joined(separator: "; ")
            throw ImportError("\(report.failed.count) spec(s) could not be fetched or read: \(names). data/catalog/ was left as it was; run it again.")
        }
        guard let snapshot = report.snapshot else { return "catalog: nothing new since data/catalog/ (\(report.manifestVersions) versions in the manifest)" }
        let dir = output.appendingPathComponent("catalog")
        let names = [CatalogFormat.entriesFile, CatalogFormat.regionsFile, CatalogFormat.environmentsFile, CatalogFormat.variantsFile,
                     CatalogFormat.aliasesFile, CatalogFormat.packagesFile, CatalogFormat.specsFile]
        // The tables first and the index last: an index never refers to lines its tables lack.
        for name in names.reversed() {
            guard let data = FileManager.default.contents(atPath: snapshot.appendingPathComponent(name).path) else { continue }
            try writeAtomically(String(decoding: data, as: UTF8.self), to: dir.appendingPathComponent(name))
        }
        let formatter = ISO8601DateFormatter()
        let note = CatalogImport.sourceNote(entries: bundled.count + report.added.count, models: Set(bundled.modelIds + report.added.map { String($0.split(separator: "@")[0]) }).count, regions: bundled.regions.regions.count)
            + """

            ## Refreshed from JumpStart's specs

            - `make refresh-data` on \(formatter.string(from: Date())) added \(report.added.count) version(s) from \(endpoint)/\(CatalogUpdate.manifestPath)
              (\(report.manifestVersions) versions of \(report.manifestModels) models listed), each resolved from its spec as the SageMaker
              Python SDK resolves it (`jumpstart-tui catalog update --help`); their rows carry a 14th field naming the spec
              (`specs.jsonl`). Left out: \(report.leftOut.isEmpty ? "none" : report.leftOut.keys.sorted().map { "\(report.leftOut[$0]!.count) \($0)" }.joined(separator: ", ")).

            """
        try writeAtomically(note, to: dir.appendingPathComponent("SOURCE.md"))
        return "catalog: \(report.added.count) versions added from \(endpoint) → \(dir.path)"
    }
}
