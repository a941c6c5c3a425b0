import Foundation
import Testing

/// The README's tour can't go stale: every ```console block that starts with `$ jumpstart-tui …`
/// is run as written and its output must match the block. RECORD_SNAPSHOTS=1 rewrites the blocks
/// (and fails, so a recording run is never mistaken for a pass).
@Suite("The README's tour")
struct ReadmeTests {
    struct Block {
        var command: String
        var expected: String
        /// The block's text range in the README, output included.
        var range: Range<String.Index>
    }

    static let readme = projectRoot.appendingPathComponent("README.md")

    static func blocks(in text: String) -> [Block] {
        var blocks: [Block] = []
        var search = text.startIndex..<text.endIndex
        while let open = text.range(of: "```console\n$ jumpstart-tui ", range: search) {
            let commandStart = text.index(open.lowerBound, offsetBy: "```console\n$ ".count)
            guard let commandEnd = text.range(of: "\n", range: commandStart..<text.endIndex),
                  let close = text.range(of: "```", range: commandEnd.upperBound..<text.endIndex) else { break }
            let command = String(text[commandStart..<commandEnd.lowerBound])
            let expected = String(text[commandEnd.upperBound..<close.lowerBound])
            blocks.append(Block(command: command, expected: expected, range: commandEnd.upperBound..<close.lowerBound))
            search = close.upperBound..<text.endIndex
        }
        return blocks
    }

    /// Splits a command line into words, honouring single and double quotes.
    static func words(_ line: String) -> [String] {
        var out: [String] = [], current = "", quote: Character? = nil, inWord = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == " " {
                if inWord { out.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { out.append(current) }
        return out
    }

    @Test("every command in the tour prints what the README shows")
    func tour() throws {
        var text = try String(contentsOf: Self.readme, encoding: .utf8)
        let blocks = Self.blocks(in: text)
        #expect(blocks.count >= 7, "the tour lost its commands")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        // The templates `cost --template` and `diff` read, where `cdk synth` would leave them.
        try FileManager.default.copyItem(at: projectRoot.appendingPathComponent("Tests/JumpStartCommandsTests/Fixtures/cdk"),
                                         to: work.appendingPathComponent("cdk.out"))
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        var outputs: [(Block, String)] = []
        for block in blocks {
            let args = Array(Self.words(block.command).dropFirst())
            let r = try jst(args, environment: ["COLUMNS": "100", "JUMPSTART_TUI_BUNDLED_DATA": "1"], cwd: work)
            #expect(r.status == 0, "\(block.command) failed: \(r.stderr)")
            let actual = r.stdout + r.stderr
            outputs.append((block, actual))
            if !record, actual != block.expected {
                let a = block.expected.split(separator: "\n", omittingEmptySubsequences: false)
                let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
                let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
                Issue.record("README block `\(block.command)` is stale at its output line \(line + 1): README has \"\(line < a.count ? String(a[line]) : "(end)")\", the program prints \"\(line < b.count ? String(b[line]) : "(end)")\". Re-run with RECORD_SNAPSHOTS=1 and read the diff.")
            }
        }
        if record {
            for (block, actual) in outputs.reversed() { text.replaceSubrange(block.range, with: actual) }
            try text.write(to: Self.readme, atomically: true, encoding: .utf8)
            Issue.record("rewrote the README's tour; read the diff, then run again without RECORD_SNAPSHOTS")
        }
    }
}
