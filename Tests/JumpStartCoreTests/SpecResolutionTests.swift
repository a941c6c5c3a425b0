import Foundation
import Testing
@testable import JumpStartCore

/// JumpStart's real spec files, resolved as the SageMaker SDK deploys them (`JumpStartSpec`), then
/// planned with the rules of DESIGN.md §2. Each expectation below was worked out by hand from the
/// spec file in Tests/Fixtures/jumpstart-specs/, for us-east-1 (content bucket
/// jumpstart-cache-prod-us-east-1, gated bucket jumpstart-private-cache-prod-us-east-1):
///
/// pytorch-ic-mobilenet-v2@3.0.25 on ml.m5.large (its default; no inference configs)
///   image: variants.m5.regional_properties.image_uri = $cpu_ecr_uri_1 (no ml.m5.large entry), and
///          regional_aliases.us-east-1.cpu_ecr_uri_1 =
///          763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:1.10.0-cpu-py38
///   environment: the defaults with required_for_model_class true — ENDPOINT_SERVER_TIMEOUT 3600,
///          MODEL_CACHE_ROOT /opt/ml/model, SAGEMAKER_ENV 1, SAGEMAKER_MODEL_SERVER_TIMEOUT 3600,
///          SAGEMAKER_MODEL_SERVER_WORKERS 1, SAGEMAKER_PROGRAM inference.py; SAGEMAKER_CONTAINER_LOG_LEVEL
///          and SAGEMAKER_SUBMIT_DIRECTORY are not required (and the latter is dropped anyway).
///   model data: hosting_prepacked_artifact_key in the content bucket, a prefix (not .tar.gz):
///          s3://jumpstart-cache-prod-us-east-1/pytorch-ic/pytorch-ic-mobilenet-v2/artifacts/inference-prepack/v1.0.0/
///
/// meta-textgeneration-llama-3-1-70b@2.16.2 on ml.g5.48xlarge
///   config: the overall ranking is [lmi, lmi-optimized]; lmi-optimized carries
///          hosting_additional_data_sources (a draft model), so it is left out; lmi is the default.
///   image: the lmi component's variants: ml.g5.48xlarge has only properties, so the family g5:
///          $alias_ecr_uri_1 → 763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124
///   environment: the lmi component's list (it replaces the base's), required ones — ENDPOINT_SERVER_TIMEOUT
///          3600, HF_MODEL_ID /opt/ml/model, MODEL_CACHE_ROOT /opt/ml/model, OPTION_ENFORCE_EAGER true,
///          SAGEMAKER_ENV 1, SAGEMAKER_MODEL_SERVER_TIMEOUT 3600, SAGEMAKER_MODEL_SERVER_WORKERS 1,
///          SAGEMAKER_PROGRAM inference.py — then ml.g5.48xlarge's OPTION_GPU_MEMORY_UTILIZATION 0.95 and
///          OPTION_TENSOR_PARALLEL_DEGREE 8.
///   model data: gated_bucket → the gated bucket; EULA fmhMetadata/eula/llama3_1Eula.txt:
///          s3://jumpstart-private-cache-prod-us-east-1/meta-textgeneration/meta-textgeneration-llama-3-1-70b/artifacts/inference-prepack/v2.0.0/
///
/// openai-reasoning-gpt-oss-20b@3.38.0 on ml.g7e.2xlarge
///   config: the overall ranking is [lmi-optimized, lmi]; lmi-optimized (vllm, with a speculative-
///          decoding draft model in hosting_additional_data_sources) is left out; lmi (djl-lmi) is used.
///   image: family g7e: $alias_ecr_uri_1 → 763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.34.0-lmi16.0.0-cu128
///   environment: lmi's required defaults — HF_MODEL_ID /opt/ml/model, SAGEMAKER_MODEL_SERVER_TIMEOUT 3600,
///          SAGEMAKER_PROGRAM inference.py, TIKTOKEN_ENCODINGS_BASE /opt/ml/model (SAGEMAKER_SUBMIT_DIRECTORY
///          dropped) — then ml.g7e.2xlarge's TENSOR_PARALLEL_DEGREE 1.
///   model data: not gated: s3://jumpstart-cache-prod-us-east-1/openai-reasoning/openai-reasoning-gpt-oss-20b/artifacts/inference-prepack/v1.0.0/
@Suite("JumpStart specs resolved as the SDK resolves them")
struct SpecResolutionTests {
    static let fixtures = projectRoot.appendingPathComponent("Tests/Fixtures/jumpstart-specs")

