import Foundation
import JumpStartCore
import JumpStartWizard
import Testing
import TerminalUI

/// The tar-gz golden template (gpt-neo-125m@1.3.0, 1 × ml.g5.4xlarge in us-east-1) with
/// replacements made in its Resources only, as a person editing the file does.
func editedGolden(_ edits: [(String, String)]) throws -> String {
    let text = try String(contentsOf: projectRoot.appendingPathComponent("Tests/JumpStartCommandsTests/Golden/tar-gz.yaml"), encoding: .utf8)
    let start = try #require(text.range(of: "\nResources:\n")).lowerBound
    var resources = String(text[start...])
    for (from, to) in edits {
        #expect(resources.contains(from))
        resources = resources.replacingOccurrences(of: from, with: to)
    }
    return String(text[..<start]) + resources
}

/// The wizard reopened on an edited template as `jumpstart-tui --from edited.yaml` opens it.
func reopenEdited(_ edits: [(String, String)], width: Int = 80, height: Int = 24, discarding: Bool = false) throws -> Pilot {
    let text = try editedGolden(edits)
    let answers = try TemplateMetadata.answers(fromTemplate: text, path: "edited.yaml").get()
    let found = try TemplateEdits.find(in: text, path: "edited.yaml", answers: answers, catalog: services.catalog).get()
    var p = Pilot(width: width, height: height)
    (p.state, _) = Wizard.reopen(found.answers, edits: found, path: "edited.yaml", discardingEdits: discarding, size: Size(width: width, height: height),
                                 services: services, load: Pilot.loader(services))
    return p
}

@Suite("Reopening a template edited by hand")
struct HandEditReopenTests {
    let variantEdit = ("VariantName: AllTraffic", "VariantName: Blue")
    let countEdit = ("InitialInstanceCount: 1", "InitialInstanceCount: 3")

    @Test("an edited InitialInstanceCount is read back into the count and said in the status line, with no question")
    func countReadBack() throws {
        let p = try reopenEdited([countEdit])
        #expect(p.state.step == .review && p.state.overlay == nil)
        #expect(p.state.answers.capacity == .fixed(3))
        #expect(p.state.flash == "Read back from edited.yaml's hand edits: --count 3.")
        #expect(p.state.rendering?.yaml.contains("InitialInstanceCount: 3\n") == true)
        // The file on disk says 3 in its Resources and 1 in its answers: quitting must ask.
        #expect(p.state.hasUnsavedAnswers)
        #expect(p.screen().contains("Read back from edited.yaml's hand edits: --count 3."))
    }

    @Test("an edit no answer holds is listed with a question; y goes on without it, keeping what was read back")
    func askAndGoOn() throws {
        var p = try reopenEdited([variantEdit, countEdit])
        let lost = TemplateEdit(path: "EndpointConfig.Properties.ProductionVariants[0].VariantName", templateValue: "Blue", answerValue: "AllTraffic")
        guard case let .confirmDiscardEdits(path, edits, readBack)? = p.state.overlay else {
            Issue.record("no question: \(String(describing: p.state.overlay))")
            return
        }
        #expect(path == "edited.yaml" && edits == [lost])
        #expect(readBack.map(\.answer) == ["--count 3"])
        // Other keys don't answer it.
        p.press("enter down t")
        #expect(p.state.overlay != nil && p.state.step == .review)
        p.press("y")
        #expect(p.state.overlay == nil && !p.state.quitting && p.effects.isEmpty)
        #expect(p.state.flash == "Dropped 1 hand edit of edited.yaml; export writes what the answers build.")
        #expect(p.state.rendering?.yaml.contains("- VariantName: AllTraffic\n") == true)
        #expect(p.state.answers.capacity == .fixed(3))
    }

    @Test("n, Esc or q quits without opening anything, and says the file was left as it is", arguments: ["n", "escape", "q"])
    func askAndQuit(_ key: String) throws {
        var p = try reopenEdited([variantEdit])
        p.press(key)
        #expect(p.state.quitting && p.effects == [.quit])
        #expect(p.state.exitMessage == "edited.yaml was left as it is, with its hand edits. Make them with export's options instead (see jumpstart-tui export --help), or reopen it and answer y to drop them.")
    }

    @Test("--discard-edits drops them without a question, and says so")
    func discarding() throws {
        let p = try reopenEdited([variantEdit, countEdit], discarding: true)
        #expect(p.state.overlay == nil && p.state.step == .review)
        #expect(p.state.flash == "Dropped 1 hand edit of edited.yaml; export writes what the answers build. Read back from edited.yaml's hand edits: --count 3.")
        #expect(p.state.rendering?.yaml.contains("- VariantName: AllTraffic\n") == true)
    }

    @Test("the question, as the person sees it at 80×24 and 120×40")
    func snapshots() throws {
        let edits = [variantEdit, countEdit, ("EnableNetworkIsolation: true", "EnableNetworkIsolation: false")]
        assertSnapshot(try reopenEdited(edits).screen(), named: "hand-edits-question-80x24")
        assertSnapshot(try reopenEdited(edits, width: 120, height: 40).screen(), named: "hand-edits-question-120x40")
    }

    @Test("a list longer than the screen gives way to the question, which stays on screen")
    func longList() throws {
        let edits = [variantEdit, ("EnableNetworkIsolation: true", "EnableNetworkIsolation: false"),
                     ("InitialVariantWeight: 1", "InitialVariantWeight: 2"), ("Action: sts:AssumeRole", "Action: sts:TagSession"),
                     ("Service: sagemaker.amazonaws.com", "Service: ec2.amazonaws.com"), ("Effect: Allow", "Effect: Deny"),
                     ("Version: '2012-10-17'", "Version: '2008-10-17'"), ("ModelDataUrl: s3://", "ModelDataUrl: s3://copy-")]
        let screen = try reopenEdited(edits).screen()
        #expect(screen.contains("y goes on without them · n, Esc or q quits and leaves the file as it is"))
        #expect(screen.contains("more lines: jumpstart-tui export --from edited.yaml lists every edit"))
    }
}
