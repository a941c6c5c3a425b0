import Testing
@testable import JumpStartCore

/// Every rule of DESIGN.md §2, each on a real catalog entry that breaks it.
@Suite("The deployment plan")
struct PlanTests {
    let planner = catalog.planner

    func plan(_ reference: String, region: String = "us-east-1", type: String? = nil, count: Int = 1,
              env: [String: String] = [:], eula: Bool = false) throws -> Result<DeploymentPlan, PlanError> {
        planner.plan(DeploymentRequest(
            entry: try entry(reference), region: region, instanceType: type, instanceCount: count,
            environment: env.keys.sorted().map { EnvironmentVariable(name: $0, value: .string(env[$0]!)) },
            eulaAccepted: eula))
    }

    @Test("llama-2-7b-f@2.0.2 resolves to its model package in us-east-1")
    func modelPackage() throws {
        // 2.0.2 needs its EULA like every Llama 2 version; accepted, it resolves to the package.
        guard case .failure(.eulaNotAccepted) = try plan("meta-textgeneration-llama-2-7b-f@2.0.2") else { Issue.record("EULA not asked"); return }
        let result = try plan("meta-textgeneration-llama-2-7b-f@2.0.2", eula: true)
        guard case .success(let p) = result else { Issue.record("\(result)"); return }
        #expect(p.source == .modelPackage(arn: "arn:aws:sagemaker:us-east-1:865070037744:model-package/llama2-7b-f-v4-71eeccf76ddf33f2a18d2e16b9c7f302"))
        #expect(p.instanceType == "ml.g5.2xlarge")
        #expect(p.environment.isEmpty)
    }

    @Test("model packages refuse environment variables (rule 3)")
    func packageRefusesEnvironment() throws {
        #expect(try plan("meta-textgeneration-llama-2-7b-f@2.0.2", env: ["FOO": "1"], eula: true) == .failure(.environmentNotAllowedForModelPackage(names: ["FOO"])))
    }

