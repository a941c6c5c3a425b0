import Foundation
@testable import JumpStartCore
import Testing

@Suite("damaged bundled data is read strictly and named by file and line")
struct DamagedDataTests {
    @Test("catalog environment values: strings and exact whole numbers only; names checked", arguments: [
        (#"{"A": true}"#, false), (#"{"A": 1.5}"#, false), (#"{"A": 1e30}"#, false), (#"{"bad name": "x"}"#, false),
        (#"{"1A": "x"}"#, false), (#"{"A": null}"#, false), (#"{"SM_NUM_GPUS": 4, "B": "x"}"#, true),
    ])
    func environmentValues(json: String, accepted: Bool) throws {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let decoded = CatalogFormat.decodeEnvironment(object)
        #expect((decoded != nil) == accepted, "\(json)")
        if accepted { #expect(decoded?.first { $0.name == "SM_NUM_GPUS" }?.value == .integer(4)) }
    }

    @Test("a damaged environment line is an error naming the file and the line, not a wrong value in a template")
    func damagedEnvironmentLine() throws {
        let dir = try copyOfData()
        let envFile = dir.appendingPathComponent("catalog/environments.jsonl")
        var lines = try String(contentsOf: envFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[0] = #"{"HF_MODEL_ID": "/opt/ml/model", "NUM_SHARD": 1e30}"#
        try lines.joined(separator: "\n").write(to: envFile, atomically: true, encoding: .utf8)
        let c = try Catalog(dataDirectory: dir)
        var sawError = false
        for id in c.modelIds.prefix(400) {
            guard let s = try c.newest(of: id) else { continue }
            do { _ = try c.entry(s) } catch {
                #expect("\(error)".contains("catalog/environments.jsonl line 1"), "\(error)")
                sawError = true
                break
            }
        }
        #expect(sawError, "no entry uses environment line 1 among the first 400 models")
    }

    @Test("a CRLF entries.tsv reads the same as the LF one: no model turns into a model package")
    func crlfEntries() throws {
        let dir = try copyOfData()
        let file = dir.appendingPathComponent("catalog/entries.tsv")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(to: file, atomically: true, encoding: .utf8)
        let c = try Catalog(dataDirectory: dir)
        let a = try c.allSummaries(), b = try catalog.allSummaries()
        #expect(a.count == b.count)
        #expect(a.filter(\.isModelPackage).count == b.filter(\.isModelPackage).count)
        let e = try c.entry(reference: "huggingface-llm-mistral-7b-instruct@3.5.0")
        #expect(!e.isModelPackage && e.modelDataKey?.hasSuffix("\r") == false)
    }

    @Test("instance hardware must be plain numbers in range: 1e-300 GiB of accelerator memory is refused by line")
    func hardwareNumbers() {
        let header = PriceFiles.instanceHeader.joined(separator: ",")
        for bad in ["ml.g5.xlarge,4,16,1,NVIDIA A10G,1e-300,src", "ml.g5.xlarge,4,-16,1,NVIDIA A10G,24,src", "ml.g5.xlarge,4,16,1,NVIDIA A10G,nan,src"] {
            #expect(throws: PriceFiles.Problem.self, "\(bad)") { try PriceFiles.parseInstances(header + "\n" + bad + "\n") }
        }
        #expect((try? PriceFiles.parseInstances(header + "\nml.g5.xlarge,4,16,1,NVIDIA A10G,24,src\n"))?.count == 1)
    }

    func copyOfData() throws -> URL {
        let dir = try temporaryFolder().appendingPathComponent("data")
        try FileManager.default.copyItem(at: projectRoot.appendingPathComponent("data"), to: dir)
        return dir
    }
}
