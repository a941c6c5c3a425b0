import Foundation
import Testing

/// A JumpStart content bucket on the local server: the real fixture specs at their manifest's
/// spec keys, plus specs written here in the same shape.
struct SpecBucket {
    static let fixtures = projectRoot.appendingPathComponent("Tests/Fixtures/jumpstart-specs")

    /// Manifest entries, in order.
    var manifest: [[String: Any]] = []
    /// spec key → the spec's JSON object (nil: listed in the manifest, not served: a 404).
    var specs: [String: [String: Any]?] = [:]

    /// The three real specs, as the SDK's test data has them.
    static func real() throws -> SpecBucket {
        var b = SpecBucket()
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent("manifest.json"))) as? [[String: Any]])
        for entry in manifest {
            let id = entry["model_id"] as! String
            b.manifest.append(entry)
            b.specs[entry["spec_key"] as! String] = try fixture(id)
        }
        return b
    }

    static func fixture(_ name: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent(name + ".json"))) as? [String: Any])
    }

    /// Adds a version: `spec` with its model id and version set, at a spec key of its own.
    mutating func add(_ id: String, _ version: String, spec: [String: Any]?, deprecated: Bool = false) {
        let key = "community_models/\(id)/specs_v\(version).json"
        manifest.append(["model_id": id, "version": version, "min_version": "2.200.0", "spec_key": key, "deprecated": deprecated])
        var s = spec
        s?["model_id"] = id
        s?["version"] = version
        specs[key] = s
    }

    func publish(on server: FakeAWS) throws {
        try server.put("/models_manifest.json", String(decoding: try JSONSerialization.data(withJSONObject: manifest), as: UTF8.self))
        for (key, spec) in specs {
            guard let spec else { continue }
            try server.put("/" + key, String(decoding: try JSONSerialization.data(withJSONObject: spec), as: UTF8.self))
        }
    }
}

/// Llama 3.1 70B's spec with its second config made deployable (no draft model): two configs to choose from.
func twoConfigSpec() throws -> [String: Any] {
    var spec = try SpecBucket.fixture("meta-textgeneration-llama-3-1-70b")
    var components = spec["inference_config_components"] as! [String: Any]
    var optimized = components["lmi-optimized"] as! [String: Any]
    optimized["hosting_additional_data_sources"] = nil
    components["lmi-optimized"] = optimized
    spec["inference_config_components"] = components
    return spec
}

@Suite("catalog update from a local JumpStart bucket")
struct CatalogUpdateTests {
    func update(_ server: FakeAWS, _ env: [String: String], _ extra: [String] = []) throws -> CLIResult {
        try jst(["catalog", "update", "--endpoint-url", server.endpoint, "--retries", "0", "--timeout", "2"] + extra, environment: env)
    }

    func snapshot(_ env: [String: String]) -> String? {
        let link = URL(fileURLWithPath: env["XDG_DATA_HOME"]!).appendingPathComponent("jumpstart-tui/catalog/current").path
        return try? FileManager.default.destinationOfSymbolicLink(atPath: link)
    }

