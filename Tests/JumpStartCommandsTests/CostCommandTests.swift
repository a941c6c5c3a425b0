import Foundation
import Testing

/// A home of the test's own with bundled data only: the figures below are the bundled table's.
func emptyConfig() throws -> [String: String] {
    var env = try isolatedHome()
    env["JUMPSTART_TUI_BUNDLED_DATA"] = "1"
    return env
}

let llama = "meta-textgeneration-llama-2-7b-f@2.0.2"

@Suite("cost and compare, run as a user runs them")
struct CostCommandTests {
    @Test("cost: one ml.c4.2xlarge in us-east-1 at 720 hours a month is $344.16")
    func referenceFigure() throws {
        let env = try emptyConfig()
        let r = try jst(["cost", "--instance-type", "ml.c4.2xlarge", "--hours-per-month", "720"], environment: env)
        #expect(r.status == 0)
        #expect(r.stdout.contains("Monthly    $344.16"))
        #expect(r.stdout.contains("Price      $0.478 per instance-hour"))
        #expect(r.stdout.contains("Assumptions: on-demand prices, 720 hours a month, USD. Not included: storage"))
        #expect(r.stdout.contains("Source     bundled prices, as of unknown (date unknown): JumpStartSageMakerEndpoint README"))
    }

    @Test("cost --format json: two ml.g5.2xlarge at 730 h are 2211.90 a month, with stable field names")
    func twoG5JSON() throws {
        let r = try jst(["cost", "--instance-type", "ml.g5.2xlarge", "--count", "2", "--format", "json"], environment: try emptyConfig())
        #expect(r.status == 0)
        let o = try #require(try json(r.stdout) as? [String: Any])
        #expect(o["monthly"] as? Double == 2211.9)
        #expect(o["hourly"] as? Double == 3.03)
        #expect(o["yearly"] as? Double == 26542.8)
        #expect(o["currency"] as? String == "USD" && o["hoursPerMonth"] as? Double == 730 && o["known"] as? Bool == true)
        #expect(o["asOf"] as? String == "2025-01-26" && o["origin"] as? String == "bundled")
        #expect((o["source"] as? String)?.contains("foundation-model-benchmarking-tool") == true)
        let md = try jst(["cost", "--instance-type", "ml.g5.2xlarge", "--count", "2", "--format", "markdown"], environment: try emptyConfig())
        #expect(md.stdout.contains("| Monthly | \\$2,211.90 |"))  // $ escaped for GitHub
    }

    @Test("an unknown price stays unknown in cost, in every format, with the reason")
    func unknownCost() throws {
        let env = try emptyConfig()
        let table = try jst(["cost", "--instance-type", "ml.g6.xlarge"], environment: env)
        #expect(table.status == 0)
        #expect(table.stdout.contains("Monthly    unknown"))
        #expect(table.stdout.contains("no price for ml.g6.xlarge in us-east-1"))
        #expect(!table.stdout.contains("$0.00"))
        let o = try #require(try json(try jst(["cost", "--instance-type", "ml.g6.xlarge", "--format", "json"], environment: env).stdout) as? [String: Any])
        #expect(o["known"] as? Bool == false)
        #expect(o["monthly"] is NSNull && o["hourly"] is NSNull && o["yearly"] is NSNull)
        #expect(o["reason"] as? String == "no price for ml.g6.xlarge in us-east-1")
        let md = try jst(["cost", "--instance-type", "ml.g6.xlarge", "--format", "markdown"], environment: env)
        #expect(md.stdout.contains("| Monthly | unknown |"))
    }

