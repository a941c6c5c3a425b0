import Foundation
import Testing

@Suite("models and show, run as a user runs them")
struct ModelsShowTests {
    @Test("models lists the newest version of each model with its marks, in 80 columns")
    func modelsTable() throws {
        let r = try jst(["models", "llama-2-7b"], environment: ["COLUMNS": "80"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines[0].hasPrefix("MODEL") && lines[0].contains("VERSION") && lines[0].contains("EULA") && lines[0].contains("PKG"))
        let row = try #require(lines.first { $0.hasPrefix("meta-textgeneration-llama-2-7b-f ") })
        #expect(row.split(separator: " ", omittingEmptySubsequences: true).map(String.init) == ["meta-textgeneration-llama-2-7b-f", "4.27.0", "ml.g5.12xlarge", "yes", "-", "no"])
        #expect(r.stdout.contains("  meta-textgeneration-llama-2-7b-f@4.27.0 → 4."))
    }

    @Test("every table row of the full list fits 80 columns")
    func modelsFits80() throws {
        let r = try jst(["models", "--all-versions"], environment: ["COLUMNS": "80"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(r.stdout.contains("8236 versions."))
    }

    @Test("models --format json gives every field a script needs")
    func modelsJSON() throws {
        let r = try jst(["models", "mistral-7b-instruct", "--format", "json", "--region", "eu-west-1"])
        #expect(r.status == 0)
        let o = try #require(try json(r.stdout) as? [String: Any])
        #expect(o["region"] as? String == "eu-west-1")
        let models = try #require(o["models"] as? [[String: Any]])
        let m = try #require(models.first { $0["model"] as? String == "huggingface-llm-mistral-7b-instruct" })
        #expect(m["version"] as? String == "3.12.0")
        #expect(m["deploysWithDefaultInstanceType"] as? Bool == false)
        #expect(m["newestDeployableVersion"] as? String == "3.5.0")
        #expect(m["requiresEula"] as? Bool == false && m["modelPackage"] as? Bool == false)
    }

    @Test("the region comes from AWS_REGION, then AWS_DEFAULT_REGION")
    func regionFromEnvironment() throws {
        let a = try jst(["models", "phi-2", "--format", "json"], environment: ["AWS_REGION": "eu-west-2", "AWS_DEFAULT_REGION": "us-west-2"])
        #expect((try json(a.stdout) as? [String: Any])?["region"] as? String == "eu-west-2")
        let b = try jst(["models", "phi-2", "--format", "json"], environment: ["AWS_DEFAULT_REGION": "us-west-2"])
        #expect((try json(b.stdout) as? [String: Any])?["region"] as? String == "us-west-2")
    }

    @Test("show names the versions, the instance types and why each does or doesn't deploy")
    func show() throws {
        let r = try jst(["show", "meta-textgeneration-llama-2-7b-f@2.0.2"], environment: ["COLUMNS": "100"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("meta-textgeneration-llama-2-7b-f@2.0.2  (newest: 4.27.0)"))
        #expect(r.stdout.contains("a SageMaker model package"))
        #expect(r.stdout.contains("https://jumpstart-cache-prod-us-east-1.s3.us-east-1.amazonaws.com/fmhMetadata/eula/llamaEula.txt"))
        #expect(r.stdout.contains("ap-southeast-1, ap-southeast-2, eu-west-1, us-east-1, us-east-2, us-west-2"))
        #expect(r.stdout.contains("  ml.g5.2xlarge    *        yes"))
    }

    @Test("show says when the newest version can't deploy, and names the newest that can")
    func showStuck() throws {
        let r = try jst(["show", "huggingface-llm-mistral-7b-instruct"], environment: ["COLUMNS": "200"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("does not deploy in us-east-1 on its default instance type"))
        #expect(r.stdout.contains("The newest version that does: 3.5.0"))
        #expect(r.stdout.contains("ml.g5.12xlarge    *        no: no image for g5"))
        #expect(r.stdout.contains("SAGEMAKER_PROGRAM=inference.py"))
        #expect(!r.stdout.contains("SAGEMAKER_SUBMIT_DIRECTORY="))
    }

    @Test("show --format json carries the same facts")
    func showJSON() throws {
        let r = try jst(["show", "huggingface-llm-mistral-7b-instruct@3.5.0", "--format", "json"])
        let o = try #require(try json(r.stdout) as? [String: Any])
        #expect(o["version"] as? String == "3.5.0" && o["newest"] as? Bool == false)
        let types = try #require(o["instanceTypes"] as? [[String: Any]])
        #expect(types.contains { $0["default"] as? Bool == true && $0["deployable"] as? Bool == true })
        #expect((o["regions"] as? [String])?.contains("us-east-1") == true)
        #expect((o["environment"] as? [String: String])?["SAGEMAKER_PROGRAM"] == "inference.py")
    }

    @Test("errors name what is wrong and what would be right, with a non-zero exit", arguments: [
        (["show", "huggingface-llm-mistral-7b-instrct"], "Did you mean: huggingface-llm-mistral-7b-instruct"),
        (["show", "huggingface-llm-mistral-7b-instruct@9.9.9"], "Versions, newest first: 3.12.0"),
        (["show", "phi-2", "--region", "eu-wst-1"], "Did you mean: eu-west-1"),
        (["models", "--region", "mars-1"], "mars-1 (from --region) is not a JumpStart region"),
        (["models", "--format", "csv"], "use table or json"),
        (["models", "zzzz-none"], "No model id contains \"zzzz-none\""),
    ])
    func errors(_ arguments: [String], _ expected: String) throws {
        let r = try jst(arguments)
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(expected), "stderr: \(r.stderr)")
    }

    @Test("a bad AWS_REGION is named as the source of the region")
    func badEnvironmentRegion() throws {
        let r = try jst(["models"], environment: ["AWS_REGION": "us-eats-1"])
        #expect(r.status != 0 && r.stderr.contains("us-eats-1 (from AWS_REGION)"))
    }

    @Test("without a terminal the wizard points to export")
    func wizardWithoutTerminal() throws {
        let r = try jst([])
        #expect(r.status != 0)
        #expect(r.stderr.contains("export"))
    }
}
