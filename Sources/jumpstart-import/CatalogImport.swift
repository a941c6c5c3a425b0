import Foundation
import JumpStartCore

/// Reads `jumpstart/specs.json.gz` and `jumpstart/regions.json` and writes `data/catalog/`.
enum CatalogImport {
    static let sourceRepository = "awslabs/generative-ai-cdk-constructs"
    static let sourceCommit = "9d49b9d3261598abaffec56914062ab3fa99214a"
    static let sourceDate = "2026-07-31"

    static func run(source: URL, output: URL) throws -> String {
        let specsURL = source.appendingPathComponent("jumpstart/specs.json.gz")
        let regionsURL = source.appendingPathComponent("jumpstart/regions.json")
        let regions = try readRegions(regionsURL)
        let entries = try readSpecs(gunzip(specsURL))
        let files = CatalogFormat.encode(entries: entries, regions: regions)
        let dir = output.appendingPathComponent("catalog")
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            try writeAtomically(text, to: dir.appendingPathComponent(name))
        }
        let models = Set(entries.map(\.modelId)).count
        try writeAtomically(sourceNote(entries: entries.count, models: models, regions: regions.regions.count), to: dir.appendingPathComponent("SOURCE.md"))
        return "catalog: \(entries.count) entries, \(models) models, \(regions.regions.count) regions → \(dir.path)"
    }

    static func sourceNote(entries: Int, models: Int, regions: Int) -> String {
        """
        # Where the catalog comes from

        - Source: github.com/\(sourceRepository) at commit \(sourceCommit) (\(sourceDate)),
          the model catalog bundled by the CDK construct JumpStartSageMakerEndpoint
          (package @cdklabs/generative-ai-cdk-constructs), licensed Apache-2.0. The catalog was last
          refreshed upstream on \(sourceDate). Regions and buckets: private/jumpstart-constants.ts
          of the same commit.
        - Imported from shared/data/jumpstart/specs.json.gz and regions.json by `make data`
          (`swift run jumpstart-import`); do not edit these files by hand.
        - Contents: \(entries) entries (every version of \(models) models), \(regions) JumpStart regions.

        Files: `entries.tsv` (one line per entry, with per-instance-type region bit masks of where it
        deploys), `environments.jsonl`, `variants.jsonl`, `aliases.jsonl`, `packages.jsonl` (each
        distinct value once, referenced by line number from 0), `regions.tsv` (bit *i* of a mask is
        region line *i*). The format is described in Sources/JumpStartCore/Catalog/CatalogFormat.swift.

        """
    }

    static func gunzip(_ url: URL) throws -> Data {
        guard FileManager.default.fileExists(atPath: url.path) else { throw ImportError("\(url.path) not found") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ImportError("gzip could not read \(url.path)") }
        return data
    }

    static func readRegions(_ url: URL) throws -> RegionTable {
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: [String: String]] else {
            throw ImportError("\(url.path): expected an object of region → {contentBucket, gatedContentBucket}")
        }
        return RegionTable(regions: try object.map { name, buckets in
            guard let content = buckets["contentBucket"] else { throw ImportError("\(url.path): \(name) has no contentBucket") }
            return JumpStartRegion(name: name, contentBucket: content, gatedContentBucket: buckets["gatedContentBucket"])
        })
    }

    static func readSpecs(_ data: Data) throws -> [CatalogEntry] {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else {
            throw ImportError("specs.json: expected an object of entries")
        }
        return try object.keys.sorted().map { key in try entry(key, object[key]!) }
    }

    static func entry(_ key: String, _ o: [String: Any]) throws -> CatalogEntry {
        func fail(_ why: String) -> ImportError { ImportError("specs.json entry \(key): \(why)") }
        guard let modelId = o["modelId"] as? String, let versionText = o["version"] as? String,
              let version = ModelVersion(versionText), let def = o["defaultInstanceType"] as? String,
              let types = o["instanceTypes"] as? [String] else { throw fail("missing modelId, version or instance types") }
        return CatalogEntry(
            modelId: modelId, version: version, defaultInstanceType: def, instanceTypes: types,
            environment: try environment(o["environment"] ?? [String: Any](), fail),
            artifactKey: o["artifactKey"] as? String, prepackedArtifactKey: o["prepackedArtifactKey"] as? String,
            gatedBucket: (o["gatedBucket"] as? Bool) ?? false, requiresEula: o["requiresEula"] as? String,
            modelPackageArns: o["modelPackageArns"] as? [String: String],
            instanceAliases: try (o["instanceAliases"] as? [[String: Any]]).map { list in
                try list.map { item in
                    guard let region = item["region"] as? String, let aliases = item["aliases"] as? [String: String] else {
                        throw fail("bad instanceAliases")
                    }
                    return RegionAliases(region: region, aliases: aliases.keys.sorted().map { ($0, aliases[$0]!) })
                }
            },
            instanceVariants: try (o["instanceVariants"] as? [[String: Any]]).map { list in
                try list.map { item in
                    guard let type = item["instanceType"] as? String else { throw fail("bad instanceVariants") }
                    return InstanceVariant(
                        instanceType: type, imageUri: item["imageUri"] as? String,
                        environment: try item["environment"].map { try environment($0, fail) })
                }
            })
    }

    static func environment(_ raw: Any, _ fail: (String) -> ImportError) throws -> [EnvironmentVariable] {
        guard let dict = raw as? [String: Any] else { throw fail("environment is not an object") }
        return try dict.keys.sorted().map { name in
            switch dict[name] {
            case let s as String: return EnvironmentVariable(name: name, value: .string(s))
            case let n as NSNumber where n.doubleValue == n.doubleValue.rounded():
                return EnvironmentVariable(name: name, value: .integer(n.intValue))
            default: throw fail("environment value of \(name) is neither a string nor a whole number")
            }
        }
    }
}
