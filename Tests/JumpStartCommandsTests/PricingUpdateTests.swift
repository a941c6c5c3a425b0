import Foundation
import Testing

/// Three regions' prices as the fake Price List publishes them.
let firstPublication = PriceListTree(hosting: [
    "us-east-1": ["ml.g5.2xlarge": "1.2120000000", "ml.g5.12xlarge": "7.0900000000", "ml.p4d.24xlarge": "25.2500000000"],
    "eu-west-1": ["ml.g5.2xlarge": "1.6968000000", "ml.g5.12xlarge": "7.9100000000", "ml.g6.2xlarge": "1.2300000000"],
    "us-west-2": ["ml.g5.2xlarge": "1.2120000000", "ml.m5.xlarge": "0.2300000000"],
])

/// The same regions a month later: new offer versions, other prices.
var secondPublication: PriceListTree {
    var t = firstPublication
    t.version = "20261220000000"
    t.publicationDate = "2026-12-20T00:00:00Z"
    t.hosting["us-east-1"]!["ml.g5.2xlarge"] = "1.1000000000"
    t.hosting["eu-west-1"]!["ml.g5.2xlarge"] = "1.5000000000"
    t.hosting["us-west-2"]!["ml.g5.2xlarge"] = "1.0500000000"
    return t
}

@Suite("pricing update from a local Price List server")
struct PricingUpdateTests {
    func update(_ server: FakeAWS, _ env: [String: String], _ extra: [String] = []) throws -> CLIResult {
        try jst(["pricing", "update", "--endpoint-url", server.endpoint, "--retries", "0", "--timeout", "2"] + extra, environment: env)
    }

    @Test("a full update keeps exactly the hosting rows of every listed region; the others are 'not in the Price List', not failures")
    func fullUpdate() throws {
        let (server, env) = try publishedServer()
        let r = try update(server, env)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(try updatedPriceCells(env) == [
            "eu-west-1 ml.g5.2xlarge 1.6968", "eu-west-1 ml.g5.12xlarge 7.91", "eu-west-1 ml.g6.2xlarge 1.23",
            "us-east-1 ml.g5.2xlarge 1.212", "us-east-1 ml.g5.12xlarge 7.09", "us-east-1 ml.p4d.24xlarge 25.25",
            "us-west-2 ml.g5.2xlarge 1.212", "us-west-2 ml.m5.xlarge 0.23",
        ])
        #expect(r.stdout.contains("3 regions updated, 0 unchanged, 0 failed, 24 not in the Price List"))
        #expect(r.stdout.contains("cn-north-1      not listed"))
        #expect(r.stdout.contains("China: a separate list (CNY)"))
        // Stderr is not a terminal here: no progress line.
        #expect(r.stderr.isEmpty, "\(r.stderr)")

        // What cost now says: the Price List's figure, named with its offer and date.
        let cost = try #require(try json(try jst(["cost", "--instance-type", "ml.g5.2xlarge", "--region", "eu-west-1", "--format", "json"], environment: env).stdout) as? [String: Any])
        #expect(cost["origin"] as? String == "price-list")
        #expect(cost["unitHourly"] as? Double == 1.6968)
        #expect(cost["asOf"] as? String == "2026-11-20")
        #expect(cost["stale"] as? Bool == false)
        #expect((cost["source"] as? String)?.contains("offer 20261120000000 for eu-west-1, published 2026-11-20T00:00:00Z") == true)
        let table = try jst(["cost", "--instance-type", "ml.g5.2xlarge", "--region", "eu-west-1"], environment: env)
        #expect(table.stdout.contains("AWS Price List (updated), as of 2026-11-20"))

        // With JUMPSTART_TUI_BUNDLED_DATA=1 the update is ignored.
        var bundled = env
        bundled["JUMPSTART_TUI_BUNDLED_DATA"] = "1"
        let b = try #require(try json(try jst(["cost", "--instance-type", "ml.g5.2xlarge", "--region", "eu-west-1", "--format", "json"], environment: bundled).stdout) as? [String: Any])
        #expect(b["known"] as? Bool == false)
    }

