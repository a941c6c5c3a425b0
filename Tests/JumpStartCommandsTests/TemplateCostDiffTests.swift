import Foundation
import Testing

/// `cost --template` and `diff`, run as a user runs them, on our golden templates, the CDK
/// construct's real `cdk synth` output (Fixtures/cdk, made by synth.py there) and hand-written ones.
/// Prices are the bundled table's: ml.g5.2xlarge $1.515/h, ml.g5.4xlarge $2.03/h, ml.g5.12xlarge
/// $7.09/h, ml.g5.24xlarge $10.18/h in us-east-1; a month is 730 hours.
@Suite("cost --template and diff")
struct TemplateCostDiffTests {
    static let fixtures = projectRoot.appendingPathComponent("Tests/JumpStartCommandsTests/Fixtures")
    static func golden(_ name: String) -> String { goldenDirectory.appendingPathComponent(name).path }
    static func cdk(_ name: String) -> String { fixtures.appendingPathComponent("cdk/\(name).template.json").path }
    static func hand(_ name: String) -> String { fixtures.appendingPathComponent("templates/\(name)").path }
    static func ours(_ name: String) -> String { fixtures.appendingPathComponent("templates/ours/\(name)").path }

    /// Wide by default, so that sentences are checked whole; the goldens say their width.
    func run(_ arguments: [String], columns: String = "1000") throws -> CLIResult {
        try jst(arguments, environment: try emptyConfig().merging(["COLUMNS": columns]) { $1 })
    }

