import Foundation
import Testing
@testable import JumpStartCore

@Suite("The bundled catalog")
struct CatalogTests {
    @Test("holds every entry and every model of the source")
    func counts() throws {
        #expect(catalog.count == 8_236)
        #expect(catalog.modelIds.count == 341)
        #expect(catalog.regions.regions.count == 27)
        #expect(try catalog.summaries().count == 341)
        #expect(try catalog.summaries(allVersions: true).count == 8_236)
    }

    @Test("round-trips every entry of the shared source, fact for fact")
    func roundTrip() throws {
        #expect(sourceSpecs.count == catalog.count)
        var mismatches: [String] = []
        for (key, source) in sourceSpecs {
            let reference = "\(source["modelId"] as! String)@\(source["version"] as! String)"
            let bundled = try catalog.entry(reference: reference)
            let rebuilt = foundationObject(bundled)
            if canonical(rebuilt) != canonical(source) {
                let fields = Set(rebuilt.keys).union(source.keys).sorted().filter { k in
                    guard let a = rebuilt[k], let b = source[k] else { return true }
                    return canonical(["v": a]) != canonical(["v": b])
                }
                mismatches.append("\(key) (\(fields.joined(separator: ", ")))")
            }
        }
        #expect(mismatches.isEmpty, "entries that differ from the source: \(mismatches.prefix(5))")
    }

    @Test("versions order as numbers: 3.10.0 is newer than 3.9.1")
    func versionOrder() throws {
        #expect(ModelVersion("3.10.0")! > ModelVersion("3.9.1")!)
        #expect(ModelVersion("1.10.0")! > ModelVersion("1.9.10")!)
        #expect(ModelVersion("2.0")! < ModelVersion("2.0.1")!)
        #expect(ModelVersion("1.x") == nil)
        let versions = try catalog.versions(of: "huggingface-llm-mistral-7b-instruct").map(\.version)
        #expect(versions == versions.sorted())
        #expect(try catalog.newest(of: "huggingface-llm-mistral-7b-instruct")?.version.text == "3.12.0")
        #expect(try catalog.newest(of: "meta-textgeneration-llama-2-7b-f")?.version.text == "4.27.0")
    }

    @Test("MODEL means the newest version; MODEL@VERSION that version")
    func lookup() throws {
        #expect(try catalog.summary(reference: "meta-textgeneration-llama-2-7b-f").version.text == "4.27.0")
        #expect(try catalog.summary(reference: "meta-textgeneration-llama-2-7b-f@2.0.2").version.text == "2.0.2")
    }

    @Test("an unknown model suggests the closest names")
    func unknownModel() {
        do {
            _ = try catalog.summary(reference: "huggingface-llm-mistral-7b-instrct")
            Issue.record("a misspelt name must not resolve")
        } catch {
            guard case .unknownModel(let name, let suggestions) = error else { Issue.record("wrong error \(error)"); return }
            #expect(name == "huggingface-llm-mistral-7b-instrct")
            #expect(suggestions.first == "huggingface-llm-mistral-7b-instruct")
        }
        do {
            _ = try catalog.summary(reference: "mistral-7b-instruct")
            Issue.record("a partial name must not resolve")
        } catch {
            guard case .unknownModel(_, let suggestions) = error else { Issue.record("wrong error \(error)"); return }
            #expect(suggestions.contains("huggingface-llm-mistral-7b-instruct"))
        }
    }

    @Test("an unknown version lists the versions there are", arguments: ["9.9.9", "x"])
    func unknownVersion(_ version: String) {
        do {
            _ = try catalog.summary(reference: "huggingface-llm-mistral-7b-instruct@\(version)")
            Issue.record("must fail")
        } catch {
            guard case let .unknownVersion(model, v, available) = error else { Issue.record("wrong error \(error)"); return }
            #expect(model == "huggingface-llm-mistral-7b-instruct" && v == version)
            #expect(available.first == "3.12.0")
        }
    }

    @Test("bad references are refused", arguments: ["", "@1.0.0", "model@"])
    func badReference(_ text: String) {
        #expect(throws: CatalogError.badReference(text)) { try catalog.summary(reference: text) }
    }

    @Test("search matches every word of the query in the model id")
    func search() throws {
        let hits = try catalog.search("llama 2 7b").map(\.modelId)
        #expect(hits.contains("meta-textgeneration-llama-2-7b-f"))
        #expect(hits.allSatisfy { $0.contains("llama") && $0.contains("2") && $0.contains("7b") })
        #expect(try catalog.search("LLAMA-2-7B-F").map(\.modelId).contains("meta-textgeneration-llama-2-7b-f"))
        #expect(try catalog.search("no-such-thing").isEmpty)
        #expect(try catalog.search("llama-2-7b-f", allVersions: true).filter { $0.modelId == "meta-textgeneration-llama-2-7b-f" }.count == 53)
    }