    @Test("first update adds what deploys, leaves out by reason, names failures; the next fetches only what failed, then only the manifest")
    func firstAndNext() throws {
        let server = try FakeAWS()
        let env = try isolatedHome()
        var bucket = try SpecBucket.real()
        var scriptOnly = try SpecBucket.fixture("pytorch-ic-mobilenet-v2")
        scriptOnly["hosting_prepacked_artifact_key"] = nil
        scriptOnly["hosting_use_script_uri"] = true
        bucket.add("test-script-only", "1.0.0", spec: scriptOnly)
        bucket.add("test-deprecated", "1.0.0", spec: try SpecBucket.fixture("pytorch-ic-mobilenet-v2"), deprecated: true)
        bucket.add("test-missing", "1.0.0", spec: nil)
        bucket.add("test-two-configs", "1.0.0", spec: try twoConfigSpec())
        // A new version of a bundled model: only versions newer than the bundled 2.6.0 are fetched.
        bucket.add("meta-textgeneration-llama-3-1-70b", "2.6.0", spec: try SpecBucket.fixture("meta-textgeneration-llama-3-1-70b"))
        // An older version than the newest fetched that fails: it is still tried again next time.
        bucket.add("meta-textgeneration-llama-3-1-70b", "2.10.0", spec: nil)
        try bucket.publish(on: server)
        try server.put("/community_models/test-malformed/specs_v1.0.0.json", "{\"model_id\": \"test-malformed\", ")
        bucket.manifest.append(["model_id": "test-malformed", "version": "1.0.0", "spec_key": "community_models/test-malformed/specs_v1.0.0.json"])
        try bucket.publish(on: server)

        var r = try update(server, env)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        // Lines wrapped at 100 columns join again.
        r.stdout = r.stdout.replacingOccurrences(of: "\n    ", with: " ").replacingOccurrences(of: "\n  ", with: " ")
        #expect(r.stdout.contains("Added 4 versions: meta-textgeneration-llama-3-1-70b@2.16.2, openai-reasoning-gpt-oss-20b@3.38.0, pytorch-ic-mobilenet-v2@3.0.25, test-two-configs@1.0.0."), "\(r.stdout)")
        #expect(r.stdout.contains("1 deprecated: test-deprecated@1.0.0"))
        #expect(r.stdout.contains("1 needs an inference script (hosting_use_script_uri, no prepacked artifact): test-script-only@1.0.0"))
        #expect(r.stdout.contains("test-missing@1.0.0: the server answered HTTP 404"))
        #expect(r.stdout.contains("test-malformed@1.0.0: the spec is not usable: not JSON"))
        #expect(r.stdout.contains("meta-textgeneration-llama-3-1-70b@2.10.0: the server answered HTTP 404"))
        #expect(r.stderr.contains("error: 3 versions could not be fetched or read (meta-textgeneration-llama-3-1-70b@2.10.0, test-malformed@1.0.0, test-missing@1.0.0)"), "\(r.stderr)")
        // The bundled 2.6.0 was not fetched; the deprecated one neither.
        #expect(!server.requests.contains("/community_models/meta-textgeneration-llama-3-1-70b/specs_v2.6.0.json"))
        #expect(!server.requests.contains("/community_models/test-deprecated/specs_v1.0.0.json"))

        // The rest landed: every command sees the new versions.
        let show = try jst(["show", "meta-textgeneration-llama-3-1-70b"], environment: env)
        #expect(show.stdout.hasPrefix("meta-textgeneration-llama-3-1-70b@2.16.2  (newest version)"), "\(show.stdout)\(show.stderr)")
        #expect(show.stdout.contains("Config         lmi (JumpStart's default, ranked 1 of 2)"))
        #expect(show.stdout.contains("lmi-optimized is left out"))
        let status = try jst(["catalog", "status", "--format", "json"], environment: env)
        let s = try #require(try json(status.stdout) as? [String: Any])
        #expect(s["inUse"] as? String == "updated")
        #expect(s["fetchedVersions"] as? Int == 4)
        #expect(s["bundledVersions"] as? Int == 8236)
        #expect(s["leftOut"] as? [String: Int] == ["deprecated": 1, "needs-inference-script": 1])
        #expect(s["frameworks"] as? [String: Int] == ["djl-lmi": 3, "pytorch": 1])
        #expect(s["lastFailed"] as? [String] == ["meta-textgeneration-llama-3-1-70b@2.10.0", "test-malformed@1.0.0", "test-missing@1.0.0"])

        // Next: only the three that failed are tried again (2.10.0 too, though 2.16.2 is held).
        try server.clearLog()
        let again = try update(server, env)
        #expect(again.status == 1)
        #expect(server.requests.sorted() == ["/community_models/meta-textgeneration-llama-3-1-70b/specs_v2.10.0.json",
                                             "/community_models/test-malformed/specs_v1.0.0.json", "/community_models/test-missing/specs_v1.0.0.json",
                                             "/models_manifest.json"])
        // Fixed on the server: they land, and the status is 0.
        bucket.specs["community_models/test-missing/specs_v1.0.0.json"] = try SpecBucket.fixture("pytorch-ic-mobilenet-v2").merging(["model_id": "test-missing", "version": "1.0.0"]) { $1 }
        bucket.specs["community_models/meta-textgeneration-llama-3-1-70b/specs_v2.10.0.json"] = try SpecBucket.fixture("meta-textgeneration-llama-3-1-70b").merging(["version": "2.10.0"]) { $1 }
        try bucket.publish(on: server)
        try server.put("/community_models/test-malformed/specs_v1.0.0.json", String(decoding: try JSONSerialization.data(withJSONObject:
            try SpecBucket.fixture("pytorch-ic-mobilenet-v2").merging(["model_id": "test-malformed", "version": "1.0.0"]) { $1 }), as: UTF8.self))
        let fixed = try update(server, env)
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(fixed.stdout.replacingOccurrences(of: "\n  ", with: " ").contains("Added 3 versions: meta-textgeneration-llama-3-1-70b@2.10.0, test-malformed@1.0.0, test-missing@1.0.0."))
        // Nothing new: the manifest only, and the catalog in use is the same folder.
        let before = snapshot(env)
        try server.clearLog()
        let quiet = try update(server, env)
        #expect(quiet.status == 0)
        #expect(server.requests == ["/models_manifest.json"])
        #expect(quiet.stdout.contains("Nothing new"))
        #expect(snapshot(env) == before)

        // JUMPSTART_TUI_BUNDLED_DATA=1: the bundled catalog, whatever was fetched.
        var bundled = env
        bundled["JUMPSTART_TUI_BUNDLED_DATA"] = "1"
        let old = try jst(["show", "meta-textgeneration-llama-3-1-70b"], environment: bundled)
        #expect(old.stdout.hasPrefix("meta-textgeneration-llama-3-1-70b@2.6.0"))
        let none = try jst(["show", "test-two-configs"], environment: bundled)
        #expect(none.status == 1 && none.stderr.contains("No model named test-two-configs"))
    }

    @Test("configs: export --config chooses one, the Metadata keeps it and --from reproduces it; compare prices tokens")
    func configs() throws {
        let server = try FakeAWS()
        let env = try isolatedHome()
        var bucket = SpecBucket()
        bucket.add("test-two-configs", "1.0.0", spec: try twoConfigSpec())
        try bucket.publish(on: server)
        #expect(try update(server, env).status == 0)
        let dir = URL(fileURLWithPath: env["HOME"]!)
        let file = dir.appendingPathComponent("t.yaml").path
        let e = try jst(["export", "test-two-configs", "--accept-eula", "--instance-type", "ml.p5.48xlarge", "--config", "lmi-optimized", "-o", file], environment: env)
        #expect(e.status == 0, "\(e.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("    Config: lmi-optimized\n"))
        // lmi-optimized sets 8 on ml.p5.48xlarge; the default lmi sets 4.
        #expect(text.contains("OPTION_TENSOR_PARALLEL_DEGREE: '8'"))
        let again = try jst(["export", "--from", file], environment: env)
        #expect(again.status == 0)
        #expect(again.stdout == text)
        let plain = try jst(["export", "test-two-configs", "--accept-eula", "--instance-type", "ml.p5.48xlarge"], environment: env)
        #expect(plain.stdout.contains("    Config: lmi\n") && plain.stdout.contains("OPTION_TENSOR_PARALLEL_DEGREE: '4'"))
        let wrong = try jst(["export", "test-two-configs", "--accept-eula", "--config", "nope"], environment: env)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("has no deployment configuration nope. Its configurations: lmi, lmi-optimized"))

        // $ per 1M output tokens = hourly ÷ (tokens/s × 3,600) × 1,000,000, tokens/s being JumpStart's
        // per-user figure × its users: lmi on ml.p4d.24xlarge, 4 users × 37.4 tokens/s, bundled
        // $37.688/h → 37.688 ÷ (149.6 × 3,600) × 1M = $69.979204.
        let compare = try jst(["compare", "test-two-configs", "--format", "json"], environment: env)
        let rows = try #require((try json(compare.stdout) as? [String: Any])?["rows"] as? [[String: Any]])
        let p4d = try #require(rows.first { $0["instanceType"] as? String == "ml.p4d.24xlarge" })
        let tokens = try #require(p4d["costPerMillionOutputTokens"] as? [String: Any])
        #expect(tokens["usd"] as? Double == 69.979204)
        #expect(tokens["instanceOutputTokensPerSecond"] as? Double == 149.6)
        #expect(tokens["concurrency"] as? Int == 4)
        #expect(tokens["outputTokensPerSecondPerUser"] as? String == "37.4")
        let table = try jst(["compare", "test-two-configs"], environment: env)
        #expect(table.stdout.contains("$69.98 c=4"))
        let show = try jst(["show", "test-two-configs", "--config", "lmi-optimized"], environment: env)
        #expect(show.stdout.contains("Config         lmi-optimized (ranked 2 of 2; chosen with --config)"))
        #expect(show.stdout.contains("JumpStart's benchmarks of lmi (P50 throughput per user"))
    }

    @Test("a manifest that is not a JSON array of entries changes nothing; an endpoint that is not http(s) is refused")
    func badManifest() throws {
        let server = try FakeAWS()
        let env = try isolatedHome()
        var bucket = SpecBucket()
        bucket.add("test-two-configs", "1.0.0", spec: try twoConfigSpec())
        try bucket.publish(on: server)
        #expect(try update(server, env).status == 0)
        let before = snapshot(env)
        try server.put("/models_manifest.json", "{\"models\": []}")
        let r = try update(server, env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("/models_manifest.json is not a JumpStart model manifest: it is not a JSON array of entries. Nothing was changed"), "\(r.stderr)")
        #expect(snapshot(env) == before)
        try server.put("/models_manifest.json", "<html><body>Access Denied</body></html>")
        #expect(try update(server, env).stderr.contains("it is an HTML or XML page, not JSON"))

        let ftp = try jst(["catalog", "update", "--endpoint-url", "ftp://example.com"], environment: env)
        #expect(ftp.status != 0)
        #expect(ftp.stderr.contains("--endpoint-url: ftp://example.com is not an http(s) URL"))
        #expect(ftp.stderr.contains("jumpstart-cache-prod-us-east-1"))
    }

    @Test("no server: a clear error within the time-out, nothing written")
    func noServer() throws {
        let env = try isolatedHome()
        // A port nobody listens on: the server is started and stopped to find one.
        var port = 0
        do { let s = try FakeAWS(); port = s.port }
        let started = Date()
        let r = try jst(["catalog", "update", "--endpoint-url", "http://127.0.0.1:\(port)", "--retries", "0", "--timeout", "2"], environment: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Could not fetch JumpStart's model manifest http://127.0.0.1:\(port)/models_manifest.json"), "\(r.stderr)")
        #expect(r.stderr.contains("Nothing was changed"))
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(snapshot(env) == nil)
        // And a server that answers too late.
        let slow = try FakeAWS()
        try slow.put("/models_manifest.json", "[]")
        try slow.setFaults(["/models_manifest.json": #"{"delay": 5}"#])
        let t = Date()
        let late = try jst(["catalog", "update", "--endpoint-url", slow.endpoint, "--retries", "0", "--timeout", "1"], environment: env)
        #expect(late.status == 1)
        #expect(late.stderr.contains("Could not fetch JumpStart's model manifest"))
        #expect(Date().timeIntervalSince(t) < 4.5)
    }
}

@Suite("the updated catalog's guards")
struct CatalogGuardTests {
    @Test("one update at a time; a catalog merged with another bundled catalog is not used, says so, and the next update merges it again")
    func guards() throws {
        let server = try FakeAWS()
        let env = try isolatedHome()
        var bucket = SpecBucket()
        bucket.add("test-two-configs", "1.0.0", spec: try twoConfigSpec())
        try bucket.publish(on: server)
        let args = ["catalog", "update", "--endpoint-url", server.endpoint, "--retries", "0"]
        #expect(try jst(args, environment: env).status == 0)
        let folder = URL(fileURLWithPath: env["XDG_DATA_HOME"]!).appendingPathComponent("jumpstart-tui/catalog")

        // Another update holding the lock.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", "import fcntl,sys,time; f=open(sys.argv[1],'a'); fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); time.sleep(20)",
                            folder.appendingPathComponent(".lock").path]
        let out = Pipe()
        holder.standardOutput = out
        try holder.run()
        _ = out.fileHandleForReading.availableData
        let busy = try jst(args, environment: env)
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(busy.status == 1)
        #expect(busy.stderr.contains("Another catalog update is running"), "\(busy.stderr)")

        // As if a newer program with another bundled catalog were installed.
        let snapshot = folder.appendingPathComponent("current").resolvingSymlinksInPath()
        try Data("bundled-entries-bytes 1\n".utf8).write(to: snapshot.appendingPathComponent("base.txt"))
        let show = try jst(["show", "test-two-configs"], environment: env)
        #expect(show.status == 1)
        #expect(show.stderr.contains("note: using the bundled catalog: the updated catalog in \(folder.path) was merged with another bundled catalog"), "\(show.stderr)")
        let status = try jst(["catalog", "status"], environment: env)
        #expect(status.stdout.contains("In use: the bundled catalog"))
        #expect(status.stdout.contains("An updated catalog exists but is not used"))
        try server.clearLog()
        let again = try jst(args, environment: env)
        #expect(again.status == 0)
        #expect(again.stdout.replacingOccurrences(of: "\n  ", with: " ").contains("merged again with this program's"), "\(again.stdout)")
        #expect(server.requests == ["/models_manifest.json"])
        #expect(try jst(["show", "test-two-configs"], environment: env).status == 0)

        // An index cut short is noticed (base.txt says how many entries it was written with).
        let index = folder.appendingPathComponent("current").resolvingSymlinksInPath().appendingPathComponent("entries.tsv")
        try Data(try Data(contentsOf: index).prefix(1000)).write(to: index)
        let cut = try jst(["show", "huggingface-llm-mistral-7b-instruct@3.5.0"], environment: env)
        #expect(cut.status == 0)
        #expect(cut.stderr.contains("note: using the bundled catalog: the updated catalog's index"), "\(cut.stderr)")
        #expect(cut.stderr.contains("(damaged); run `jumpstart-tui catalog update` to write it again"))
        let mended = try jst(args, environment: env)
        #expect(mended.status == 0)
        #expect(mended.stdout.contains("could not be read"), "\(mended.stdout)")
        #expect(try jst(["show", "test-two-configs"], environment: env).status == 0)
    }
}

@Suite("templates of versions fetched from JumpStart's specs")
struct FetchedTemplateTests {
    /// The real specs (and the two-config one) served locally and fetched into a home of its own.
    static let home: [String: String] = {
        do {
            let server = try FakeAWS()
            var bucket = try SpecBucket.real()
            bucket.add("test-two-configs", "1.0.0", spec: try twoConfigSpec())
            try bucket.publish(on: server)
            let env = try isolatedHome()
            let r = try jst(["catalog", "update", "--endpoint-url", server.endpoint, "--retries", "0"], environment: env)
            guard r.status == 0 else { fatalError("catalog update failed: \(r.stdout)\(r.stderr)") }
            return env
        } catch {
            fatalError("\(error)")
        }
    }()

    /// Golden templates, linted by tools/checks/cfn-lint.sh against their region like the others.
    @Test("each fixture exports the template worked out in SpecResolutionTests", arguments: [
        ("fetched-llama-3-1-70b", ["meta-textgeneration-llama-3-1-70b@2.16.2", "--accept-eula", "--instance-type", "ml.g5.48xlarge"]),
        ("fetched-gpt-oss-20b", ["openai-reasoning-gpt-oss-20b@3.38.0"]),
        ("fetched-mobilenet-v2", ["pytorch-ic-mobilenet-v2@3.0.25", "--region", "eu-west-1", "--role-policy", "least-privilege"]),
        ("fetched-config-choice", ["test-two-configs@1.0.0", "--accept-eula", "--config", "lmi-optimized", "--instance-type", "ml.p5.48xlarge"]),
    ])
    func golden(name: String, arguments: [String]) throws {
        for format in ["yaml", "json"] {
            let r = try jst(["export"] + arguments + ["--format", format], environment: Self.home)
            #expect(r.status == 0, "\(r.stderr)")
            try assertGolden(r.stdout, goldenURL(name, format))
        }
    }
}
