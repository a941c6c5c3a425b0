import Foundation
import JumpStartCore
import JumpStartWizard
import Testing
import TerminalUI

/// Issue 13, items 3–5: reading the template whole, copying commands, saving.
@Suite("Reading, copying and saving")
struct ReadingAndCopyingTests {
    static let model = "huggingface-llm-mistral-7b-instruct@3.5.0"

    /// On the review step of a plain Mistral export.
    static func onReview(width: Int = 80, height: Int = 24) -> Pilot {
        var p = Pilot(width: width, height: height, start: StartingAnswers(model: model))
        p.press("enter enter enter enter")
        #expect(p.state.step == .review)
        return p
    }

    @Test("v shows the template full-screen; Space pages through it with every line exactly once, in order")
    func pagingWholeTemplate() throws {
        var p = Self.onReview()
        let yaml = try #require(p.state.rendering?.yaml)
        var expected = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if expected.last == "" { expected.removeLast() }
        p.press("v")
        #expect(p.state.viewer != nil)
        // Read every page off the screen: rows 1…22 at 80×24; lines wider than 80 end in ›.
        var seen: [String] = []
        for _ in 0..<(expected.count / 22 + 2) {
            let rows = p.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let title = rows[0]
            let range = try #require(title.range(of: #"lines (\d+)–(\d+) of"#, options: .regularExpression))
            let numbers = title[range].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            let (first, last) = (numbers[0], numbers[1])
            if seen.count >= last { break }  // the last page again: done
            #expect(first == seen.count + 1, "page starts at line \(first) after \(seen.count) lines seen")
            seen += rows[1...(last - first + 1)].map { $0.trimmingCharacters(in: .whitespaces) }
            p.press("space")
        }
        #expect(seen.count == expected.count)
        for (i, (shown, line)) in zip(seen, expected).enumerated() {
            let full = line.trimmingCharacters(in: .whitespaces)
            #expect(shown == full || (shown.hasSuffix("›") && full.hasPrefix(String(shown.dropLast()).trimmingCharacters(in: .whitespaces))), "line \(i + 1)")
        }
    }

    @Test("/ searches (case-insensitive), n and N go to the next and previous match; → and $ scroll sideways")
    func searchAndSideways() throws {
        var p = Self.onReview()
        let lines = try #require(p.state.rendering?.yaml).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let matches = lines.indices.filter { lines[$0].lowercased().contains("endpointname") }
        #expect(matches.count >= 2)
        p.press("v /")
        p.type("EndpointName")
        p.press("enter")
        #expect(p.state.viewer?.matchLine == matches[0])
        #expect(p.state.flash == "\"EndpointName\": line \(matches[0] + 1) of \(lines.count - (lines.last == "" ? 1 : 0))")
        p.press("n")
        #expect(p.state.viewer?.matchLine == matches[1])
        p.press("N")
        #expect(p.state.viewer?.matchLine == matches[0])
        p.press("/")
        p.type("no such text anywhere")
        p.press("enter")
        #expect(p.state.flash == "\"no such text anywhere\" is not in the text.")
        p.press("right right")
        #expect(p.state.viewer?.left == 16)
        p.press("0")
        #expect(p.state.viewer?.left == 0)
        let longest = lines.map(\.count).max()!
        p.press("$")
        #expect(p.state.viewer?.left == max(0, longest - 80))
        p.press("q")
        #expect(p.state.viewer == nil && p.state.step == .review)
    }

    @Test("y copies: the whole template in the viewer, the command line on the review")
    func copy() throws {
        var p = Self.onReview()
        let r = try #require(p.state.rendering)
        p.press("y")
        #expect(p.effects.last == .copyToClipboard(r.exportCommand))
        #expect(p.state.flash?.contains("OSC 52") == true)
        p.press("v y")
        #expect(p.effects.last == .copyToClipboard(r.yaml))
    }

    @Test("once written: Enter finishes, v shows every step whole, y copies the deploy command, e edits the path")
    func afterWriting() throws {
        var p = Self.onReview()
        p.press("enter")
        p.state.exportPath = TextFieldState(text: "out.yaml")
        p.press("enter")
        #expect(p.effects.last == .checkExportTarget(path: "out.yaml"))
        p.send(.exportTargetChecked(path: "out.yaml", exists: false))
        p.send(.templateWritten(path: "out.yaml"))
        #expect(p.screen().split(separator: "\n").last?.contains("Enter finish") == true)
        p.press("y")
        guard case .copyToClipboard(let deploy)? = p.effects.last else { Issue.record("no copy: \(p.effects)"); return }
        #expect(deploy.hasPrefix("aws cloudformation deploy --template-file out.yaml --stack-name jumpstart-"))
        #expect(!deploy.contains("\n"))
        p.press("v")
        let viewer = try #require(p.state.viewer)
        #expect(viewer.lines.contains { $0.hasSuffix(deploy) }, "the deploy command whole on one line")
        #expect(viewer.copyText.split(separator: "\n").count == 5)  // quota, deploy, invoke, delete-stack, delete-log-group
        p.press("esc e")
        #expect(p.state.exportedPath == nil)
        p.press("x")
        #expect(p.state.exportPath.text == "out.yamlx")
        p.state.exportedPath = "out.yaml"
        p.press("enter")
        #expect(p.state.quitting && p.effects.last == .quit)
    }