    @Test("our templates, fixed, autoscaling, scheduled and a model package: golden tables with the figures worked out by hand", arguments: [
        // 1 × $2.03 × 730
        ("tar-gz.yaml", "$1,481.90"),
        // 1–4 × $7.09 × 730
        ("autoscaling.yaml", "$5,175.70–$20,702.80"),
        // $7.09 × (2 × 730 × 60/168 + 1 × 730 × 108/168) = $7.09 × 990.714… (CapacityTests works it out)
        ("schedule.json", "$7,024.16"),
        // 1 × $1.515 × 730
        ("model-package.yaml", "$1,105.95"),
    ])
    func ours(file: String, monthly: String) throws {
        let r = try run(["cost", "--template", Self.golden(file)], columns: "100")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.contains("in us-east-1 (the template's Metadata)"))
        #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix("Total") && $0.hasSuffix(monthly) }, "\(r.stdout)")
        try assertGolden(r.stdout, goldenDirectory.appendingPathComponent("cost-template-\(file.split(separator: ".")[0]).txt"))
    }

    @Test("the scheduled template read back: the same window, zone and off-hours count export wrote, in JSON")
    func scheduleReadBack() throws {
        let r = try run(["cost", "--template", Self.golden("autoscaling-schedule.yaml"), "--format", "json"])
        let t = try #require(try json(r.stdout) as? [String: Any])
        let row = try #require((t["rows"] as? [[String: Any]])?.first)
        let capacity = try #require(row["capacity"] as? [String: Any])
        #expect(capacity["kind"] as? String == "autoscaling" && capacity["minCount"] as? Int == 2 && capacity["maxCount"] as? Int == 6)
        let s = try #require(capacity["schedule"] as? [String: Any])
        #expect(s["window"] as? String == "daily 07:00-24:00" && s["timeZone"] as? String == "UTC" && s["offHoursCount"] as? Int == 1)
        // The figures export's Description states for the same template.
        let description = try String(contentsOfFile: Self.golden("autoscaling-schedule.yaml"), encoding: .utf8)
        #expect(description.contains("Estimated cost $8,841.82–$23,506.30 a month"))
        #expect(row["monthlyLow"] as? Double == 8841.82 && row["monthlyHigh"] as? Double == 23506.30)
    }

    @Test("the CDK construct's cdk synth output: DependsOn, CDK metadata and numbers where strings belong are read as they are")
    func cdkOutput() throws {
        let r = try run(["cost", "--template", Self.cdk("mistral-base"), "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let t = try #require(try json(r.stdout) as? [String: Any])
        let rows = try #require(t["rows"] as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["endpointName"] as? String == "jumpstart-mistral-7b-instruct")
        #expect(rows[0]["instanceType"] as? String == "ml.g5.12xlarge")
        #expect(rows[0]["monthlyLow"] as? Double == 5175.70)  // $7.09 × 730
        #expect(t["region"] as? String == "us-east-1" && t["regionSource"] as? String == "the default region")
        // --region, and AWS_REGION, choose another region's price.
        let eu = try run(["cost", "--template", Self.cdk("mistral-base"), "--region", "eu-west-1"])
        #expect(eu.stdout.contains("in eu-west-1 (--region)"))
        let env = try jst(["cost", "--template", Self.cdk("mistral-base")], environment: try emptyConfig().merging(["AWS_REGION": "eu-west-1"]) { $1 })
        #expect(env.stdout.contains("in eu-west-1 (AWS_REGION)"))
        // The CDK template doesn't record its stack's region; its model image says us-east-1, and a
        // default elsewhere gets a hint on stderr (never a change of region).
        #expect(r.stderr.isEmpty)
        let elsewhere = try jst(["cost", "--template", Self.cdk("mistral-base")], environment: try emptyConfig().merging(["AWS_DEFAULT_REGION": "eu-west-1"]) { $1 })
        #expect(elsewhere.stdout.contains("in eu-west-1 (AWS_DEFAULT_REGION)"))
        #expect(elsewhere.stderr == "note: mistral-base.template.json is priced in eu-west-1 (AWS_DEFAULT_REGION), but its model image comes from us-east-1's registry; if the stack deploys there, add --region us-east-1.\n")
        #expect(eu.stderr.isEmpty)  // --region is an answer, not a default
        // The stack whose endpoint name is Fn::Join of AWS::StackName: the name is unknown, the cost is not.
        let named = try run(["cost", "--template", Self.cdk("mistral-stack-named")])
        #expect(named.stdout.contains("huggingfacellmmistral7binstructendpointMistral: the endpoint's name is unknown (AWS::StackName, known only when the stack is deployed)"), "\(named.stdout)")
        #expect(named.stdout.split(separator: "\n").contains { $0.hasPrefix("Total") && $0.hasSuffix("$1,105.95") })
        try assertGolden(try run(["cost", "--template", Self.cdk("mistral-stack-named")], columns: "100").stdout, goldenDirectory.appendingPathComponent("cost-template-cdk-stack-named.txt"))
    }

    @Test("YAML with short-form tags, two endpoints, a generated name, a serverless variant and an unused config")
    func twoEndpoints() throws {
        let r = try run(["cost", "--template", Self.hand("two-endpoints.yaml"), "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let t = try #require(try json(r.stdout) as? [String: Any])
        let rows = try #require(t["rows"] as? [[String: Any]])
        #expect(rows.map { $0["variant"] as? String } == ["Small", "Large", "Serverless"])
        // 1 × $1.515 × 730; 1–3 × $7.09 × 730, found through !Join and !GetAtt of a generated name.
        #expect(rows[0]["monthlyLow"] as? Double == 1105.95)
        #expect(rows[1]["monthlyLow"] as? Double == 5175.70 && rows[1]["monthlyHigh"] as? Double == 15527.10)
        #expect(rows[1]["scalableTarget"] as? String == "LargeScaling")
        #expect((rows[1]["capacity"] as? [String: Any])?["targetInvocations"] as? Int == 50)
        #expect(rows[2]["known"] as? Bool == false)
        #expect((rows[2]["reason"] as? String)?.contains("serverless") == true)
        let total = try #require(t["total"] as? [String: Any])
        #expect(total["monthlyLow"] as? Double == 6281.65 && total["monthlyHigh"] as? Double == 16633.05 && total["unknownRows"] as? Int == 1)
        #expect((t["notes"] as? [String])?.first?.contains("SpareConfig is used by no AWS::SageMaker::Endpoint") == true)
        let table = try run(["cost", "--template", Self.hand("two-endpoints.yaml")], columns: "100")
        try assertGolden(table.stdout, goldenDirectory.appendingPathComponent("cost-template-two-endpoints.txt"))
    }

    @Test("a parameterised instance type: its Default, or --parameter; a parameter without a Default is unknown, with the flag that fills it", arguments: [
        ([String](), "unknown", "parameter InstanceCount has no Default; give --parameter InstanceCount=VALUE"),
        (["--parameter", "InstanceCount=2"], "$2,211.90", "ml.g5.2xlarge  2 instances"),  // 2 × $1.515 × 730
        (["--parameter", "InstanceCount=2", "--parameter", "InstanceType=ml.g5.12xlarge"], "$10,351.40", "ml.g5.12xlarge  2 instances"),  // 2 × $7.09 × 730
    ])
    func parameters(flags: [String], total: String, expected: String) throws {
        let r = try run(["cost", "--template", Self.hand("parameterised.yaml")] + flags)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix("Total") && $0.hasSuffix(total) }, "\(r.stdout)")
        #expect(r.stdout.contains(expected), "\(r.stdout)")
        // The role is imported and the name depends on the stack's: neither is guessed.
        #expect(r.stdout.contains("the endpoint's name is unknown (AWS::StackName, known only when the stack is deployed)"))
    }

    @Test("bad input: a message naming the problem, a non-zero exit, nothing on stdout", arguments: [
        (["cost", "--template", "/nonexistent/t.yaml"], "Can't read the template /nonexistent/t.yaml: no such file."),
        (["cost", "--template", "NOT-A-TEMPLATE"], "is not a CloudFormation template: it has no Resources section"),
        (["cost", "--template", "BROKEN-YAML"], "is not valid YAML or JSON at line 3, column 1"),
        (["cost", "--template", "PARAMETERISED", "--parameter", "Nope=1"], "--parameter Nope: PARAMETERISED has no parameter Nope; it declares InstanceType, InstanceCount."),
        (["cost", "--template", "PARAMETERISED", "--parameter", "InstanceType"], "--parameter InstanceType is not NAME=VALUE"),
        (["cost", "--template", "PARAMETERISED", "--instance-type", "ml.g5.2xlarge"], "--instance-type and --template can't go together"),
        (["cost", "--template", "PARAMETERISED", "--count", "2"], "--template takes the capacity from the template"),
        (["cost", "--instance-type", "ml.g5.2xlarge", "--parameter", "A=1"], "--parameter only applies with --template"),
        (["diff", "PARAMETERISED"], "diff needs two templates, the old one and the new one (diff OLD NEW); one given."),
        (["diff", "PARAMETERISED", "BROKEN-YAML"], "is not valid YAML or JSON at line 3, column 1"),
        (["diff", "PARAMETERISED", "PARAMETERISED", "--format", "csv"], "--format csv is not offered by diff; use table, json or markdown."),
    ])
    func badInput(arguments: [String], message: String) throws {
        let dir = try temporaryDirectory()
        let notTemplate = dir.appendingPathComponent("hello.yaml"), broken = dir.appendingPathComponent("broken.yaml")
        try "hello: world\n".write(to: notTemplate, atomically: true, encoding: .utf8)
        try "Resources:\n  A: [1, 2\n".write(to: broken, atomically: true, encoding: .utf8)
        let substitute = ["NOT-A-TEMPLATE": notTemplate.path, "BROKEN-YAML": broken.path, "PARAMETERISED": Self.hand("parameterised.yaml")]
        let r = try run(arguments.map { substitute[$0] ?? $0 })
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        let expected = substitute.reduce(message) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
        #expect(r.stderr.contains(expected), "\(r.stderr)")
    }

    @Test("a template without SageMaker endpoints: an empty table and a note, exit 0")
    func noEndpoints() throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("bucket.yaml")
        try "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try run(["cost", "--template", file.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("ENDPOINT  VARIANT  INSTANCE TYPE  CAPACITY  $/HOUR  $/MONTH"))
        #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix("Total") && $0.hasSuffix("$0.00") })
        #expect(r.stderr == "note: \(file.path) has no AWS::SageMaker::Endpoint, so there is nothing to price.\n")
        let j = try run(["cost", "--template", file.path, "--format", "json"])
        #expect((try json(j.stdout) as? [String: Any])?["rows"] as? [Any] != nil)
    }

    // MARK: - diff

    @Test("diff goldens: a type change on an autoscaled template, a count change, a rename, an environment change", arguments: [
        ("type-change", "autoscaling.yaml", "autoscaling-type-change.yaml"),
        ("count-change", "model-package.yaml", "model-package-count-3.yaml"),
        ("rename", "model-package.yaml", "model-package-renamed.yaml"),
        ("environment-change", "tar-gz.yaml", "tar-gz-environment.yaml"),
    ])
    func diffGoldens(name: String, old: String, new: String) throws {
        // 80 columns: the narrowest terminal the program is made for.
        let r = try run(["diff", Self.golden(old), Self.ours(new)], columns: "80")
        #expect(r.status == 0, "\(r.stderr)")
        try assertGolden(r.stdout, goldenDirectory.appendingPathComponent("diff-\(name).txt"))
        let md = try run(["diff", Self.golden(old), Self.ours(new), "--format", "markdown"])
        try assertGitHubMarkdown(md.stdout)
        try assertGolden(md.stdout, goldenDirectory.appendingPathComponent("diff-\(name).md"))
    }

    @Test("diff says what CloudFormation does: replacement per property, what follows from it, and the answers that changed")
    func diffMeaning() throws {
        // Instance type of an autoscaled variant: the config is replaced, the endpoint switches to it, and the two steps.
        let type = try run(["diff", Self.golden("autoscaling.yaml"), Self.ours("autoscaling-type-change.yaml"), "--format", "json"])
        let t = try #require(try json(type.stdout) as? [String: Any])
        let resources = try #require(t["resources"] as? [[String: Any]])
        let config = try #require(resources.first { $0["logicalId"] as? String == "EndpointConfig" })
        #expect(config["replaced"] as? Bool == true)
        let property = try #require((config["properties"] as? [[String: Any]])?.first)
        #expect(property["path"] as? String == "ProductionVariants[0].InstanceType" && property["old"] as? String == "ml.g5.12xlarge"
                && property["new"] as? String == "ml.g5.24xlarge" && property["update"] as? String == "replacement")
        let endpoint = try #require(resources.first { $0["logicalId"] as? String == "Endpoint" })
        #expect(endpoint["replaced"] as? Bool == false)
        #expect((endpoint["properties"] as? [[String: Any]])?.first?["becauseReplaced"] as? String == "EndpointConfig")
        #expect((t["answers"] as? [[String: String]]) == [["field": "InstanceType", "old": "ml.g5.12xlarge", "new": "ml.g5.24xlarge"]])
        let warning = try #require((t["warnings"] as? [String])?.first)
        #expect(warning.contains("SageMaker can't change such a variant's instance type (ml.g5.12xlarge → ml.g5.24xlarge) in place"))
        #expect(warning.contains("--count N --schedule none"))
        // 1–4 × ($10.18 − $7.09) × 730 = $2,255.70 to $9,022.80
        let cost = try #require(t["cost"] as? [String: Any])
        #expect((cost["change"] as? [String: Double]) == ["monthlyLow": 2255.70, "monthlyHigh": 9022.80])
        // A rename replaces the endpoint: callers of the old name fail.
        let rename = try run(["diff", Self.golden("model-package.yaml"), Self.ours("model-package-renamed.yaml")])
        #expect(rename.stdout.contains("Endpoint is replaced, because its EndpointName changes (jumpstart-meta-textgeneration-llama-2-7b-f → jumpstart-llama-chat)"))
        // Renaming an autoscaled endpoint replaces it, and with it the scalable target (its ResourceId
        // names the endpoint) and the policy on that target; the new endpoint starts on the new config.
        let scaled = try run(["diff", Self.golden("autoscaling-schedule.yaml"), Self.ours("autoscaling-schedule-renamed.yaml"), "--format", "json"])
        let s = try #require(try json(scaled.stdout) as? [String: Any])
        let replaced = (s["resources"] as? [[String: Any]])?.filter { $0["replaced"] as? Bool == true }.map { $0["logicalId"] as? String }
        #expect(replaced == ["EndpointConfig", "Endpoint", "ScalableTarget", "ScalingPolicy"])
        #expect((s["effects"] as? [String])?.first?.hasSuffix("the replacement endpoint Endpoint (jumpstart-renamed) starts with it.") == true, "\(s["effects"] ?? "")")
        // 2–6 → 1–6 in working hours (517.08 h of daily 07:00-24:00), 1 off hours: the low end falls by
        // 1 × $7.09 × 517.08… h = $3,666.12; the high end stays.
        #expect(((s["cost"] as? [String: Any])?["change"] as? [String: Double]) == ["monthlyLow": -3666.12, "monthlyHigh": 0])
        // An environment change replaces the model, hence the config that names it.
        let env = try run(["diff", Self.golden("tar-gz.yaml"), Self.ours("tar-gz-environment.yaml"), "--format", "json"])
        let envResources = try #require((try json(env.stdout) as? [String: Any])?["resources"] as? [[String: Any]])
        #expect(envResources.map { $0["logicalId"] as? String } == ["Model", "EndpointConfig", "Endpoint"])
        #expect(envResources.map { $0["replaced"] as? Bool } == [true, true, false])
    }

    @Test("diff of the CDK construct's output: an instance type, count and environment change, priced before and after")
    func diffCDK() throws {
        let r = try run(["diff", Self.cdk("mistral-base"), Self.cdk("mistral-bigger"), "--format", "markdown"])
        #expect(r.status == 0, "\(r.stderr)")
        try assertGitHubMarkdown(r.stdout)
        // 1 × $7.09 × 730 = $5,175.70 → 2 × $10.18 × 730 = $14,862.80: +$9,687.10
        #expect(r.stdout.contains("\\$5,175.70 → \\$14,862.80 (**+\\$9,687.10**)"), "\(r.stdout)")
        #expect(r.stdout.contains("PrimaryContainer.Environment.SAGEMAKER_CONTAINER_LOG_LEVEL: 20 → 10 (replacement)"))
        try assertGolden(r.stdout, goldenDirectory.appendingPathComponent("diff-cdk.md"))
        // CDK's own metadata (aws:cdk:path, CDKMetadata) is not a SageMaker change.
        let same = try run(["diff", Self.cdk("mistral-base"), Self.cdk("mistral-stack-named"), "--format", "json"])
        let ids = ((try json(same.stdout) as? [String: Any])?["resources"] as? [[String: Any]])?.map { $0["logicalId"] as? String }
        #expect(ids == ["EndpointConfigMistral", "huggingfacellmmistral7binstructendpointMistral"])
    }

    @Test("numbers where strings belong and strings where numbers do are the same values: no change, no cost change")
    func numbersAndStrings() throws {
        // The construct writes some environment values as numbers (DESIGN.md §2); CloudFormation
        // passes them on as strings, and takes "1" for a count.
        let text = try String(contentsOfFile: Self.cdk("mistral-base"), encoding: .utf8)
            .replacingOccurrences(of: "\"SAGEMAKER_ENV\": \"1\"", with: "\"SAGEMAKER_ENV\": 1")
            .replacingOccurrences(of: "\"InitialInstanceCount\": 1", with: "\"InitialInstanceCount\": \"1\"")
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("numbers.template.json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(text.contains("\"SAGEMAKER_ENV\": 1") && text.contains("\"InitialInstanceCount\": \"1\""))
        let r = try run(["diff", Self.cdk("mistral-base"), file.path, "--exit-code", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect((try json(r.stdout) as? [String: Any])?["resources"] as? [Any] != nil)
        #expect(((try json(r.stdout) as? [String: Any])?["resources"] as? [Any])?.isEmpty == true)
    }

    @Test("--exit-code: 0 when the monthly cost is unchanged, 1 when it changed, 2 on an error; without it 0", arguments: [
        (["--exit-code"], "model-package.yaml", "model-package-renamed.yaml", Int32(0)),
        (["--exit-code"], "model-package.yaml", "model-package-count-3.yaml", Int32(1)),
        (["--exit-code"], "model-package.yaml", "/nonexistent.yaml", Int32(2)),
        ([], "model-package.yaml", "model-package-count-3.yaml", Int32(0)),
        ([], "model-package.yaml", "/nonexistent.yaml", Int32(1)),
        // The argument parser's own refusals are errors too: 2 with --exit-code, as diff(1).
        (["--exit-code", "--no-such-flag"], "model-package.yaml", "model-package-count-3.yaml", Int32(2)),
        (["--exit-code", "third.yaml"], "model-package.yaml", "model-package-count-3.yaml", Int32(2)),
        (["--no-such-flag"], "model-package.yaml", "model-package-count-3.yaml", Int32(64)),
    ])
    func exitCode(flags: [String], old: String, new: String, status: Int32) throws {
        let newPath = new.hasPrefix("/") ? new : Self.ours(new)
        let r = try run(["diff", Self.golden(old), newPath] + flags)
        #expect(r.status == status, "\(r.stderr)")
    }

    @Test("cost --template as markdown renders as a GitHub table, dollar signs escaped")
    func costMarkdown() throws {
        let r = try run(["cost", "--template", Self.hand("two-endpoints.yaml"), "--format", "markdown"])
        try assertGitHubMarkdown(r.stdout)
        #expect(r.stdout.contains("| chat-small | Small | ml.g5.2xlarge | 1 instance | \\$1.515 | \\$1,105.95 |"))
    }
}

