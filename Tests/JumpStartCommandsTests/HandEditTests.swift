import Foundation
import Testing

/// A golden template with `from` replaced by `to` in its Resources only (the Metadata keeps the
/// answers), as a person editing the file by hand does; nil when `from` is not there.
func handEdited(_ name: String, _ format: String, _ edits: [(String, String)]) throws -> String {
    let text = try String(contentsOf: goldenURL(name, format), encoding: .utf8)
    let marker = format == "json" ? "\"Resources\": {" : "\nResources:\n"
    let start = try #require(text.range(of: marker)).lowerBound
    var resources = String(text[start...])
    for (from, to) in edits {
        #expect(resources.contains(from), "\(name).\(format) has no \(from) in its Resources")
        resources = resources.replacingOccurrences(of: from, with: to)
    }
    return String(text[..<start]) + resources
}

/// Writes `text` as `edited.<format>` in a folder of its own and returns the folder.
func writeEdited(_ text: String, format: String = "yaml") throws -> URL {
    let dir = try temporaryDirectory()
    try Data(text.utf8).write(to: dir.appendingPathComponent("edited.\(format)"))
    return dir
}

@Suite("export --from a template edited by hand")
struct HandEditTests {
    @Test("InitialInstanceCount 2 → 5 is read back as --count 5, and said")
    func countReadBack() throws {
        let dir = try writeEdited(try handEdited("every-option", "yaml", [("InitialInstanceCount: 2", "InitialInstanceCount: 5")]))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try jst(["export", "--from", "edited.yaml"], environment: bundledOnly, cwd: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("InitialInstanceCount: 5") && !r.stdout.contains("InitialInstanceCount: 2"))
        // The answers hold it too, so the next --from keeps it.
        #expect(r.stdout.contains("      Kind: fixed\n      Count: 5\n"))
        #expect(r.stdout.contains("on 5 x ml.p3.2xlarge"))
        #expect(r.stderr.contains("""
            Read back from edited.yaml's Resources, edited by hand:
              EndpointConfig.Properties.ProductionVariants[0].InitialInstanceCount: template 5 vs. answers 2 → --count 5
            """), "stderr: \(r.stderr)")
    }

    @Test("edits that map onto an answer become that answer", arguments: [
        ("every-option", [("ContainerStartupHealthCheckTimeoutInSeconds: 900", "ContainerStartupHealthCheckTimeoutInSeconds: 1200")],
         "--health-check-timeout 1200", "    HealthCheckTimeout: 1200\n"),
        ("every-option", [("EndpointName: jumpstart-mistral-prod", "EndpointName: jumpstart-mistral-blue")],
         "--endpoint-name mistral-blue", "    EndpointName: mistral-blue\n"),
        ("every-option", [("TEMPERATURE: '0.85'", "TEMPERATURE: '0.5'")],
         "--env TEMPERATURE=0.5", "      TEMPERATURE: '0.5'\n    EndpointName"),
        ("every-option", [("KmsKeyId: alias/sagemaker-endpoints", "KmsKeyId: alias/other-key")],
         "--kms-key-id alias/other-key", "    KmsKeyId: alias/other-key\n"),
        ("every-option", [("Value: ml\n", "Value: ops\n")],
         "--tag team=ops", "    - Key: team\n      Value: ops\n"),
        ("tar-gz", [("InstanceType: ml.g5.4xlarge", "InstanceType: ml.g4dn.xlarge")],
         "--instance-type ml.g4dn.xlarge", "    InstanceType: ml.g4dn.xlarge\n"),
        ("autoscaling", [("MaxCapacity: 4", "MaxCapacity: 6")],
         "--max-count 6", "      MinCount: 1\n      MaxCount: 6\n"),
        ("autoscaling", [("TargetValue: 100", "TargetValue: 150")],
         "--target-invocations 150", "      TargetInvocations: 150\n"),
        ("autoscaling-schedule", [("          MinCapacity: 1\n          MaxCapacity: 1\n", "          MinCapacity: 2\n          MaxCapacity: 2\n")],
         "--off-hours-count 2", "        OffHoursCount: 2\n"),
        ("every-option", [("        - subnet-89abcdef\n", "        - subnet-89abcdef\n        - subnet-0badcafe\n")],
         "--vpc-subnet subnet-0123456789abcdef0 --vpc-subnet subnet-89abcdef --vpc-subnet subnet-0badcafe",
         "    VpcSubnets:\n    - subnet-0123456789abcdef0\n    - subnet-89abcdef\n    - subnet-0badcafe\n"),
        ("existing-role", [("ExecutionRoleArn: arn:aws:iam::123456789012:role/service-role/SageMakerExecution", "ExecutionRoleArn: arn:aws:iam::123456789012:role/Other")],
         "--role-arn arn:aws:iam::123456789012:role/Other", "    RoleArn: arn:aws:iam::123456789012:role/Other\n"),
    ])
    func readBack(_ name: String, _ edits: [(String, String)], _ answer: String, _ metadata: String) throws {
        let dir = try writeEdited(try handEdited(name, "yaml", edits))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try jst(["export", "--from", "edited.yaml"], environment: bundledOnly, cwd: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("→ \(answer)\n"), "stderr: \(r.stderr)")
        #expect(r.stdout.contains(metadata), "\(r.stdout.prefix(1200))")
        // Reopening the result finds nothing edited: the answers and the Resources agree again.
        let again = try writeEdited(r.stdout)
        defer { try? FileManager.default.removeItem(at: again) }
        let r2 = try jst(["export", "--from", "edited.yaml"], environment: bundledOnly, cwd: again)
        #expect(r2.status == 0 && r2.stdout == r.stdout && !r2.stderr.contains("Read back"), "stderr: \(r2.stderr)")
    }

    @Test("a tag edited on every resource is read back once per resource, as one answer")
    func tagOnEveryResource() throws {
        let dir = try writeEdited(try handEdited("every-option", "yaml", [("Value: ml\n", "Value: ops\n")]))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try jst(["export", "--from", "edited.yaml"], environment: bundledOnly, cwd: dir)
        // The role, the model, the endpoint config and the endpoint carry the person's tags.
        for resource in ["ExecutionRole", "Model", "EndpointConfig", "Endpoint"] {
            #expect(r.stderr.contains("  \(resource).Properties.Tags.team: template ops vs. answers ml → --tag team=ops\n"), "stderr: \(r.stderr)")
        }
        #expect(!r.stdout.contains("Value: ml\n"))
    }

    @Test("what CloudFormation reads alike is no edit: a quoted number, a short-form function, the cost line")
    func notEdits() throws {
        let golden = try String(contentsOf: goldenURL("tar-gz", "yaml"), encoding: .utf8)
        let json = try String(contentsOf: goldenURL("every-option", "json"), encoding: .utf8)
        for (text, format) in [
            (try handEdited("every-option", "json", [("\"InitialInstanceCount\": 2", "\"InitialInstanceCount\": \"2\"")]), "json"),
            (try handEdited("tar-gz", "yaml", [("ModelName:\n          Fn::GetAtt:\n          - Model\n          - ModelName", "ModelName: !GetAtt Model.ModelName")]), "yaml"),
            (try handEdited("tar-gz", "yaml", [("EnableNetworkIsolation: true", "EnableNetworkIsolation: True")]), "yaml"),
            (golden.replacingOccurrences(of: "Estimated cost $", with: "Estimated cost $1"), "yaml"),
        ] {
            let dir = try writeEdited(text, format: format)
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try jst(["export", "--from", "edited.\(format)"], environment: bundledOnly, cwd: dir)
            #expect(r.status == 0, "stderr: \(r.stderr)")
            #expect(r.stdout == (format == "json" ? json : golden))
            #expect(!r.stderr.contains("Read back") && !r.stderr.contains("hand edits"), "stderr: \(r.stderr)")
        }
    }

    @Test("an edit no answer holds is refused with the list, and nothing is written")
    func refusal() throws {
        let text = try handEdited("autoscaling", "yaml", [
            ("VariantName: AllTraffic", "VariantName: Blue"),
            ("InitialInstanceCount: 1", "InitialInstanceCount: 2"),
            ("SAGEMAKER_PROGRAM: inference.py", "SAGEMAKER_PROGRAM: serve.py\n          EXTRA: 'on'"),
            ("        Value: SageMakerPublicHub\n", "        Value: SageMakerPublicHub\n      - Key: owner\n        Value: me\n"),
            ("MaxCapacity: 4", "MaxCapacity: 3"),
            ("ScaleInCooldown: 600", "ScaleInCooldown: 900"),
            // A tag on two resources with two values; the catalog's own tag and variable.
            ("      EndpointName: jumpstart-", "      Tags:\n      - Key: owner\n        Value: you\n      EndpointName: jumpstart-"),
            ("        Value: '3.5.0'\n", "        Value: '3.5.1'\n"),
            ("          SAGEMAKER_ENV: '1'\n", ""),
        ])
        let dir = try writeEdited(text)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try jst(["export", "--from", "edited.yaml", "-o", "out.yaml"], environment: bundledOnly, cwd: dir)
        #expect(r.status != 0 && r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.yaml").path))
        try assertGolden(r.stderr, goldenDirectory.appendingPathComponent("hand-edit-refusal.txt"))
    }

    @Test("--discard-edits drops the edits no answer holds, says which, and still reads back the rest")
    func discard() throws {
        let dir = try writeEdited(try handEdited("tar-gz", "yaml", [
            ("VariantName: AllTraffic", "VariantName: Blue"), ("InitialInstanceCount: 1", "InitialInstanceCount: 3"),
        ]))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try jst(["export", "--from", "edited.yaml", "--discard-edits"], environment: bundledOnly, cwd: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("- VariantName: AllTraffic\n") && r.stdout.contains("InitialInstanceCount: 3\n"))
        #expect(r.stderr.contains("""
            warning: --discard-edits drops these hand edits of edited.yaml's Resources:
              EndpointConfig.Properties.ProductionVariants[0].VariantName: template Blue vs. answers AllTraffic
            Read back from edited.yaml's Resources, edited by hand:
              EndpointConfig.Properties.ProductionVariants[0].InitialInstanceCount: template 3 vs. answers 1 → --count 3
            """), "stderr: \(r.stderr)")
    }

    @Test("a read-back value meets the rule a typed one does, naming the property", arguments: [
        ("InitialInstanceCount: 1", "InitialInstanceCount: 5000",
         "edited.yaml was edited by hand, and the edit can't be read back: EndpointConfig.Properties.ProductionVariants[0].InitialInstanceCount 5000 is not allowed: the instance count must be a whole number from 1 to 1000. Fix the value in the file's Resources."),
        ("InitialInstanceCount: 1", "InitialInstanceCount: 0",
         "EndpointConfig.Properties.ProductionVariants[0].InitialInstanceCount 0 is not allowed: the instance count must be a whole number from 1 to 1000."),
        ("ContainerStartupHealthCheckTimeoutInSeconds: 600", "ContainerStartupHealthCheckTimeoutInSeconds: 5",
         "EndpointConfig.Properties.ProductionVariants[0].ContainerStartupHealthCheckTimeoutInSeconds 5 is not allowed: give a whole number of seconds from 60 to 3600 (default 600)."),
        ("InstanceType: ml.g5.4xlarge", "InstanceType: ml.c5.xlarge", "ml.c5.xlarge"),
    ])
    func invalid(_ from: String, _ to: String, _ message: String) throws {
        let dir = try writeEdited(try handEdited("tar-gz", "yaml", [(from, to)]))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try jst(["export", "--from", "edited.yaml", "--discard-edits", "-o", "out.yaml"], environment: bundledOnly, cwd: dir)
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.yaml").path))
    }

    @Test("a version the catalog in use lacks is said, never compared with another; --discard-edits with another version goes on")
    func versionMissing() throws {
        let golden = try String(contentsOf: goldenURL("tar-gz", "yaml"), encoding: .utf8)
        let dir = try writeEdited(golden.replacingOccurrences(of: "Version: '1.3.0'", with: "Version: '1.3.9'"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try jst(["export", "--from", "edited.yaml"], environment: bundledOnly, cwd: dir)
        #expect(r.status != 0 && r.stdout.isEmpty)
        #expect(r.stderr.contains("Can't check edited.yaml for hand edits: its Resources are compared only with what its own answers build (never another version), and they don't build with the catalog in use: huggingface-textgeneration1-gpt-neo-125m has no version 1.3.9."), "stderr: \(r.stderr)")
        let d = try jst(["export", "--from", "edited.yaml", "--discard-edits", "huggingface-textgeneration1-gpt-neo-125m@1.3.0"], environment: bundledOnly, cwd: dir)
        #expect(d.status == 0 && d.stdout == golden, "stderr: \(d.stderr)")
    }

    @Test("--discard-edits without --from is refused, by export and by the wizard's command line")
    func discardNeedsFrom() throws {
        for arguments in [["export", "huggingface-textgeneration1-gpt-neo-125m@1.3.0", "--discard-edits"], ["--discard-edits"]] {
            let r = try jst(arguments, environment: bundledOnly)
            #expect(r.status != 0 && r.stdout.isEmpty)
            #expect(r.stderr.contains("--discard-edits only applies with --from TEMPLATE_FILE"), "stderr: \(r.stderr)")
        }
    }
}