    @Test("the export screen never breaks a command: one line each, ending in … where it goes on")
    func commandsWhole() {
        var p = Self.onReview()
        p.press("enter")
        p.send(.templateWritten(path: "out.yaml"))
        let rows = p.screen().split(separator: "\n").map(String.init)
        let deployRow = rows.first { $0.contains("aws cloudformation deploy") }
        #expect(deployRow?.hasSuffix("…│") == true)
        // No row holds the rest of a command (the stack name's continuation, a lone flag).
        #expect(!rows.contains { $0.hasPrefix("│--") || $0.contains("│CAPABILITY") })
    }

    @Test("a failed write says the path and reason once")
    func writeFailure() {
        var p = Self.onReview()
        p.press("enter")
        p.send(.templateWriteFailed(path: "/x/t.yaml", message: "Can't write /x/t.yaml: permission denied."))
        #expect(p.state.overlay == .alert("Can't write /x/t.yaml: permission denied."))
    }

    @Test("reopened from a file, the export step offers to write it back there")
    func savePathFromFile() {
        var answers = ExportAnswers.empty()
        answers.modelReference = Self.model
        answers.region = "us-east-1"
        answers.chosenType = "ml.g5.2xlarge"
        var (state, _) = Wizard.reopen(answers, size: Size(width: 80, height: 24), services: services, load: Pilot.loader(services), savePath: "prod/mistral.yaml")
        _ = Wizard.reduce(&state, .keyPressed(.enter), services)
        #expect(state.step == .export && state.exportPath.text == "prod/mistral.yaml")
    }

    @Test("PgDn on the review's template pane goes on from the line after the last one shown")
    func reviewPaging() throws {
        var p = Self.onReview()
        func shown() throws -> (Int, Int) {
            let title = try #require(p.screen().split(separator: "\n").first { $0.contains("YAML (t)") })
            let range = try #require(title.range(of: #"lines (\d+)–(\d+)"#, options: .regularExpression))
            let n = title[range].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            return (n[0], n[1])
        }
        let (_, lastBefore) = try shown()
        p.press("pgdn")
        let (firstAfter, _) = try shown()
        #expect(firstAfter == lastBefore + 1)
        p.press("pgup")
        #expect(try shown().0 == 1)
    }

    @Test("at 80 columns every step's footer says how to quit and how to get help", arguments: [80, 120])
    func footerQuits(width: Int) {
        var p = Pilot(width: width, height: 24, start: StartingAnswers(model: Self.model))
        for _ in 0..<6 {
            let footer = p.screen().split(separator: "\n").last.map(String.init) ?? ""
            #expect(footer.contains("quit") && footer.contains("help"), "\(p.state.step): \(footer)")
            p.press("enter")
        }
    }
}

@Suite("The EULA address")
struct EulaAddressTests {
    @Test("the address is never broken: one line, and v on the EULA field shows it whole; y copies it")
    func eula() throws {
        var p = Pilot(start: StartingAnswers(model: "meta-textgeneration-llama-2-7b-f@4.3.0"))
        p.press("enter enter enter")
        #expect(p.state.step == .options)
        let url = try #require(p.state.eulaURL)
        let rows = p.screen().split(separator: "\n").map(String.init)
        // Its start on one row, and no row holding only its end.
        #expect(rows.contains { $0.contains(String(url.prefix(60))) })
        #expect(!rows.contains { $0.contains("eula/") && !$0.contains("https://") })
        p.state.optionFocus = .eula
        p.press("v")
        #expect(p.state.viewer?.lines == [url])
        p.press("y")
        #expect(p.effects.last == .copyToClipboard(url))
    }
}

@Suite("The resource graph at 200 columns")
struct WideGraphTests {
    @Test("every arrow's label is whole at 200×50")
    func labels() {
        var p = Pilot(width: 200, height: 50, start: StartingAnswers(model: "huggingface-llm-mistral-7b-instruct@3.5.0"))
        p.press("enter enter enter enter")
        #expect(p.state.step == .review)
        let screen = p.screen()
        // The references the template's resources carry, as the graph names them.
        for label in ["Fn::GetAtt ExecutionRole.Arn → ExecutionRoleArn",
                      "Fn::GetAtt Model.ModelName → ProductionVariants[0].ModelName",
                      "Fn::GetAtt EndpointConfig.EndpointConfigName → EndpointConfigName"] {
            #expect(screen.contains(label), "\(label)")
        }
    }
}
