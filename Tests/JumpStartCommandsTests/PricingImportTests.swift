import Foundation
import Testing

let fixtures = projectRoot.appendingPathComponent("Tests/JumpStartCommandsTests/Fixtures/pricing")

func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

func userPriceFile(_ env: [String: String]) -> URL {
    URL(fileURLWithPath: env["XDG_CONFIG_HOME"]!).appendingPathComponent("jumpstart-tui/prices.csv")
}

@Suite("pricing import and status, with XDG_CONFIG_HOME in a temporary folder")
struct PricingImportTests {
    @Test("importing get-products pages and an offer file fills exactly their hosting cells")
    func importsExactlyTheFixtureCells() throws {
        let env = try isolatedHome()
        let r = try jst(["pricing", "import", fixture("get-products-page1.json"), fixture("get-products-page2.json"), fixture("offer-file.json")], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Imported 4 prices in 4 regions"))
        // Skipped: the training product, the notebook and the storage product; the CNY price and the GB price.
        #expect(r.stderr.contains("Skipped 3 products") && r.stderr.contains("2 prices"))
        let text = try String(contentsOf: userPriceFile(env), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "region,instance_type,usd_per_hour,source,as_of")
        let cells = lines.dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
        #expect(cells == [
            "ap-south-1,ml.g5.2xlarge,1.669",
            "eu-central-1,ml.g6.xlarge,1.3456",
            "us-east-1,ml.g5.2xlarge,1.212",
            "us-west-2,ml.g5.2xlarge,1.52",
        ])
        #expect(lines.allSatisfy { !$0.contains("12.34") && !$0.contains("ml.t3.medium") && !$0.contains("ml.g5.4xlarge") })
        #expect(lines[3].hasSuffix(",AWS Price List get-products-page1.json (publication date 2026-10-01T00:05:12Z),2026-10-01"))
        #expect(lines[1].contains("AWS Price List offer-file.json"))

        let status = try jst(["pricing", "status", "--format", "json"], environment: env)
        let regions = try #require((try json(status.stdout) as? [String: Any])?["regions"] as? [[String: Any]])
        let mine = regions.flatMap { region in
            (region["prices"] as? [[String: Any]] ?? []).filter { $0["origin"] as? String == "user" }
                .map { "\(region["region"]!) \($0["instanceType"]!)" }
        }
        #expect(mine.sorted() == ["ap-south-1 ml.g5.2xlarge", "eu-central-1 ml.g6.xlarge", "us-east-1 ml.g5.2xlarge", "us-west-2 ml.g5.2xlarge"])
        let table = try jst(["pricing", "status"], environment: env)
        #expect(table.stdout.contains("Your price file: 4 prices"))
    }

    @Test("after an import, cost reports the imported price and its source; other cells stay bundled")
    func costUsesImport() throws {
        let env = try isolatedHome()
        #expect(try jst(["pricing", "import", fixture("get-products-page1.json")], environment: env).status == 0)
        let o = try #require(try json(try jst(["cost", "--instance-type", "ml.g5.2xlarge", "--format", "json"], environment: env).stdout) as? [String: Any])
        #expect(o["origin"] as? String == "user")
        #expect(o["unitHourly"] as? Double == 1.212)
        #expect(o["monthly"] as? Double == 884.76)  // 1.212 × 730
        #expect(o["source"] as? String == "AWS Price List get-products-page1.json (publication date 2026-10-01T00:05:12Z)")
        #expect(o["asOf"] as? String == "2026-10-01")
        let table = try jst(["cost", "--instance-type", "ml.g5.2xlarge"], environment: env)
        #expect(table.stdout.contains("Source     your price file, as of 2026-10-01: AWS Price List get-products-page1.json"))
        let other = try #require(try json(try jst(["cost", "--instance-type", "ml.g5.4xlarge", "--format", "json"], environment: env).stdout) as? [String: Any])
        #expect(other["origin"] as? String == "bundled")
        let compare = try jst(["compare", llama, "--format", "json"], environment: env)
        let sources = try #require((try json(compare.stdout) as? [String: Any])?["sources"] as? [[String: Any]])
        #expect(sources.first?["origin"] as? String == "user")
        #expect(sources.first?["cells"] as? [String] == ["ml.g5.2xlarge"])
        // A cell the import priced for the first time is no longer unknown.
        let west = try #require(try json(try jst(["cost", "--instance-type", "ml.g5.2xlarge", "--region", "us-west-2", "--format", "json"], environment: env).stdout) as? [String: Any])
        #expect(west["known"] as? Bool == true && west["monthly"] as? Double == 1109.6)
    }

    @Test("a malformed file is rejected with its name and what was wrong; the user's file is left as it was",
          arguments: [("malformed.json", "it is not JSON"), ("not-a-price-list.json", "neither a \"PriceList\" array")])
    func rejectsMalformed(name: String, reason: String) throws {
        let env = try isolatedHome()
        #expect(try jst(["pricing", "import", fixture("offer-file.json")], environment: env).status == 0)
        let before = try Data(contentsOf: userPriceFile(env))
        // Even with a good file first, nothing is written.
        let r = try jst(["pricing", "import", fixture("get-products-page1.json"), fixture(name)], environment: env)
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(name) && r.stderr.contains(reason))
        #expect(try Data(contentsOf: userPriceFile(env)) == before)
        let folder = userPriceFile(env).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["prices.csv"])
    }

    @Test("a file without any hosting price is refused and writes nothing")
    func nothingToImport() throws {
        let env = try isolatedHome()
        let dir = URL(fileURLWithPath: env["XDG_CONFIG_HOME"]!)
        let file = dir.appendingPathComponent("empty-page.json")
        try #"{"FormatVersion":"aws_v1","PriceList":[]}"#.write(to: file, atomically: true, encoding: .utf8)
        let r = try jst(["pricing", "import", file.path], environment: env)
        #expect(r.status != 0 && r.stderr.contains("hold no SageMaker real-time hosting on-demand price"))
        #expect(!FileManager.default.fileExists(atPath: userPriceFile(env).path))
    }
}
