import Foundation
import Testing

/// Autoscaling and off-hours scale-down, as a user meets them on the command line.
@Suite("capacity: autoscaling and schedules")
struct CapacityTests {
    static let model = "huggingface-llm-mistral-7b-instruct@3.5.0"  // default ml.g5.12xlarge, bundled $7.09/h in us-east-1

    /// Golden templates, linted by tools/checks/cfn-lint.sh like the others.
    @Test("autoscaling and schedule templates, YAML and JSON, byte for byte; --from re-creates them", arguments: [
        ("autoscaling", ["--min-count", "1", "--max-count", "4", "--target-invocations", "100"]),
        ("schedule", ["--count", "2", "--schedule", "Mon-Fri 08:00-20:00", "--timezone", "Europe/Berlin"]),
        ("autoscaling-schedule", ["--min-count", "2", "--max-count", "6", "--schedule", "daily 07:00-24:00", "--off-hours-count", "1",
                                  "--role-policy", "least-privilege"]),
    ])
    func golden(name: String, flags: [String]) throws {
        let env = try emptyConfig()
        for format in ["yaml", "json"] {
            let r = try jst(["export", Self.model] + flags + ["--format", format], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            try assertGolden(r.stdout, goldenURL(name, format))
            let back = try jst(["export", "--from", goldenURL(name, format).path], environment: env)
            #expect(back.stdout == r.stdout)
        }
    }

    @Test("the template's scaling resources: ResourceId from the endpoint's name, InitialInstanceCount the minimum, schedules in the time zone")
    func resources() throws {
        let r = try jst(["export", Self.model, "--min-count", "2", "--max-count", "5", "--schedule", "Mon-Fri 08:00-20:00",
                         "--timezone", "Europe/Berlin", "--format", "json"], environment: try emptyConfig())
        let t = try #require(try json(r.stdout) as? [String: Any])
        let resources = try #require(t["Resources"] as? [String: [String: Any]])
        let variant = try #require(((resources["EndpointConfig"]?["Properties"] as? [String: Any])?["ProductionVariants"] as? [[String: Any]])?.first)
        #expect(variant["InitialInstanceCount"] as? Int == 2)
        let target = try #require(resources["ScalableTarget"]?["Properties"] as? [String: Any])
        #expect(target["ResourceId"] as? [String: String] == ["Fn::Sub": "endpoint/${Endpoint.EndpointName}/variant/AllTraffic"])
        #expect(target["ScalableDimension"] as? String == "sagemaker:variant:DesiredInstanceCount")
        #expect(target["MinCapacity"] as? Int == 2 && target["MaxCapacity"] as? Int == 5)
        #expect(target["RoleARN"] == nil)  // the service-linked role
        let actions = try #require(target["ScheduledActions"] as? [[String: Any]])
        #expect(actions.map { $0["Schedule"] as? String } == ["cron(0 8 ? * MON-FRI *)", "cron(0 20 ? * MON-FRI *)"])
        #expect(actions.allSatisfy { $0["Timezone"] as? String == "Europe/Berlin" })
        #expect(actions.map { $0["ScalableTargetAction"] as? [String: Int] } == [["MinCapacity": 2, "MaxCapacity": 5], ["MinCapacity": 1, "MaxCapacity": 1]])
        let policy = try #require(resources["ScalingPolicy"]?["Properties"] as? [String: Any])
        let tracking = try #require(policy["TargetTrackingScalingPolicyConfiguration"] as? [String: Any])
        #expect(tracking["TargetValue"] as? Int == 70)
        #expect((tracking["PredefinedMetricSpecification"] as? [String: String])?["PredefinedMetricType"] == "SageMakerVariantInvocationsPerInstance")
        #expect(policy["ScalingTargetId"] as? [String: String] == ["Ref": "ScalableTarget"])
        // A fixed count without a schedule has no scaling resources at all.
        let plain = try jst(["export", Self.model, "--format", "json"], environment: try emptyConfig())
        #expect(!plain.stdout.contains("ScalableTarget"))
    }

    @Test("cost: the month's hours split in proportion to the week, and a range for autoscaling")
    func cost() throws {
        let env = try emptyConfig()
        // Mon-Fri 08:00-20:00 is 60 of 168 hours: 730 × 60/168 = 260.714… h at 2 instances, 469.285… h at 1:
        // $7.09 × (2 × 260.714286 + 469.285714) = $7.09 × 990.714286 = $7,024.16.
        let r = try jst(["cost", "--instance-type", "ml.g5.12xlarge", "--count", "2", "--schedule", "Mon-Fri 08:00-20:00", "--format", "json"], environment: env)
        let c = try #require((try json(r.stdout) as? [String: Any])?["capacity"] as? [String: Any])
        #expect(c["monthlyLow"] as? Double == 7024.16 && c["monthlyHigh"] as? Double == 7024.16)
        let s = try #require(c["schedule"] as? [String: Any])
        #expect(s["hoursInside"] as? Double == 260.71 && s["hoursOutside"] as? Double == 469.29)
        // Autoscaling 1–4 at all 730 hours: $5,175.70 to $20,702.80.
        let a = try jst(["cost", "--instance-type", "ml.g5.12xlarge", "--min-count", "1", "--max-count", "4"], environment: env)
        #expect(a.stdout.contains("Monthly    $5,175.70–$20,702.80 (always at the minimum – always at the maximum)"), "\(a.stdout)")
        #expect(a.stdout.contains("ml.g5.12xlarge in us-east-1, 1–4 instances (autoscaling), 730 hours a month, on demand"))
        // compare shows the range, sorted and judged by its low end, with the assumption said.
        let cmp = try jst(["compare", Self.model, "--min-count", "1", "--max-count", "3"], environment: env.merging(["COLUMNS": "100"]) { $1 })
        #expect(cmp.stdout.contains("$/MONTH (RANGE)"))
        #expect(cmp.stdout.contains("$892.06–$2,676.18"))
        #expect(cmp.stdout.contains("Each month: from always 1 to always 3 instances"))
        // The template's Description says the same figures.
        let t = try jst(["export", Self.model, "--count", "2", "--schedule", "Mon-Fri 08:00-20:00"], environment: env)
        #expect(t.stdout.contains("Estimated cost $7,024.16 a month"))
    }

    @Test("every refusal names its flag and what would be valid; nothing is written", arguments: [
        (["--schedule", "Mon-Sun 25:00-26:00"], "--schedule \"Mon-Sun 25:00-26:00\" is not allowed: it has a window that is not two times from 00:00 to 24:00"),
        (["--schedule", "Mon-Fri 20:00-08:00"], "it has a window that ends before it starts"),
        (["--schedule", "Mon-Xyz 08:00-20:00"], "has days that are not a range of two different days"),
        (["--count", "2", "--schedule", "Mon-Fri 08:00-20:00", "--timezone", "Europe/Berln"], "--timezone Europe/Berln is not allowed: it is not an IANA time zone name (did you mean Europe/Berlin"),
        (["--count", "2", "--schedule", "Mon-Fri 08:00-20:00", "--timezone", "EST"], "--timezone EST is not allowed: it is not an IANA time zone name"),
        (["--count", "2", "--schedule", "daily 00:00-24:00"], "it covers whole days, so it would never scale down"),
        (["--count", "2", "--schedule", "Mon-Fri 08:00-08:00"], "it has a window that ends where it starts"),
        (["--schedule", "Mon-Fri 08:00-20:00"], "--off-hours-count 1 is not allowed: it is the same as the 1 of working hours, so the schedule would change nothing"),
        (["--schedule", "Mon-Fri 08:00-20:00", "--off-hours-count", "0"], "--off-hours-count 0 is not allowed: the instances outside working hours must be a whole number from 1 to 1000"),
        (["--min-count", "1", "--max-count", "2", "--target-invocations", "abc"], "--target-invocations abc is not allowed"),
        (["--min-count", "1", "--max-count", "2", "--target-invocations", "0"], "--target-invocations 0 is not allowed"),
        (["--max-count", "3"], "--max-count: autoscaling needs both --min-count and --max-count"),
        (["--min-count", "3"], "--min-count: autoscaling needs both --min-count and --max-count"),
        (["--count", "2", "--min-count", "1", "--max-count", "3"], "--count: a fixed count goes without --min-count"),
        (["--timezone", "UTC"], "--timezone: goes with --schedule"),
        (["--off-hours-count", "2"], "--off-hours-count: goes with --schedule"),
        (["--min-count", "3", "--max-count", "2"], "--max-count 2 is not allowed: it is below the minimum, 3"),
        (["--min-count", "0", "--max-count", "2"], "--min-count 0 is not allowed: the fewest instances must be a whole number from 1 to 1000"),
        (["--min-count", "1", "--max-count", "1001"], "--max-count 1001 is not allowed"),
        (["--count", "1", "--schedule", "daily 08:00-20:00", "--off-hours-count", "2"], "--off-hours-count 2 is not allowed: it is more than the 1 of working hours"),
    ])
    func refusals(flags: [String], message: String) throws {
        let env = try emptyConfig()
        let out = URL(fileURLWithPath: env["HOME"]!).appendingPathComponent("t.yaml").path
        let r = try jst(["export", Self.model] + flags + ["-o", out], environment: env)
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("changing an autoscaled template's instance type says how to deploy it: SageMaker can't do it in place")
    func autoscaledTypeChange() throws {
        let env = try emptyConfig()
        let home = URL(fileURLWithPath: env["HOME"]!)
        let file = home.appendingPathComponent("a.yaml").path
        #expect(try jst(["export", Self.model, "--min-count", "1", "--max-count", "3", "-o", file], environment: env).status == 0)
        let r = try jst(["export", "--from", file, "--instance-type", "ml.g5.24xlarge", "-o", home.appendingPathComponent("b.yaml").path], environment: env)
        #expect(r.status == 0)
        #expect(r.stderr.contains("SageMaker can't change such a variant's instance type (ml.g5.12xlarge → ml.g5.24xlarge) in place"), "\(r.stderr)")
        #expect(r.stderr.contains("--count N --schedule none"))
        #expect(r.stderr.contains("Wrote \(home.path)/b.yaml: huggingface-llm-mistral-7b-instruct@3.5.0 on ml.g5.24xlarge, 1–3 instances (autoscaling) in us-east-1"))
        // The quota step says how many instances the range may need.
        #expect(r.stderr.contains("\"ml.g5.24xlarge for endpoint usage\" in us-east-1 is 0 by default for many GPU types; this endpoint needs 3 at most (Value ≥ 3)."))
        // A fixed count changes type in place: no such warning.
        #expect(try jst(["export", Self.model, "--count", "2", "-o", file, "--force"], environment: env).status == 0)
        let fixed = try jst(["export", "--from", file, "--instance-type", "ml.g5.24xlarge"], environment: env)
        #expect(!fixed.stderr.contains("Application Auto Scaling"))
        // A schedule registers the variant with Application Auto Scaling too.
        #expect(try jst(["export", Self.model, "--count", "2", "--schedule", "Mon-Fri 08:00-20:00", "-o", file, "--force"], environment: env).status == 0)
        let scheduled = try jst(["export", "--from", file, "--instance-type", "ml.g5.24xlarge"], environment: env)
        #expect(scheduled.stderr.contains("managed by Application Auto Scaling"))
        // --schedule none takes it away; one bound over an autoscaling template keeps the other.
        let none = try jst(["export", "--from", file, "--schedule", "none", "--format", "json"], environment: env)
        #expect(none.status == 0 && !none.stdout.contains("ScalableTarget"))
        #expect(try jst(["export", Self.model, "--min-count", "1", "--max-count", "3", "-o", file, "--force"], environment: env).status == 0)
        let wider = try jst(["export", "--from", file, "--max-count", "6", "--format", "json"], environment: env)
        #expect(wider.status == 0 && wider.stdout.contains("\"MinCapacity\": 1") && wider.stdout.contains("\"MaxCapacity\": 6"), "\(wider.stderr)")
    }

    @Test("in AWS GovCloud the scalable target names the service-linked role (CloudFormation requires it there) and says it must exist")
    func govCloud() throws {
        let env = try emptyConfig()
        // A model with images in us-gov-west-1.
        let r = try jst(["export", "huggingface-sentencesimilarity-bge-small-en@2.1.16", "--region", "us-gov-west-1", "--instance-type", "ml.g4dn.2xlarge",
                         "--min-count", "1", "--max-count", "2", "--format", "json"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let t = try #require(try json(r.stdout) as? [String: Any])
        let target = try #require(((t["Resources"] as? [String: [String: Any]])?["ScalableTarget"]?["Properties"]) as? [String: Any])
        #expect((target["RoleARN"] as? [String: String])?["Fn::Sub"] == "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint")
        #expect(r.stderr.contains("aws iam create-service-linked-role --aws-service-name sagemaker.application-autoscaling.amazonaws.com --region us-gov-west-1"))
        // Elsewhere Application Auto Scaling uses (and creates) the role itself: none named.
        let east = try jst(["export", Self.model, "--min-count", "1", "--max-count", "2", "--format", "json"], environment: env)
        #expect(!east.stdout.contains("RoleARN") && !east.stderr.contains("service-linked"))
    }

    @Test("--schedule with --hours-per-month is refused by cost and compare")
    func scheduleAndHours() throws {
        let r = try jst(["cost", "--instance-type", "ml.g5.12xlarge", "--schedule", "Mon-Fri 08:00-20:00", "--hours-per-month", "300"], environment: try emptyConfig())
        #expect(r.status != 0)
        #expect(r.stderr.contains("--hours-per-month: a schedule sets the hours itself"))
    }

    @Test("version-1 templates (InstanceCount) still open and come back as version 2, the same resources")
    func versionOne() throws {
        let env = try emptyConfig()
        for name in ["every-option.yaml", "every-option.json", "tar-gz.yaml", "model-package.yaml"] {
            let v1 = projectRoot.appendingPathComponent("Tests/JumpStartCommandsTests/Fixtures/format-v1/\(name)")
            #expect(try String(contentsOf: v1, encoding: .utf8).contains("FormatVersion"))
            let r = try jst(["export", "--from", v1.path], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == (try String(contentsOf: goldenDirectory.appendingPathComponent(name), encoding: .utf8)))
        }
    }
}
