import Foundation
import Testing

/// The golden templates: representative entries, each exported in YAML and JSON.
let goldenCases: [(name: String, arguments: [String])] = [
    ("model-package", ["meta-textgeneration-llama-2-7b-f@2.0.2", "--accept-eula"]),
    ("gated-eula", ["meta-textgeneration-llama-3-8b-instruct@2.2.0", "--accept-eula"]),
    ("tar-gz", ["huggingface-textgeneration1-gpt-neo-125m@1.3.0"]),
    ("uncompressed-prefix", ["huggingface-llm-mistral-7b-instruct@3.5.0"]),
    ("instance-environment", ["huggingface-llm-thebloke-mistral-7b-openorca-awq@1.3.15", "--instance-type", "ml.g5.12xlarge"]),
    ("existing-role", [
        "huggingface-textgeneration1-gpt-neo-125m@1.3.0",
        "--role-arn", "arn:aws:iam::123456789012:role/service-role/SageMakerExecution",
    ]),
    ("every-option", [
        // ml.p3 has no local instance storage, so a KMS key for the volume is allowed there.
        "huggingface-llm-rinna-3-6b-instruction-ppo-bf16@1.3.0", "--region", "eu-west-1", "--instance-type", "ml.p3.2xlarge",
        "--count", "2", "--env", "MAX_INPUT_LENGTH=2048", "--env", "ENABLE_FEATURE=true", "--env", "TEMPERATURE=0.85",
        "--endpoint-name", "mistral-prod", "--accept-eula", "--health-check-timeout", "900",
        "--role-policy", "least-privilege", "--vpc-subnet", "subnet-0123456789abcdef0", "--vpc-subnet", "subnet-89abcdef",
        "--vpc-security-group", "sg-0123456789abcdef0", "--kms-key-id", "alias/sagemaker-endpoints",
        "--tag", "team=ml", "--tag", "cost-center=0042",
    ]),
]

/// Golden outputs use the bundled data only, whatever a developer fetched or imported.
let bundledOnly = ["JUMPSTART_TUI_BUNDLED_DATA": "1"]

let goldenDirectory = projectRoot.appendingPathComponent("Tests/JumpStartCommandsTests/Golden")

func goldenURL(_ name: String, _ format: String) -> URL {
    goldenDirectory.appendingPathComponent("\(name).\(format)")
}