    func read(_ name: String, version: String, key: String = "k") throws -> JumpStartSpec.Outcome {
        let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(name + ".json")))
        return try JumpStartSpec.read(bytes, modelId: name, version: ModelVersion(version)!, specKey: key, regions: catalog.regions.names)
    }

    func kept(_ name: String, version: String) throws -> CatalogEntry {
        guard case .kept(let e) = try read(name, version: version) else { throw Unexpected() }
        return e
    }

    struct Unexpected: Error {}

    func plan(_ e: CatalogEntry, _ type: String, eula: Bool = false) throws -> DeploymentPlan {
        try catalog.planner.plan(DeploymentRequest(entry: e, region: "us-east-1", instanceType: type, eulaAccepted: eula)).get()
    }

    func env(_ p: DeploymentPlan) -> [String] { p.environmentValues.map { "\($0.name)=\($0.value)" } }

    @Test("pytorch-ic-mobilenet-v2: top-level variants, family image, required defaults only")
    func mobilenet() throws {
        let e = try kept("pytorch-ic-mobilenet-v2", version: "3.0.25")
        #expect(e.configs.isEmpty && e.configName == nil)
        #expect(e.origin?.framework == "pytorch")
        let p = try plan(e, "ml.m5.large")
        #expect(p.source == .container(
            image: "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:1.10.0-cpu-py38",
            modelData: ModelData(url: "s3://jumpstart-cache-prod-us-east-1/pytorch-ic/pytorch-ic-mobilenet-v2/artifacts/inference-prepack/v1.0.0/",
                                 kind: .uncompressedPrefix, bucket: "jumpstart-cache-prod-us-east-1",
                                 key: "pytorch-ic/pytorch-ic-mobilenet-v2/artifacts/inference-prepack/v1.0.0/")))
        #expect(env(p) == ["ENDPOINT_SERVER_TIMEOUT=3600", "MODEL_CACHE_ROOT=/opt/ml/model", "SAGEMAKER_ENV=1",
                           "SAGEMAKER_MODEL_SERVER_TIMEOUT=3600", "SAGEMAKER_MODEL_SERVER_WORKERS=1", "SAGEMAKER_PROGRAM=inference.py"])
    }

    @Test("a fetched entry, configs and all, reads back from the catalog files exactly")
    func roundTrip() throws {
        let fetched = [try kept("meta-textgeneration-llama-3-1-70b", version: "2.16.2"), try kept("openai-reasoning-gpt-oss-20b", version: "3.38.0"),
                       try kept("pytorch-ic-mobilenet-v2", version: "3.0.25")]
        let bundled = try entry("huggingface-llm-mistral-7b-instruct@3.5.0")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in CatalogFormat.encode(entries: fetched + [bundled], regions: catalog.regions) {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        let read = try Catalog(directory: dir, dataDirectory: projectRoot.appendingPathComponent("data"), source: .updated(snapshot: dir.path))
        for e in fetched + [bundled] { #expect(try read.entry(reference: e.reference) == e) }
        #expect(try read.fetchedEntries().map(\.reference).sorted() == fetched.map(\.reference).sorted())
        // The index's masks for a fetched entry agree with the planner.
        let llama = try read.summary(reference: "meta-textgeneration-llama-3-1-70b@2.16.2")
        #expect(llama.deploys(regionIndex: read.regions.index(of: "us-east-1"), instanceType: "ml.g5.48xlarge"))
    }

    @Test("llama 3.1 70B 2.16.2: the top-ranked config's component, the exact type's environment over the family's image")
    func llama() throws {
        let e = try kept("meta-textgeneration-llama-3-1-70b", version: "2.16.2")
        #expect(e.configName == "lmi")
        #expect(e.configs.map(\.name) == ["lmi", "lmi-optimized"])
        #expect(e.configs[1].fields == nil && e.configs[1].leftOut == JumpStartSpec.LeftOut.additionalDataSources.text)
        #expect(e.requiresEula == "fmhMetadata/eula/llama3_1Eula.txt" && e.gatedBucket)
        #expect(throws: PlanError.self) { try plan(e, "ml.g5.48xlarge") }  // the EULA first
        let p = try plan(e, "ml.g5.48xlarge", eula: true)
        guard case let .container(image, data) = p.source else { throw Unexpected() }
        #expect(image == "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124")
        #expect(data.url == "s3://jumpstart-private-cache-prod-us-east-1/meta-textgeneration/meta-textgeneration-llama-3-1-70b/artifacts/inference-prepack/v2.0.0/")
        #expect(env(p) == ["ENDPOINT_SERVER_TIMEOUT=3600", "HF_MODEL_ID=/opt/ml/model", "MODEL_CACHE_ROOT=/opt/ml/model",
                           "OPTION_ENFORCE_EAGER=true", "OPTION_GPU_MEMORY_UTILIZATION=0.95", "OPTION_TENSOR_PARALLEL_DEGREE=8",
                           "SAGEMAKER_ENV=1", "SAGEMAKER_MODEL_SERVER_TIMEOUT=3600", "SAGEMAKER_MODEL_SERVER_WORKERS=1",
                           "SAGEMAKER_PROGRAM=inference.py"])
        // The lmi config's own p5 value (4), not lmi-optimized's (8).
        #expect(env(try plan(e, "ml.p5.48xlarge", eula: true)).contains("OPTION_TENSOR_PARALLEL_DEGREE=4"))
        // Benchmarks as the spec gives them: p4d at concurrency 4 first.
        let t = try #require(e.config?.throughput(on: "ml.p4d.24xlarge"))
        #expect(t.value == "37.4" && t.concurrency == 4)
        #expect(e.config?.requirements == ResourceRequirements(minMemoryMB: 589824, accelerators: 8))
        // The lmi component's deploy_kwargs: what the SDK deploys with, and the template then too.
        #expect(e.startupTimeouts == StartupTimeouts(healthCheck: 1200, modelDataDownload: 1200))
    }

    @Test("gpt-oss-20b: JumpStart's default config needs a draft model, so the next one is used and says why")
    func gptOss() throws {
        let e = try kept("openai-reasoning-gpt-oss-20b", version: "3.38.0")
        #expect(e.configs.map(\.name) == ["lmi-optimized", "lmi"])
        #expect(e.configs[0].fields == nil)
        #expect(e.configName == "lmi" && e.defaultConfigName == "lmi")
        #expect(e.origin?.framework == "djl-lmi")
        let p = try plan(e, "ml.g7e.2xlarge")
        guard case let .container(image, data) = p.source else { throw Unexpected() }
        #expect(image == "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.34.0-lmi16.0.0-cu128")
        #expect(data.url == "s3://jumpstart-cache-prod-us-east-1/openai-reasoning/openai-reasoning-gpt-oss-20b/artifacts/inference-prepack/v1.0.0/")
        #expect(env(p) == ["HF_MODEL_ID=/opt/ml/model", "SAGEMAKER_MODEL_SERVER_TIMEOUT=3600", "SAGEMAKER_PROGRAM=inference.py",
                           "TENSOR_PARALLEL_DEGREE=1", "TIKTOKEN_ENCODINGS_BASE=/opt/ml/model"])
        #expect(throws: ConfigChoiceError.self) { try e.applying(config: "lmi-optimized") }
    }

    @Test("deep override: objects merge key by key, lists and scalars replace, denied keys stay, base nulls go")
    func deepOverride() {
        let base: JSONValue = .object([("a", .object([("x", .number("1")), ("y", .number("2"))])), ("list", .array([.number("1"), .number("2")])),
                                       ("gone", .null), ("model_id", .string("m"))])
        let component: JSONValue = .object([("a", .object([("y", .number("3"))])), ("list", .array([.number("9")]))])
        let merged = JumpStartSpec.override(JumpStartSpec.dropNulls(base), with: component)
        #expect(merged["a"] == .object([("x", .number("1")), ("y", .number("3"))]))
        #expect(merged["list"] == .array([.number("9")]))
        #expect(merged["gone"] == nil)
        #expect(merged["model_id"] == .string("m"))
    }

    @Test("left out with a reason, or malformed with the field named")
    func leftOutAndMalformed() throws {
        func spec(_ extra: String) -> [UInt8] {
            Array("""
            {"model_id": "m", "version": "1.0.0", "default_inference_instance_type": "ml.g5.2xlarge",
             "supported_inference_instance_types": ["ml.g5.2xlarge"], "hosting_artifact_key": "a/",
             "hosting_instance_type_variants": {"regional_aliases": {"us-east-1": {"gpu": "img"}},
               "variants": {"g5": {"regional_properties": {"image_uri": "$gpu"}}}}\(extra)}
            """.utf8)
        }
        func outcome(_ extra: String) throws -> JumpStartSpec.Outcome {
            try JumpStartSpec.read(spec(extra), modelId: "m", version: ModelVersion("1.0.0")!, specKey: "k", regions: ["us-east-1"])
        }
        #expect(try outcome(#", "deprecated": true"#) == .leftOut(.deprecated, framework: nil))
        // No prepacked artifact and hosting_use_script_uri missing (the SDK's default: true).
        #expect(try outcome("") == .leftOut(.script, framework: nil))
        guard case .kept = try outcome(#", "hosting_use_script_uri": false"#) else { throw Unexpected() }
        func replaced(_ old: String, _ new: String) throws -> JumpStartSpec.Outcome {
            let text = String(decoding: spec(#", "hosting_use_script_uri": false"#), as: UTF8.self).replacingOccurrences(of: old, with: new)
            return try JumpStartSpec.read(Array(text.utf8), modelId: "m", version: ModelVersion("1.0.0")!, specKey: "k", regions: ["us-east-1"])
        }
        #expect(try replaced(#""hosting_artifact_key": "a/""#, #""hosting_artifact_key": null"#) == .leftOut(.noModelData, framework: nil))
        #expect(throws: JumpStartSpec.Malformed(reason: "deprecated is not true or false")) { try outcome(#", "deprecated": "no""#) }
        #expect(throws: JumpStartSpec.Malformed(reason: "supported_inference_instance_types is not a list")) {
            try replaced(#"["ml.g5.2xlarge"]"#, #""ml.g5.2xlarge""#)
        }
        #expect(try replaced(#"["ml.g5.2xlarge"]"#, "[]") == .leftOut(.noInstanceTypes, framework: nil))
        #expect(throws: JumpStartSpec.Malformed(reason: "it is the spec of other, not of m")) {
            try JumpStartSpec.read(Array(#"{"model_id": "other"}"#.utf8), modelId: "m", version: ModelVersion("1.0.0")!, specKey: "k", regions: [])
        }
        #expect(throws: JumpStartSpec.Malformed.self) {
            try JumpStartSpec.read(Array("{not json".utf8), modelId: "m", version: ModelVersion("1.0.0")!, specKey: "k", regions: [])
        }
        // An image without `$` is no image (the SDK returns None), so no type deploys.
        let literal = Array(String(decoding: spec(#", "hosting_use_script_uri": false"#), as: UTF8.self).replacingOccurrences(of: "$gpu", with: "gpu").utf8)
        #expect(try JumpStartSpec.read(literal, modelId: "m", version: ModelVersion("1.0.0")!, specKey: "k", regions: ["us-east-1"])
                == .leftOut(.noImage, framework: nil))
    }

    @Test("the manifest: a JSON array of entries, selection newer than the newest held, newest only for a new model")
    func manifest() throws {
        let text = """
        [{"model_id": "a", "version": "1.0.0", "spec_key": "a/1.json"}, {"model_id": "a", "version": "1.2.0", "spec_key": "a/2.json", "min_version": "9.9.9"},
         {"model_id": "a", "version": "1.10.0", "spec_key": "a/3.json"}, {"model_id": "b", "version": "2.0.0", "spec_key": "b/1.json"},
         {"model_id": "b", "version": "3.0.0", "spec_key": "b/2.json", "deprecated": true}]
        """
        let m = try JumpStartManifest.parse(Array(text.utf8))
        #expect(m.entries.count == 5)
        let held: [String: Set<ModelVersion>] = ["a": [ModelVersion("1.2.0")!]]
        #expect(m.selection(held: held, allVersions: false).map(\.reference) == ["a@1.10.0", "b@3.0.0"])
        #expect(m.selection(held: held, allVersions: true).map(\.reference) == ["a@1.0.0", "a@1.10.0", "b@2.0.0", "b@3.0.0"])
        #expect(throws: JumpStartManifest.Malformed(reason: "it is not a JSON array of entries")) { try JumpStartManifest.parse(Array(#"{"a": 1}"#.utf8)) }
        #expect(throws: JumpStartManifest.Malformed.self) { try JumpStartManifest.parse(Array(#"[{"model_id": "a", "version": "1", "spec_key": "../etc/passwd"}]"#.utf8)) }
        #expect(throws: JumpStartManifest.Malformed(reason: "it is an HTML or XML page, not JSON")) { try JumpStartManifest.parse(Array("<html>hi</html>".utf8)) }
    }
}