    @Test("compare MODEL in us-east-1 lists exactly its 7 supported types, default and cheapest marked, in 80 columns")
    func compareModel() throws {
        let r = try jst(["compare", llama], environment: try emptyConfig().merging(["COLUMNS": "80"]) { $1 })
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.allSatisfy { fitsOrStandsAlone($0, width: 80) })
        let header = try #require(lines.firstIndex { $0.contains("TYPE") && $0.contains("$/MONTH") })
        let rows = lines[(header + 1)...].prefix { !$0.isEmpty }
        let types = rows.map { $0.split(separator: " ").first { $0.hasPrefix("ml.") }.map(String.init) ?? "" }
        #expect(types == ["ml.g5.2xlarge", "ml.g5.4xlarge", "ml.g5.8xlarge", "ml.g5.12xlarge", "ml.g5.24xlarge", "ml.g5.48xlarge", "ml.p4d.24xlarge"])
        let first = try #require(rows.first)
        // The bundled us-east-1 prices are from 2025-01-26: stale (!) against the tests' 2026-11-26.
        #expect(first.hasPrefix("*$!  ml.g5.2xlarge"))
        #expect(first.contains("$1.515") && first.contains("$1,105.95") && first.hasSuffix("yes"))
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("!    ml.") })
        #expect(r.stdout.contains("* the model's default instance type. $ the cheapest that deploys. ! a price\n  older than 180 days (stale)."))
        #expect(r.stdout.contains("Assumptions: on-demand prices, 730 hours a month, USD."))
        #expect(r.stdout.contains("- bundled prices, as of 2025-01-26 (stale: 669 days old):"))
    }

    @Test("compare --format json: the 7 types with hardware, default and cheapest, monthly ascending")
    func compareJSON() throws {
        let r = try jst(["compare", llama, "--format", "json", "--count", "2"], environment: try emptyConfig())
        #expect(r.status == 0)
        let o = try #require(try json(r.stdout) as? [String: Any])
        let rows = try #require(o["rows"] as? [[String: Any]])
        #expect(rows.count == 7)
        #expect(rows.filter { $0["default"] as? Bool == true }.map { $0["instanceType"] as? String } == ["ml.g5.2xlarge"])
        #expect(o["cheapest"] as? String == "ml.g5.2xlarge")
        #expect(rows.first?["monthly"] as? Double == 2211.9)
        let monthly = rows.compactMap { $0["monthly"] as? Double }
        #expect(monthly == monthly.sorted() && monthly.count == 7)
        let p4d = try #require(rows.first { $0["instanceType"] as? String == "ml.p4d.24xlarge" })
        #expect(p4d["hourlyPerAccelerator"] as? Double == 4.711)
        #expect((p4d["hardware"] as? [String: Any])?["acceleratorMemoryGiB"] as? Double == 320)
        for key in ["hourly", "monthly", "yearly", "currency", "hoursPerMonth", "source", "asOf", "known"] {
            #expect(rows.allSatisfy { $0[key] != nil }, "every row has \(key)")
        }
    }

    @Test("unknown prices sort last in compare, in every format")
    func unknownsLast() throws {
        let env = try emptyConfig()
        let r = try jst(["compare", llama, "--region", "eu-west-1", "--format", "json"], environment: env)
        let rows = try #require((try json(r.stdout) as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(rows.map { $0["known"] as? Bool } == [true, false, false, false, false, false, false])
        #expect(rows.allSatisfy { $0["cheapest"] as? Bool == false })  // 1 priced of 7: no cheapest claimed
        #expect(rows.dropFirst().allSatisfy { $0["monthly"] is NSNull })
        let csv = try jst(["compare", llama, "--region", "eu-west-1", "--format", "csv"], environment: env)
        let csvLines = csv.stdout.split(separator: "\n")
        #expect(csvLines.count == 8)
        #expect(csvLines[1].contains(",ml.g5.12xlarge,") && csvLines[1].contains(",USD,true,") && csvLines[1].contains(",false,false,true,"))
        #expect(csvLines.dropFirst(2).allSatisfy { $0.contains(",false,,,,,") })
        let table = try jst(["compare", llama, "--region", "eu-west-1"], environment: env.merging(["COLUMNS": "80"]) { $1 })
        let tableLines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let header = try #require(tableLines.firstIndex { $0.contains("TYPE") })
        let rowsText = tableLines[(header + 1)...].prefix { !$0.isEmpty }
        #expect(rowsText.count == 7 && rowsText.first?.contains("ml.g5.12xlarge") == true)
        #expect(rowsText.dropFirst().allSatisfy { $0.contains("unknown") })
        #expect(table.stdout.contains("6 of 7 prices unknown, never guessed:"))
        #expect(table.stdout.contains("No cheapest marked: only 1 of 7 types that deploy have a price."))
        let md = try jst(["compare", llama, "--region", "eu-west-1", "--format", "markdown"], environment: env)
        #expect(md.stdout.contains("| ml.g5.2xlarge \\* | 1× NVIDIA A10G (24 GiB) | 8 | 32 GiB | unknown | unknown |"))
        #expect(md.stdout.contains("- Assumptions: on-demand prices"))
    }

    @Test("compare --instance-type across all regions: priced first, the rest unknown, deployability per region")
    func acrossRegions() throws {
        let env = try emptyConfig()
        let r = try jst(["compare", "--instance-type", "ml.g5.2xlarge", "--model", llama, "--regions", "all", "--format", "json"], environment: env)
        #expect(r.status == 0)
        let rows = try #require((try json(r.stdout) as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(rows.count == 27)
        #expect(rows.first?["region"] as? String == "us-east-1" && rows.first?["cheapest"] as? Bool == false)
        #expect(rows.dropFirst().allSatisfy { $0["known"] as? Bool == false })
        #expect(rows.first { $0["region"] as? String == "af-south-1" }?["deployable"] as? Bool == false)
        let table = try jst(["compare", "--instance-type", "ml.g5.2xlarge", "--regions", "eu-west-1,us-east-1"], environment: env.merging(["COLUMNS": "80"]) { $1 })
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { fitsOrStandsAlone(String($0), width: 80) })
        let body = lines.filter { $0.contains("us-east-1") || $0.contains("eu-west-1") }.prefix(2)
        // 1 of 2 regions priced: half, so the cheapest is claimed — and the price is stale.
        #expect(body.first?.hasPrefix("$!  us-east-1") == true, "\(body)")
        #expect(body.last?.contains("unknown") == true)
    }

    @Test("bad input: a clear message, a non-zero exit and nothing on stdout", arguments: [
        (["cost", "--instance-type", "ml.g5.2xlarge", "--hours-per-month", "0"], "Hours per month 0 is not allowed"),
        (["cost", "--instance-type", "ml.g5.2xlarge", "--hours-per-month", "800"], "Hours per month 800 is not allowed"),
        (["cost", "--instance-type", "ml.g5.2xlarge", "--count", "0"], "--count 0 is not allowed: the instance count must be a whole number from 1 to 1000"),
        (["cost", "--instance-type", "ml.g5.2xlarg"], "ml.g5.2xlarg is not a SageMaker instance type this program knows"),
        (["compare", llama, "--hours-per-month", "800"], "Hours per month 800 is not allowed"),
        (["compare", llama, "--count", "0"], "--count 0 is not allowed: the instance count must be a whole number from 1 to 1000"),
        (["compare", "--instance-type", "ml.c5.xlarge", "--model", llama], "does not support ml.c5.xlarge"),
        (["compare", "--instance-type", "ml.g5.2xlarge", "--regions", "eu-wst-1"], "eu-wst-1 (from --regions) is not a JumpStart region"),
        (["compare", "no-such-model"], "No model named no-such-model"),
        (["compare"], "Give a model"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let r = try jst(arguments, environment: try emptyConfig())
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(message))
    }
}