/// Compares exactly; with RECORD_SNAPSHOTS=1 writes the file instead and fails, so a recording
/// run can never pass by accident.
func assertGolden(_ text: String, _ url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try Data(text.utf8).write(to: url)
        Issue.record("Recorded \(url.lastPathComponent); run again without RECORD_SNAPSHOTS and read the diff.", sourceLocation: sourceLocation)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(text == expected, "\(url.lastPathComponent) differs; if the change is intended, record with RECORD_SNAPSHOTS=1 and review the diff", sourceLocation: sourceLocation)
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("jst-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("export, run as a user runs it")
struct ExportTests {
    @Test("the golden templates, YAML and JSON, byte for byte", arguments: goldenCases.map(\.name))
    func golden(_ name: String) throws {
        let arguments = try #require(goldenCases.first { $0.name == name }).arguments
        for format in ["yaml", "json"] {
            let r = try jst(["export"] + arguments + ["--format", format], environment: bundledOnly)
            #expect(r.status == 0, "stderr: \(r.stderr)")
            try assertGolden(r.stdout, goldenURL(name, format))
        }
    }

    @Test("export --from re-creates each golden template byte for byte", arguments: goldenCases.map(\.name))
    func fromReproduces(_ name: String) throws {
        for format in ["yaml", "json"] {
            let url = goldenURL(name, format)
            let r = try jst(["export", "--from", url.path], environment: bundledOnly)
            #expect(r.status == 0, "stderr: \(r.stderr)")
            #expect(r.stdout == (try String(contentsOf: url, encoding: .utf8)), "\(url.lastPathComponent)")
        }
    }

    @Test("AWS_REGION does not move a template re-created with --from")
    func fromKeepsRegion() throws {
        let url = goldenURL("tar-gz", "yaml")
        let r = try jst(["export", "--from", url.path], environment: ["AWS_REGION": "eu-west-1"])
        #expect(r.stdout == (try String(contentsOf: url, encoding: .utf8)))
    }

    @Test("options given with --from change only what they name")
    func fromOverrides() throws {
        let url = goldenURL("uncompressed-prefix", "yaml")
        let original = try String(contentsOf: url, encoding: .utf8)
        let r = try jst(["export", "--from", url.path, "--count", "3"])
        #expect(r.status == 0)
        let changed = zip(original.split(separator: "\n"), r.stdout.split(separator: "\n")).filter { $0 != $1 }
        #expect(changed.count == 3)  // Description, Metadata's InstanceCount, InitialInstanceCount
        #expect(r.stdout.contains("InitialInstanceCount: 3") && r.stdout.contains("InstanceCount: 3"))
    }

    @Test("the golden templates keep the improvements over the construct")
    func invariants() throws {
        for (name, _) in goldenCases {
            let object = try #require(try json(String(contentsOf: goldenURL(name, "json"), encoding: .utf8)) as? [String: Any])
            let text = try String(contentsOf: goldenURL(name, "json"), encoding: .utf8)
            #expect(!text.contains("DependsOn"), "\(name)")
            let resources = try #require(object["Resources"] as? [String: [String: Any]])
            let model = try #require(resources["Model"]?["Properties"] as? [String: Any])
            let container = try #require(model["PrimaryContainer"] as? [String: Any])
            if let env = container["Environment"] as? [String: Any] {
                #expect(env.values.allSatisfy { $0 is String }, "\(name): every environment value is a string")
                #expect(env["SAGEMAKER_SUBMIT_DIRECTORY"] == nil)
            }
            let outputs = try #require(object["Outputs"] as? [String: Any])
            #expect((outputs["RoleArn"] != nil) == (resources["ExecutionRole"] != nil), "\(name)")
            let endpoint = try #require(resources["Endpoint"]?["Properties"] as? [String: Any])
            #expect((endpoint["EndpointName"] as? String)?.hasPrefix("jumpstart-") == true)
            let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
            #expect(keys == ["AWSTemplateFormatVersion", "Description", "Metadata", "Resources", "Outputs"])
        }
        let env = try String(contentsOf: goldenURL("instance-environment", "yaml"), encoding: .utf8)
        #expect(env.contains("SM_NUM_GPUS: '4'"))
        let all = try String(contentsOf: goldenURL("every-option", "yaml"), encoding: .utf8)
        #expect(all.contains("ENABLE_FEATURE: 'true'") && all.contains("TEMPERATURE: '0.85'") && all.contains("Value: '0042'"))
    }

    @Test("-o writes the file (mode 0644) with the same bytes, then the next steps on stderr")
    func writesFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("endpoint.yaml")
        let r = try jst(["export", "huggingface-llm-mistral-7b-instruct@3.5.0", "-o", file.path])
        #expect(r.status == 0 && r.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == String(contentsOf: goldenURL("uncompressed-prefix", "yaml"), encoding: .utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["endpoint.yaml"])
        let name = "jumpstart-huggingface-llm-mistral-7b-instruct"
        #expect(r.stderr.contains("aws cloudformation deploy --template-file \(file.path) --stack-name \(name) --region us-east-1 --capabilities CAPABILITY_IAM"))
        #expect(r.stderr.contains("aws sagemaker-runtime invoke-endpoint --endpoint-name \(name) --region us-east-1"))
        #expect(r.stderr.contains("\"ml.g5.12xlarge for endpoint usage\" in us-east-1"))
        #expect(r.stderr.contains("aws cloudformation delete-stack --stack-name \(name) --region us-east-1"))
        #expect(r.stderr.contains("aws logs delete-log-group --log-group-name /aws/sagemaker/Endpoints/\(name) --region us-east-1"))
        #expect(r.stderr.contains("AmazonSageMakerFullAccess, which is broad"))
    }

    @Test("an existing file is left untouched without --force and replaced with it")
    func existingFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.yaml")
        try Data("mine\n".utf8).write(to: file)
        let r = try jst(["export", "huggingface-textgeneration1-gpt-neo-125m@1.3.0", "-o", file.path])
        #expect(r.status != 0 && r.stdout.isEmpty)
        #expect(r.stderr.contains("already exists and was left untouched; add --force"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "mine\n")
        let f = try jst(["export", "huggingface-textgeneration1-gpt-neo-125m@1.3.0", "-o", file.path, "--force"])
        #expect(f.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == String(contentsOf: goldenURL("tar-gz", "yaml"), encoding: .utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["t.yaml"])
    }

    @Test("-o - writes to standard output; an existing role needs no IAM capability")
    func dashAndCapabilities() throws {
        let r = try jst(["export", "huggingface-textgeneration1-gpt-neo-125m@1.3.0", "-o", "-"])
        #expect(r.stdout == (try String(contentsOf: goldenURL("tar-gz", "yaml"), encoding: .utf8)))
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.json")
        let e = try jst(["export"] + goldenCases[5].arguments + ["-o", file.path, "--format", "json"])
        #expect(e.status == 0)
        #expect(e.stderr.contains("aws cloudformation deploy") && !e.stderr.contains("--capabilities"))
        #expect(!e.stderr.contains("which is broad"))
    }

    @Test("MODEL without a version is its newest")
    func newestVersion() throws {
        let r = try jst(["export", "huggingface-textgeneration1-gpt-neo-125m", "--format", "json"])
        #expect(r.status == 0)
        let show = try #require(try json(try jst(["show", "huggingface-textgeneration1-gpt-neo-125m", "--format", "json"]).stdout) as? [String: Any])
        let meta = try #require(((try json(r.stdout) as? [String: Any])?["Metadata"] as? [String: Any])?["JumpStartTUI"] as? [String: Any])
        #expect(meta["Version"] as? String == show["version"] as? String)
    }

    @Test("risky values are exported with a warning on stderr")
    func warnings() throws {
        let r = try jst(["export", "huggingface-textgeneration1-gpt-neo-125m@1.3.0", "--env", "KEY_ID=AKIAIOSFODNN7EXAMPLE",
                         "--env", "SECRET=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "--count", "11"])
        #expect(r.status == 0 && !r.stdout.isEmpty)
        #expect(r.stderr.contains("warning: Environment variable KEY_ID looks like an AWS access key or secret"))
        #expect(r.stderr.contains("warning: Environment variable SECRET looks like an AWS access key or secret"))
        #expect(r.stderr.contains("warning: 11 instances is a large always-on bill"))
        let p = try jst(["export", "meta-textgeneration-llama-2-7b-f@2.0.2", "--accept-eula", "--role-policy", "least-privilege"])
        #expect(p.status == 0 && p.stdout.contains("AmazonSageMakerFullAccess"))
        #expect(p.stderr.contains("model package") && p.stderr.contains("keeps the managed policy"))
    }

    @Test("--graph draws the template's resources and references in 80 columns")
    func graphText() throws {
        let r = try jst(["export", "huggingface-llm-mistral-7b-instruct@3.5.0", "--graph"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 })
        let boxes = lines.filter { $0.hasPrefix("│ ") && $0.contains("  (AWS::") }.map { $0.split(separator: " ")[1] }
        #expect(boxes == ["ExecutionRole", "Model", "EndpointConfig", "Endpoint"])
        #expect(r.stdout.contains("Fn::GetAtt ExecutionRole.Arn → ExecutionRoleArn"))
        #expect(r.stdout.contains("Fn::GetAtt Model.ModelName → ProductionVariants[0].ModelName"))
        #expect(r.stdout.contains("Fn::GetAtt EndpointConfig.EndpointConfigName → EndpointConfigName"))
        #expect(r.stdout.contains("instances: 1 x ml.g5.12xlarge"))
        #expect(r.stdout.contains("name: jumpstart-huggingface-llm-mistral-7b-instruct"))
        let d = try jst(["export", "--from", goldenURL("existing-role", "yaml").path, "--graph", "--graph-format", "dot"])
        #expect(d.status == 0)
        #expect(d.stdout.hasPrefix("digraph \"jumpstart-huggingface-textgeneration1-gpt-neo-125m\" {"))
        #expect(!d.stdout.contains("ExecutionRole"))
        #expect(d.stdout.split(separator: "\n").filter { $0.contains(" -> ") }.count == 2)
    }

    static let long54 = String(repeating: "a", count: 54)
    static let pkg = "meta-textgeneration-llama-2-7b-f@2.0.2"
    static let tgz = "huggingface-textgeneration1-gpt-neo-125m@1.3.0"

    @Test("every validation rule: non-zero exit, the message, nothing on stdout and no file", arguments: [
        ([tgz, "--endpoint-name", long54], "is 54 characters long; it may have at most 53"),
        ([tgz, "--endpoint-name", "my_endpoint"], "\"my_endpoint\" is not a valid endpoint name"),
        ([tgz, "--endpoint-name", "trailing-"], "is not a valid endpoint name"),
        ([tgz, "--env", "1BAD=x"], "Environment variable name \"1BAD\" is not valid"),
        ([tgz, "--env", "NO_VALUE"], "--env \"NO_VALUE\" is not KEY=VALUE"),
        ([tgz, "--env", "A=1", "--env", "A=2"], "Environment variable A is given more than once"),
        ([tgz, "--env", "LONG=" + String(repeating: "v", count: 1025)], "is 1025 bytes long; values may have at most 1024 bytes"),
        ([tgz, "--env", String(repeating: "N", count: 1025) + "=v"], "is 1025 bytes long; names may have at most 1024 bytes"),
        ([tgz] + (0..<101).flatMap { ["--env", "V\($0)=x"] }, "SageMaker allows at most 100"),
        ([tgz] + (0..<40).flatMap { ["--env", "V\($0)=" + String(repeating: "x", count: 1000)] }, "SageMaker allows at most 32768 bytes in all"),
        ([tgz, "--tag", "bad#key=1"], "Tag key \"bad#key\" is not valid"),
        ([tgz, "--tag", String(repeating: "k", count: 129) + "=1"], "keys have 1 to 128 characters"),
        ([tgz, "--tag", "team=ml!"], "The value \"ml!\" of tag team is not valid"),
        ([tgz, "--tag", "aws:owner=me"], "keys starting with aws: are reserved"),
        ([tgz, "--tag", "modelId=x"], "Tag key modelId is given more than once"),
        ([tgz, "--tag", "team=a", "--tag", "team=b"], "Tag key team is given more than once"),
        ([tgz, "--tag", "novalue"], "--tag \"novalue\" is not KEY=VALUE"),
        ([tgz] + (0..<46).flatMap { ["--tag", "k\($0)=v"] }, "The model would have 51 tags (5 from the catalog and 46 of yours); a resource may have at most 50"),
        ([tgz, "--count", "0"], "--count 0 is not allowed: the instance count must be a whole number from 1 to 1000"),
        ([tgz, "--count=-1"], "--count -1 is not allowed"),
        ([tgz, "--count", "1.5"], "--count 1.5 is not allowed"),
        ([tgz, "--health-check-timeout", "59"], "--health-check-timeout 59 is not allowed: give a whole number of seconds from 60 to 3600"),
        ([tgz, "--health-check-timeout", "3601"], "--health-check-timeout 3601 is not allowed"),
        ([tgz, "--health-check-timeout", "ten"], "--health-check-timeout ten is not allowed"),
        ([tgz, "--role-arn", "arn:aws:iam::12345:role/x"], "is not an IAM role ARN"),
        ([tgz, "--role-arn", "arn:aws:iam::123456789012:user/x"], "is not an IAM role ARN"),
        ([tgz, "--role-arn", "arn:aws:iam::123456789012:role/x", "--role-policy", "managed"], "can't be used together"),
        ([tgz, "--role-policy", "admin"], "--role-policy admin is not offered: use managed"),
        ([tgz, "--vpc-subnet", "subnet-12345678"], "got 1 --vpc-subnet and 0 --vpc-security-group"),
        ([tgz, "--vpc-security-group", "sg-12345678"], "got 0 --vpc-subnet and 1 --vpc-security-group"),
        ([tgz, "--vpc-security-group", "sg-12345678"] + (0..<17).flatMap { ["--vpc-subnet", "subnet-1234567\($0 % 10)"] }, "--vpc-subnet: 17 given; SageMaker takes 1 to 16 subnets"),
        ([tgz, "--vpc-subnet", "subnet-12345678"] + (0..<6).flatMap { ["--vpc-security-group", "sg-1234567\($0)"] }, "--vpc-security-group: 6 given; SageMaker takes 1 to 5"),
        ([tgz, "--vpc-subnet", "subnet-xyz", "--vpc-security-group", "sg-12345678"], "--vpc-subnet subnet-xyz is not a subnet id"),
        ([tgz, "--vpc-subnet", "subnet-12345678", "--vpc-security-group", "sg-123"], "--vpc-security-group sg-123 is not a security group id"),
        ([tgz, "--kms-key-id", "my-key"], "--kms-key-id my-key is not a KMS key"),
        (["huggingface-llm-mistral-7b-instruct@3.5.0", "--kms-key-id", "alias/k"], "it has local NVMe instance storage"),
        ([tgz, "--count", "1001"], "from 1 to 1000"),
        ([tgz, "--count", "-1"], "--count -1 is not allowed"),
        ([tgz, "--kms-key-id", "arn:aws:kms:us-east-1:123456789012:key/nope"], "is not a KMS key"),
        (["meta-textgeneration-llama-3-8b-instruct@2.2.0"], "needs its end-user licence agreement (EULA) accepted"),
        ([tgz, "--instance-type", "ml.t2.medium"], "Instance type ml.t2.medium is not supported by this model"),
        ([pkg, "--accept-eula", "--env", "A=1"], "takes no environment variables (got A)"),
        ([pkg, "--accept-eula", "--region", "eu-north-1"], "This model's package is not available in eu-north-1"),
        (["huggingface-llm-mistral-7b-instruct"], "The newest version that deploys here on its default instance type is huggingface-llm-mistral-7b-instruct@3.5.0"),
        (["huggingface-llm-mistral-7b-instrct"], "Did you mean: huggingface-llm-mistral-7b-instruct"),
        ([tgz, "--region", "mars-1"], "mars-1 (from --region) is not a JumpStart region"),
        ([tgz, "--format", "xml"], "--format xml is not offered by export; use yaml or json"),
        ([tgz, "--graph", "--graph-format", "png"], "--graph-format png is not offered; use text or dot"),
        ([tgz, "--graph-format", "dot"], "--graph-format only applies with --graph"),
        ([], "export needs a model"),
    ] as [([String], String)])
    func validation(_ arguments: [String], _ message: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("out.yaml")
        let r = try jst(["export"] + arguments + ["-o", file.path])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("--from refuses files it can't reopen, naming why")
    func fromErrors() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let foreign = dir.appendingPathComponent("foreign.yaml")
        try Data("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n".utf8).write(to: foreign)
        let newer = dir.appendingPathComponent("newer.yaml")
        let golden = try String(contentsOf: goldenURL("tar-gz", "yaml"), encoding: .utf8)
        try Data(golden.replacingOccurrences(of: "FormatVersion: 2", with: "FormatVersion: 9").utf8).write(to: newer)
        for (path, message) in [
            (dir.appendingPathComponent("missing.yaml").path, "no such file"),
            (foreign.path, "was not exported by jumpstart-tui"),
            (newer.path, "written with answers format 9"),
        ] {
            let r = try jst(["export", "--from", path])
            #expect(r.status != 0 && r.stdout.isEmpty)
            #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        }
    }
}