/// What GitHub needs to draw the tables and the figures as written: every row of a table has as
/// many cells as its header, the delimiter row follows the header, and no `$` is left unescaped
/// (two would make a formula of the text between them).
func assertGitHubMarkdown(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    func cells(_ line: Substring) -> Int {
        var count = 0, escaped = false
        for c in line {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true } else if c == "|" { count += 1 }
        }
        return count - 1
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var i = 0
    while i < lines.count {
        guard lines[i].hasPrefix("|") else { i += 1; continue }
        let header = cells(lines[i])
        #expect(i + 1 < lines.count && lines[i + 1].hasPrefix("|---") && cells(lines[i + 1]) == header, "no delimiter row under \(lines[i])", sourceLocation: sourceLocation)
        // GitHub needs a blank line (or the start) before a table.
        #expect(i == 0 || lines[i - 1].isEmpty, "no blank line before \(lines[i])", sourceLocation: sourceLocation)
        while i < lines.count, lines[i].hasPrefix("|") {
            #expect(cells(lines[i]) == header && lines[i].hasSuffix("|"), "row with another cell count: \(lines[i])", sourceLocation: sourceLocation)
            i += 1
        }
    }
    for (n, line) in lines.enumerated() {
        var escaped = false
        for c in line {
            if !escaped, c == "$" { Issue.record("unescaped $ on line \(n + 1): \(line)", sourceLocation: sourceLocation); break }
            escaped = !escaped && c == "\\"
        }
    }
}