    @Test("a model package outside its regions names the regions that have it (rule 3)")
    func packageRegion() throws {
        #expect(try plan("meta-textgeneration-llama-2-7b-f@2.0.2", region: "eu-west-2", eula: true) == .failure(.modelPackageNotInRegion(
            region: "eu-west-2", availableRegions: ["ap-southeast-1", "ap-southeast-2", "eu-west-1", "us-east-1", "us-east-2", "us-west-2"])))
    }

    @Test("the newest llama-2-7b-f (4.27.0) needs its EULA accepted first (rule 1)")
    func eula() throws {
        let result = try plan("meta-textgeneration-llama-2-7b-f")
        guard case let .failure(.eulaNotAccepted(model, version, key, url)) = result else { Issue.record("\(result)"); return }
        #expect(model == "meta-textgeneration-llama-2-7b-f" && version == "4.27.0")
        #expect(key == "fmhMetadata/eula/llamaEula.txt")
        #expect(url == "https://jumpstart-cache-prod-us-east-1.s3.us-east-1.amazonaws.com/fmhMetadata/eula/llamaEula.txt")
        #expect("\(result)".contains("--accept-eula"))
    }

    @Test("EULA addresses in China use amazonaws.com.cn")
    func chinaEula() {
        #expect(catalog.regions["cn-north-1"]!.contentURL(forKey: "k.txt") == "https://jumpstart-cache-prod-cn-north-1.s3.cn-north-1.amazonaws.com.cn/k.txt")
    }

    @Test("mistral-7b-instruct@3.12.0 deploys nowhere: it has no image (rule 4)")
    func mistralNowhere() throws {
        let e = try entry("huggingface-llm-mistral-7b-instruct@3.12.0")
        for region in catalog.regions.names {
            #expect(planner.deployableInstanceTypes(e, in: region).isEmpty)
        }
        let result = try plan("huggingface-llm-mistral-7b-instruct@3.12.0")
        #expect(result == .failure(.noImageForInstanceFamily(instanceType: "ml.g5.12xlarge", family: "g5", deployableInRegion: [])))
    }

    @Test("an unsupported instance type names the default and the supported ones (rule 2)")
    func unsupportedType() throws {
        let result = try plan("meta-textgeneration-llama-2-7b-f@2.0.2", type: "ml.t2.medium", eula: true)
        let supported = ["ml.g5.2xlarge", "ml.g5.4xlarge", "ml.g5.8xlarge", "ml.g5.12xlarge", "ml.g5.24xlarge", "ml.g5.48xlarge", "ml.p4d.24xlarge"]
        #expect(result == .failure(.unsupportedInstanceType(instanceType: "ml.t2.medium", defaultInstanceType: "ml.g5.2xlarge", supported: supported, deployableInRegion: supported)))
        #expect("\(result)".contains("Default: ml.g5.2xlarge"))
    }

    @Test("rule order: the EULA is checked before the instance type")
    func ruleOrder() throws {
        let result = try plan("meta-textgeneration-llama-2-7b-f", type: "ml.t2.medium")
        guard case .failure(.eulaNotAccepted) = result else { Issue.record("\(result)"); return }
    }

    @Test("an instance count below 1 is refused, never raised to 1", arguments: [0, -3])
    func count(_ n: Int) throws {
        #expect(try plan("huggingface-llm-mistral-7b-instruct@3.5.0", count: n) == .failure(.invalidInstanceCount(n)))
    }

    @Test("a region that isn't a JumpStart region is refused (rule 4)")
    func notJumpStartRegion() throws {
        let result = try plan("huggingface-llm-mistral-7b-instruct@3.5.0", region: "eu-south-2")
        guard case .failure(.notAJumpStartRegion(let r, let all)) = result else { Issue.record("\(result)"); return }
        #expect(r == "eu-south-2" && all.count == 27)
    }

    @Test("gated models can't deploy where there is no gated bucket (cn-north-1)")
    func gatedBucket() throws {
        let result = try plan("meta-textgeneration-llama-2-7b-f@4.3.0", region: "cn-north-1", eula: true)
        guard case .failure(.noGatedBucket(let region, let withBucket)) = result else { Issue.record("\(result)"); return }
        #expect(region == "cn-north-1" && withBucket.count == 26)
    }

    @Test("gated models read from the gated bucket")
    func gatedSource() throws {
        let result = try plan("meta-textgeneration-llama-2-7b-f@4.3.0", eula: true)
        guard case .success(let p) = result, case .container(_, let data) = p.source else { Issue.record("\(result)"); return }
        #expect(data.bucket == "jumpstart-private-cache-prod-us-east-1")
        #expect(data.kind == .uncompressedPrefix)
    }

    @Test("a region without the image alias names the regions that have one (rule 4)")
    func noImageInRegion() throws {
        // Find a real entry whose default type deploys somewhere but not in af-south-1.
        let af = catalog.regions.index(of: "af-south-1")!
        let s = try #require(try catalog.allSummaries().first { !$0.isModelPackage && !$0.needsEula && !$0.deploysWithDefault(regionIndex: af) && $0.defaultTypeRegionMask != 0 })
        let result = try plan(s.reference, region: "af-south-1")
        guard case let .failure(.noImageInRegion(type, region, regions, _)) = result else { Issue.record("\(s.reference): \(result)"); return }
        #expect(type == s.defaultInstanceType && region == "af-south-1" && !regions.isEmpty && !regions.contains("af-south-1"))
    }

    @Test("model data: .tar.gz goes in ModelDataUrl, a prefix in ModelDataSource")
    func modelDataKinds() throws {
        let archive = try #require(try catalog.allSummaries().first { s in
            guard !s.isModelPackage, !s.needsEula, s.deploysWithDefault(regionIndex: 21) else { return false }
            return (try? catalog.entry(s).modelDataKey?.hasSuffix(".tar.gz")) == true
        })
        guard case .success(let p) = try plan(archive.reference), case .container(_, let data) = p.source else { Issue.record("no plan"); return }
        #expect(data.kind == .compressedArchive && data.url.hasSuffix(".tar.gz"))
        guard case .success(let q) = try plan("huggingface-llm-mistral-7b-instruct@3.5.0"), case .container(let image, let d2) = q.source else { Issue.record("no plan"); return }
        #expect(d2.kind == .uncompressedPrefix)
        #expect(d2.url == "s3://jumpstart-cache-prod-us-east-1/huggingface-llm/huggingface-llm-mistral-7b-instruct/artifacts/inference-prepack/v2.1.0/")
        #expect(image.contains(".dkr.ecr.us-east-1.amazonaws.com/"))
    }

    @Test("environment: entry, then the exact instance type's variant, then the user's; SAGEMAKER_SUBMIT_DIRECTORY dropped")
    func environmentMerge() throws {
        let reference = "meta-textgeneration-llama-2-7b-f@4.3.0"
        let e = try entry(reference)
        let variantType = try #require(e.instanceVariants?.first { $0.instanceType.hasPrefix("ml.") && ($0.environment?.contains { $0.name == "SM_NUM_GPUS" } ?? false) })
        let result = try plan(reference, type: variantType.instanceType, env: ["MAX_TOTAL_TOKENS": "2048", "MY_FLAG": "on"], eula: true)
        guard case .success(let p) = result else { Issue.record("\(result)"); return }
        let byName = Dictionary(uniqueKeysWithValues: p.environment.map { ($0.name, $0) })
        let gpus = variantType.environment!.first { $0.name == "SM_NUM_GPUS" }!.value.description
        #expect(byName["SM_NUM_GPUS"]?.value == gpus && byName["SM_NUM_GPUS"]?.origin == .instanceType)
        #expect(byName["MY_FLAG"]?.origin == .user)
        #expect(byName["MAX_TOTAL_TOKENS"]?.value == "2048" && byName["MAX_TOTAL_TOKENS"]?.replaced != nil)
        #expect(byName["SAGEMAKER_SUBMIT_DIRECTORY"] == nil)
        #expect(p.environment.map(\.name) == p.environment.map(\.name).sorted())
        // Numbers in the catalog come out as strings.
        #expect(byName["SAGEMAKER_MODEL_SERVER_WORKERS"]?.value == "1")
    }

    @Test("newest deployable version: llama-2-7b-f's newest that deploys in us-east-1")
    func newestDeployable() throws {
        let s = try #require(try catalog.newestDeployableVersion(of: "meta-textgeneration-llama-2-7b-f", region: "us-east-1"))
        #expect(s.version < ModelVersion("4.27.0")!)
        let e = try catalog.entry(s)
        #expect(planner.check(e, region: "us-east-1", instanceType: e.defaultInstanceType) == nil)
        #expect(try catalog.newestDeployableVersion(of: "huggingface-llm-mistral-7b-instruct", region: "us-east-1")?.version.text == "3.5.0")
    }
}
