import Foundation
import Testing

/// A line of prose fits the width, or it is one word (a path, a URL, a command in backticks)
/// standing alone.
func fitsOrStandsAlone(_ line: String, width: Int) -> Bool {
    let t = line.trimmingCharacters(in: .whitespaces)
    return line.count <= width || !t.contains(" ") || (t.hasPrefix("`") && t.dropFirst().firstIndex(of: "`") == t.indices.last)
}

/// Issue 13, item 8: prose wraps only between words; no word, path or URL is ever split, at 80
/// and 200 columns and through a pipe (100).
@Suite("Prose on the command line")
struct ProseOutputTests {
    static let commands: [[String]] = [
        ["compare", llama],
        ["cost", "--instance-type", "ml.g5.2xlarge", "--region", "eu-west-1"],
        ["show", llama],
        ["compare", "--instance-type", "ml.g5.2xlarge", "--regions", "eu-west-1,us-east-1"],
    ]

    @Test("Paths and URLs come out whole at every width", arguments: commands)
    func whole(arguments: [String]) throws {
        let env = try emptyConfig()
        let wide = try jst(arguments, environment: env.merging(["COLUMNS": "10000"]) { $1 })
        #expect(wide.status == 0)
        // What must never be split, from the unwrapped output: long paths and URLs, and commands
        // quoted in backticks.
        var long = Set(wide.stdout.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0.count > 30 && $0.contains("/") && !$0.contains("`") })
        let quoted = wide.stdout.split(separator: "`", omittingEmptySubsequences: false)
        for (i, span) in quoted.enumerated() where i % 2 == 1 && i < quoted.count - 1 { long.insert("`\(span)`") }
        #expect(!long.isEmpty, "the output has no path, URL or command to check: \(wide.stdout.prefix(300))")
        for columns in ["80", "200", nil] {
            var e = env
            if let columns { e["COLUMNS"] = columns }
            let r = try jst(arguments, environment: e)
            let lines = r.stdout.split(separator: "\n").map(String.init)
            for word in long {
                #expect(lines.contains { $0.contains(word) }, "\(word) split or lost at \(columns ?? "a pipe")")
            }
            // Through a pipe tables keep whole names (no width); prose still wraps at 100.
            guard let width = columns.flatMap(Int.init) else { continue }
            #expect(lines.allSatisfy { fitsOrStandsAlone($0, width: width) }, "a line wider than \(width)")
        }
    }
}

@Suite("compare names a version that deploys")
struct CompareNewestDeployableTests {
    @Test("compare on a version with nothing deployable names the newest version that deploys (table and JSON)")
    func newest() throws {
        // In the bundled catalog Llama 2 7B chat's newest, 4.27.0, has no image for any of its
        // types; 4.3.0 is the newest whose default type deploys in us-east-1 (`show` says so too).
        let env = try emptyConfig().merging(["COLUMNS": "200"]) { $1 }
        let r = try jst(["compare", "meta-textgeneration-llama-2-7b-f"], environment: env)
        #expect(r.status == 0)
        #expect(r.stdout.contains("The newest version that does: 4.3.0 (`jumpstart-tui compare meta-textgeneration-llama-2-7b-f@4.3.0`)."))
        let json = try jst(["compare", "meta-textgeneration-llama-2-7b-f", "--format", "json"], environment: env)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["newestDeployableVersion"] as? String == "meta-textgeneration-llama-2-7b-f@4.3.0")
        let fine = try jst(["compare", "meta-textgeneration-llama-2-7b-f@4.3.0", "--format", "json"], environment: env)
        let fineObject = try JSONSerialization.jsonObject(with: Data(fine.stdout.utf8)) as? [String: Any]
        #expect(fineObject?["newestDeployableVersion"] is NSNull)
    }
}