    @Test("the region is the flag, else AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1")
    func regionResolution() throws {
        #expect(try catalog.resolveRegion("eu-west-1", environment: ["AWS_REGION": "us-west-2"]) == "eu-west-1")
        #expect(try catalog.resolveRegion(nil, environment: ["AWS_REGION": "us-west-2", "AWS_DEFAULT_REGION": "eu-west-2"]) == "us-west-2")
        #expect(try catalog.resolveRegion(nil, environment: ["AWS_DEFAULT_REGION": "eu-west-2"]) == "eu-west-2")
        #expect(try catalog.resolveRegion(nil, environment: [:]) == "us-east-1")
        #expect(throws: CatalogError.unknownRegion("eu-wst-1", suggestions: ["eu-west-1", "eu-west-2", "eu-west-3"], source: "--region")) {
            try catalog.resolveRegion("eu-wst-1", environment: [:])
        }
        #expect(throws: CatalogError.self) { try catalog.resolveRegion(nil, environment: ["AWS_REGION": "mars-1"]) }
    }

    @Test("the index's deployability masks agree with the planner for every entry, region and type")
    func masksAgreeWithPlanner() throws {
        var disagreements = 0
        for s in try catalog.allSummaries() {
            let e = try catalog.entry(s)
            for (i, region) in catalog.regions.names.enumerated() {
                for type in e.instanceTypes where s.deploys(regionIndex: i, instanceType: type) != (catalog.planner.check(e, region: region, instanceType: type) == nil) {
                    disagreements += 1
                }
            }
        }
        #expect(disagreements == 0)
    }

    @Test("34 of the newest versions and 1,116 entries have no image for their default type in us-east-1")
    func undeployableCounts() throws {
        let east = catalog.regions.index(of: "us-east-1")
        let all = try catalog.allSummaries()
        let stuck = all.filter { !$0.isModelPackage && !$0.deploysWithDefault(regionIndex: east) }
        #expect(stuck.count == 1_116)
        #expect(try catalog.summaries().filter { !$0.deploysWithDefault(regionIndex: east) }.count == 34)
    }

    @Test("a damaged index is reported with its file and line, not a crash")
    func damagedIndex() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jst-damaged-\(UUID().uuidString)")
        let catalogDir = dir.appendingPathComponent("catalog")
        try FileManager.default.createDirectory(at: catalogDir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = projectRoot.appendingPathComponent("data/catalog")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: catalogDir.appendingPathComponent(name))
        }
        let entries = catalogDir.appendingPathComponent("entries.tsv")
        var text = try String(contentsOf: entries, encoding: .utf8)
        text = text.replacingOccurrences(of: "huggingface-llm-mistral-7b-instruct\t3.12.0\t", with: "huggingface-llm-mistral-7b-instruct\tthree\t")
        try text.write(to: entries, atomically: true, encoding: .utf8)
        let damaged = try Catalog(dataDirectory: dir)
        do {
            _ = try damaged.summary(reference: "huggingface-llm-mistral-7b-instruct")
            Issue.record("a damaged row must not load")
        } catch {
            guard case let .damaged(file, line, reason) = error else { Issue.record("wrong error \(error)"); return }
            #expect(file == "catalog/entries.tsv" && line != nil && reason.contains("three"))
        }
        try FileManager.default.removeItem(at: catalogDir.appendingPathComponent("regions.tsv"))
        #expect(throws: CatalogError.self) { try Catalog(dataDirectory: dir) }
    }
}

/// JSON text with sorted keys: equal for equal values whatever the bridging of numbers and booleans.
func canonical(_ object: [String: Any]) -> String {
    let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return data.map { String(decoding: $0, as: UTF8.self) } ?? "unencodable"
}

/// An entry as the source JSON spells it, for comparison with `sourceSpecs`.
func foundationObject(_ e: CatalogEntry) -> [String: Any] {
    func env(_ vars: [EnvironmentVariable]) -> [String: Any] {
        var out: [String: Any] = [:]
        for v in vars {
            switch v.value {
            case .string(let s): out[v.name] = s
            case .integer(let i): out[v.name] = i
            }
        }
        return out
    }
    var o: [String: Any] = [
        "modelId": e.modelId, "version": e.version.text, "defaultInstanceType": e.defaultInstanceType,
        "instanceTypes": e.instanceTypes, "environment": env(e.environment),
    ]
    if let k = e.artifactKey { o["artifactKey"] = k }
    if let k = e.prepackedArtifactKey { o["prepackedArtifactKey"] = k }
    if e.gatedBucket { o["gatedBucket"] = true }
    if let k = e.requiresEula { o["requiresEula"] = k }
    if let p = e.modelPackageArns { o["modelPackageArns"] = p }
    if let a = e.instanceAliases {
        o["instanceAliases"] = a.map { r -> [String: Any] in
            ["region": r.region, "aliases": Dictionary(uniqueKeysWithValues: r.aliases.map { ($0.alias, $0.imageUri) })]
        }
    }
    if let v = e.instanceVariants {
        o["instanceVariants"] = v.map { variant -> [String: Any] in
            var d: [String: Any] = ["instanceType": variant.instanceType]
            if let u = variant.imageUri { d["imageUri"] = u }
            if let en = variant.environment { d["environment"] = env(en) }
            return d
        }
    }
    return o
}