    @Test("a second update with nothing new fetches the region index only; a new publication fetches every region again")
    func incremental() throws {
        let (server, env) = try publishedServer()
        #expect(try update(server, env).status == 0)
        let before = try Data(contentsOf: updatedPriceFile(env))
        try server.clearLog()
        let again = try update(server, env)
        #expect(again.status == 0)
        #expect(server.requests == [PriceListTree.indexPath])
        #expect(again.stdout.contains("0 regions updated, 3 unchanged"))
        #expect(again.stdout.contains("Nothing new"))
        #expect(try Data(contentsOf: updatedPriceFile(env)) == before)

        try server.clearLog()
        try secondPublication.publish(on: server)
        let third = try update(server, env)
        #expect(third.status == 0)
        #expect(server.requests.count == 4)
        #expect(try updatedPriceCells(env).contains("us-east-1 ml.g5.2xlarge 1.10"))
    }

    @Test("a region that fails is named with the reason, keeps exactly the prices it had, and the exit status is 1; the others update",
          arguments: [
              ("404", #"{"status": 404}"#, "HTTP 404"),
              ("500", #"{"status": 500}"#, "HTTP 500"),
              ("time-out", #"{"delay": 5}"#, "no answer within the time-out"),
              ("cut-off download", #"{"truncate": 600}"#, "cut off"),
              ("dropped connection", #"{"dropConnection": true}"#, "the connection was lost"),
          ])
    func regionFails(name: String, fault: String, reason: String) throws {
        let (server, env) = try publishedServer()
        #expect(try update(server, env).status == 0)
        try secondPublication.publish(on: server)
        try server.setFaults([PriceListTree.offerPath("eu-west-1", version: secondPublication.version): fault])
        let r = try update(server, env, ["--timeout", "1"])
        #expect(r.status == 1, "\(name): \(r.stdout)")
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("eu-west-1 ") })
        #expect(line.contains("FAILED") && line.contains("kept its prices"), "\(name): \(line)")
        let why = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("eu-west-1 failed: ") })
        #expect(why.contains(reason) && why.hasSuffix("it keeps the 3 prices it had."), "\(name): \(why)")
        #expect(r.stderr.contains("error: 1 region failed (eu-west-1); their earlier prices are kept."), "\(r.stderr)")
        let cells = try updatedPriceCells(env)
        #expect(cells.filter { $0.hasPrefix("eu-west-1") } == ["eu-west-1 ml.g5.2xlarge 1.6968", "eu-west-1 ml.g5.12xlarge 7.91", "eu-west-1 ml.g6.2xlarge 1.23"])
        #expect(cells.contains("us-east-1 ml.g5.2xlarge 1.10") && cells.contains("us-west-2 ml.g5.2xlarge 1.05"))
        #expect(r.stdout.contains("2 regions updated, 0 unchanged, 1 failed"))
        // Fixed at the source, the next run fetches only what failed.
        try server.setFaults([:])
        try server.clearLog()
        #expect(try update(server, env).status == 0)
        #expect(server.requests == [PriceListTree.indexPath, PriceListTree.offerPath("eu-west-1", version: secondPublication.version)])
    }

    @Test("an offer that is not JSON, is cut short inside, or holds no hosting rows fails its region only", arguments: [
        ("truncated JSON", "cut", "ends in the middle"),
        ("no hosting rows", "none", "no real-time hosting price for eu-west-1"),
        ("HTML", "html", "not JSON"),
    ])
    func badOffer(name: String, kind: String, reason: String) throws {
        let server = try FakeAWS()
        try firstPublication.publish(on: server)
        let path = PriceListTree.offerPath("eu-west-1", version: firstPublication.version)
        switch kind {
        case "cut": try server.put(path, String(firstPublication.offerJSON("eu-west-1").prefix(1500)))
        case "none":
            var t = firstPublication
            t.hosting["eu-west-1"] = [:]
            try server.put(path, t.offerJSON("eu-west-1"))
        default: try server.put(path, "<!DOCTYPE html><html><body>Access denied</body></html>")
        }
        let env = try isolatedHome()
        let r = try update(server, env)
        #expect(r.status == 1, "\(name)")
        let why = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("eu-west-1 failed: ") })
        #expect(why.contains(reason), "\(name): \(why)")
        #expect(try updatedPriceCells(env).filter { $0.hasPrefix("eu-west-1") }.isEmpty)
        #expect(try updatedPriceCells(env).contains("us-east-1 ml.g5.2xlarge 1.212"))
    }

    @Test("a price that is not a plausible positive USD number is skipped and counted, and the rest of the region kept")
    func implausiblePrices() throws {
        let server = try FakeAWS()
        try firstPublication.publish(on: server)
        let extra: [(sku: String, type: String, usd: [String: String], unit: String)] = [
            ("", "ml.g6.4xlarge", ["USD": "abc"], "Hrs"),
            ("", "ml.g6.8xlarge", ["USD": "0.0000000000"], "Hrs"),
            ("", "ml.g6.12xlarge", ["USD": "-1.5"], "Hrs"),
            ("", "ml.g6.16xlarge", ["USD": "999999999.9999990000"], "Hrs"),
            ("", "ml.g6.24xlarge", ["CNY": "12.0000000000"], "Hrs"),
        ]
        try server.put(PriceListTree.offerPath("us-west-2", version: firstPublication.version), firstPublication.offerJSON("us-west-2", extraHosting: extra))
        let env = try isolatedHome()
        let r = try update(server, env, ["--regions", "us-west-2", "--format", "json"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let o = try #require(try json(r.stdout) as? [String: Any])
        let region = try #require((o["regions"] as? [[String: Any]])?.first)
        #expect(region["result"] as? String == "updated")
        #expect(region["prices"] as? Int == 2)
        #expect(region["skippedRows"] as? Int == 4)  // the CNY row is another currency, not an implausible USD one
        #expect(try updatedPriceCells(env) == ["us-west-2 ml.g5.2xlarge 1.212", "us-west-2 ml.m5.xlarge 0.23"])
    }

    @Test("a malformed region index changes nothing and says what is wrong", arguments: [
        ("not JSON", "{ \"regions\" : ", "not JSON"),
        ("HTML", "<html><body>Sign in</body></html>", "an HTML page"),
        ("no regions", "{ \"formatVersion\" : \"v1.0\" }", "no \"regions\" object"),
        ("bad path", "{ \"regions\" : { \"us-east-1\" : { \"currentVersionUrl\" : \"http://evil/\" } } }", "no currentVersionUrl path"),
    ])
    func malformedIndex(name: String, body: String, reason: String) throws {
        let (server, env) = try publishedServer()
        #expect(try update(server, env).status == 0)
        let before = try Data(contentsOf: updatedPriceFile(env))
        try server.put(PriceListTree.indexPath, body)
        let r = try update(server, env)
        #expect(r.status != 0, "\(name)")
        #expect(r.stderr.contains("is not a Price List region index") && r.stderr.contains(reason), "\(name): \(r.stderr)")
        #expect(r.stderr.contains("Nothing was changed"))
        #expect(try Data(contentsOf: updatedPriceFile(env)) == before)
    }

    @Test("with no server listening, a clear error well within the time-out, and nothing written")
    func noServer() throws {
        // A port that was free a moment ago: bind, read it, close.
        let server = try FakeAWS()
        let endpoint = server.endpoint
        _ = consume server
        let env = try isolatedHome()
        let started = Date()
        let r = try jst(["pricing", "update", "--endpoint-url", endpoint, "--retries", "1", "--timeout", "3"], environment: env)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(r.status != 0)
        #expect(r.stderr.contains("Could not fetch the Price List's region index") && r.stderr.contains("could not connect"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: updatedPriceFile(env).path))
    }

    @Test("bad input is refused with what would be right, and nothing is fetched", arguments: [
        (["--regions", "eu-wst-1"], "eu-west-1"),
        (["--regions", "us-east-1,,eu-west-1"], "empty name"),
        (["--endpoint-url", "ftp://example.com"], "is not an http(s) URL"),
        (["--endpoint-url", "pricing.example.com"], "is not an http(s) URL"),
        (["--timeout", "0"], "--timeout"),
        (["--format", "csv"], "use table or json"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let env = try isolatedHome()
        let r = try jst(["pricing", "update"] + arguments, environment: env)
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: updatedPriceFile(env).path))
    }

    @Test("a mirror under a path works: index paths are appended to the endpoint as given")
    func mirrorUnderPath() throws {
        let server = try FakeAWS()
        var t = firstPublication
        t.hosting = ["us-east-1": t.hosting["us-east-1"]!]
        try server.put("/mirror" + PriceListTree.indexPath, t.indexJSON())
        try server.put("/mirror" + PriceListTree.offerPath("us-east-1", version: t.version), t.offerJSON("us-east-1"))
        let env = try isolatedHome()
        let r = try jst(["pricing", "update", "--endpoint-url", server.endpoint + "/mirror/", "--regions", "us-east-1"], environment: env)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(server.requests == ["/mirror" + PriceListTree.indexPath, "/mirror" + PriceListTree.offerPath("us-east-1", version: t.version)])
    }

    @Test("kill -9 during an update leaves the previous prices readable and unchanged")
    func killDuringUpdate() throws {
        let (server, env) = try publishedServer()
        #expect(try update(server, env).status == 0)
        let before = try Data(contentsOf: updatedPriceFile(env))
        try secondPublication.publish(on: server)
        try server.setFaults([PriceListTree.offerPath("eu-west-1", version: secondPublication.version): #"{"delay": 3}"#])
        let process = Process()
        process.executableURL = binary
        process.arguments = ["pricing", "update", "--endpoint-url", server.endpoint]
        process.environment = env.merging(["PATH": "/usr/bin:/bin"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the slow region has been asked for: the others are downloaded by then.
        let deadline = Date().addingTimeInterval(10)
        while !server.requests.contains(PriceListTree.offerPath("eu-west-1", version: secondPublication.version)), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try Data(contentsOf: updatedPriceFile(env)) == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: updatedPriceFile(env).deletingLastPathComponent().path)
        #expect(names == ["price-list.csv"])
    }

    @Test("pricing status shows per region how many of the catalog's types have a price, from which source and how old")
    func status() throws {
        let (server, env) = try publishedServer()
        #expect(try update(server, env).status == 0)
        let r = try jst(["pricing", "status"], environment: env.merging(["COLUMNS": "120"]) { $1 })
        #expect(r.status == 0)
        let eu = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("eu-west-1 ") })
        // Bundled: 4 cells; the Price List adds 2 and replaces ml.g5.12xlarge.
        #expect(eu.split(separator: " ").prefix(6).map(String.init) == ["eu-west-1", "6/41", "0", "3", "3", "3"], "\(eu)")
        let o = try #require(try json(try jst(["pricing", "status", "--format", "json"], environment: env).stdout) as? [String: Any])
        let regions = try #require(o["regions"] as? [[String: Any]])
        let euJSON = try #require(regions.first { $0["region"] as? String == "eu-west-1" })
        #expect(euJSON["fromPriceList"] as? Int == 3)
        #expect(euJSON["fromBundled"] as? Int == 3)
        #expect(euJSON["stale"] as? Int == 3)
        #expect(euJSON["priceListPublished"] as? String == "2026-11-20T00:00:00Z")
    }

    @Test("an imported price older than the Price List's for the same cell is used, and outputs say the Price List is newer")
    func olderImport() throws {
        let (server, env) = try publishedServer()
        #expect(try update(server, env).status == 0)
        // The get-products fixture has us-east-1 ml.g5.2xlarge at 1.212, published 2026-10-01.
        #expect(try jst(["pricing", "import", fixture("get-products-page1.json")], environment: env).status == 0)
        let table = try jst(["cost", "--instance-type", "ml.g5.2xlarge", "--region", "us-east-1"], environment: env)
        #expect(table.stdout.contains("your price file, as of 2026-10-01"), "\(table.stdout)")
        #expect(table.stdout.contains("Older than the updated Price List's $1.212 as of 2026-11-20"), "\(table.stdout)")
        let o = try #require(try json(try jst(["cost", "--instance-type", "ml.g5.2xlarge", "--region", "us-east-1", "--format", "json"], environment: env).stdout) as? [String: Any])
        #expect(o["origin"] as? String == "user")
        #expect((o["newerPriceList"] as? [String: Any])?["asOf"] as? String == "2026-11-20")
    }
}

@Suite("honest tables when prices are missing")
struct HonestTableTests {
    @Test("with 1 price of 10, no row is marked cheapest and the table says how many are missing and the command that fills them")
    func fewPrices() throws {
        let env = try emptyConfig().merging(["COLUMNS": "100"]) { $1 }
        let r = try jst(["compare", "meta-textgeneration-llama-3-8b-instruct@2.2.0", "--region", "eu-west-1"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("$ the cheapest"))
        #expect(!r.stdout.split(separator: "\n").contains { $0.hasPrefix("$") || $0.hasPrefix("*$") })
        #expect(r.stdout.contains("No cheapest marked: only 1 of 10 types that deploy have a price."), "\(r.stdout)")
        #expect(r.stdout.contains("9 of 10 prices unknown, never guessed"))
        #expect(r.stdout.contains("`jumpstart-tui pricing update --regions eu-west-1` fetches current prices"))
        // The one priced row comes first; unknown rows follow, labelled.
        let rows = r.stdout.split(separator: "\n").filter { $0.dropFirst(4).hasPrefix("ml.") }
        #expect(rows.count == 10)
        #expect(rows.first?.contains("$7.91") == true)
        #expect(rows.dropFirst().allSatisfy { $0.contains("unknown") })
        let o = try #require(try json(try jst(["compare", "meta-textgeneration-llama-3-8b-instruct@2.2.0", "--region", "eu-west-1", "--format", "json"], environment: env).stdout) as? [String: Any])
        #expect(o["cheapest"] is NSNull)
        #expect(o["unknownRows"] as? Int == 9)
        #expect(o["fillCommand"] as? String == "jumpstart-tui pricing update --regions eu-west-1")
    }

    @Test("after an update the cheapest is claimed among priced rows and says so")
    func claimAfterUpdate() throws {
        let (server, env) = try publishedServer()
        #expect(try jst(["pricing", "update", "--endpoint-url", server.endpoint, "--regions", "eu-west-1"], environment: env).status == 0)
        let r = try jst(["compare", "meta-textgeneration-llama-3-8b-instruct@2.2.0", "--region", "eu-west-1"], environment: env.merging(["COLUMNS": "100"]) { $1 })
        // 4 of 10 priced (3 from the Price List and the bundled p4d… no: g5.12xlarge is in both, the Price List wins).
        #expect(r.stdout.contains("No cheapest marked: only 3 of 10 types that deploy have a price."), "\(r.stdout)")
        var more = firstPublication
        more.hosting["eu-west-1"] = ["ml.g5.2xlarge": "1.6968", "ml.g5.4xlarge": "2.27", "ml.g5.8xlarge": "3.42", "ml.g5.12xlarge": "7.91",
                                     "ml.g6.2xlarge": "1.23", "ml.g6.12xlarge": "5.67"]
        more.version = "20261121000000"
        try more.publish(on: server)
        #expect(try jst(["pricing", "update", "--endpoint-url", server.endpoint, "--regions", "eu-west-1"], environment: env).status == 0)
        let again = try jst(["compare", "meta-textgeneration-llama-3-8b-instruct@2.2.0", "--region", "eu-west-1"], environment: env.merging(["COLUMNS": "100"]) { $1 })
        #expect(again.stdout.contains("$ the cheapest of 6 priced types that deploy; 4 unknown"), "\(again.stdout)")
        let cheapest = try #require(again.stdout.split(separator: "\n").first { $0.contains("$") && $0.contains("ml.") && $0.hasPrefix("$") || $0.hasPrefix("*$") })
        #expect(cheapest.contains("ml.g6.2xlarge"))
    }

    @Test("a price older than 180 days is marked stale in cost and compare")
    func stale() throws {
        let env = try emptyConfig()
        let cost = try jst(["cost", "--instance-type", "ml.p4d.24xlarge"], environment: env)
        #expect(cost.stdout.contains("as of 2025-01-26 (stale: 669 days old)"), "\(cost.stdout)")
        let o = try #require(try json(try jst(["cost", "--instance-type", "ml.p4d.24xlarge", "--format", "json"], environment: env).stdout) as? [String: Any])
        #expect(o["stale"] as? Bool == true)
        #expect(o["ageDays"] as? Int == 669)
        let compare = try jst(["compare", "--instance-type", "ml.p4d.24xlarge", "--regions", "us-east-1"], environment: env)
        #expect(compare.stdout.contains("! a price older than 180 days (stale)"))
        let unknownDate = try jst(["cost", "--instance-type", "ml.c4.2xlarge"], environment: env)
        #expect(unknownDate.stdout.contains("as of unknown (date unknown)"), "\(unknownDate.stdout)")
    }
}

@Suite("pricing update: what the review found")
struct PricingUpdateReviewTests {
    @Test("a damaged updated Price List and --regions: every region is fetched again, so none is lost")
    func damagedWithRegions() throws {
        let (server, env) = try publishedServer()
        let file = updatedPriceFile(env)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "region,instance_type\ngarbage\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try jst(["pricing", "update", "--endpoint-url", server.endpoint, "--regions", "eu-west-1"], environment: env)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("can't be read, so every region is fetched again"), "\(r.stderr)")
        #expect(r.stdout.contains("The earlier file could not be read (line 1: the header must be"), "\(r.stdout)")
        let regions = Set(try updatedPriceCells(env).map { $0.split(separator: " ")[0] })
        #expect(regions == ["eu-west-1", "us-east-1", "us-west-2"])
    }

    @Test("compare says when your own price is older than the Price List's for the same cell")
    func compareOlder() throws {
        let (server, env) = try publishedServer()
        #expect(try jst(["pricing", "update", "--endpoint-url", server.endpoint, "--regions", "us-east-1"], environment: env).status == 0)
        #expect(try jst(["pricing", "import", fixture("get-products-page1.json")], environment: env).status == 0)
        let r = try jst(["compare", "--instance-type", "ml.g5.2xlarge", "--regions", "us-east-1"], environment: env)
        let text = r.stdout.replacingOccurrences(of: "\n  ", with: " ")
        #expect(text.contains("Your price for us-east-1 ($1.212, as of 2026-10-01) is older than the updated Price List's $1.212 as of 2026-11-20."), "\(r.stdout)")
    }

    @Test("--retries -1 names the option and the range")
    func negativeRetries() throws {
        let r = try jst(["pricing", "update", "--retries", "-1"])
        #expect(r.status != 0 && r.stderr.contains("--retries -1 is not allowed: give 0 to 10."), "\(r.stderr)")
    }
}

@Suite("-o through a symlink to nowhere")
struct DanglingLinkTests {
    @Test("without --force it is refused, naming where the link points; with --force the file is created there and named")
    func dangling() throws {
        let r = try bash("""
            cd "$HOME" && ln -s nowhere.yaml link.yaml
            "$BIN" export huggingface-llm-mistral-7b-instruct@3.5.0 -o link.yaml; echo "plain=$?"; [ -e nowhere.yaml ] || echo absent
            "$BIN" export huggingface-llm-mistral-7b-instruct@3.5.0 -o link.yaml --force 2>&1 | grep '^Wrote'; [ -L link.yaml ] && [ -s nowhere.yaml ] && echo created
            """)
        #expect(r.stdout.contains("plain=1\nabsent"), "\(r.stdout)")
        #expect(r.stderr.contains("link.yaml is a symlink to nowhere.yaml, which doesn't exist; add --force"), "\(r.stderr)")
        #expect(r.stdout.contains("Wrote link.yaml (through the link, to nowhere.yaml)") && r.stdout.contains("created"), "\(r.stdout)")
    }
}
