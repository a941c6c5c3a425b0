import Foundation
import JumpStartCore
import JumpStartWizard
import Testing
import TerminalUI

/// Issue 13, items 2, 6 and 7: versions that deploy, jumping between steps, keyboard habits.
@Suite("Jumping, versions and keys")
struct JumpingAndKeysTests {
    static let mistral = "huggingface-llm-mistral-7b-instruct@3.5.0"
    static let llama = "meta-textgeneration-llama-2-7b-f"

    static func reopened() -> Pilot {
        var answers = ExportAnswers.empty()
        answers.modelReference = mistral
        answers.region = "us-east-1"
        answers.chosenType = "ml.g5.2xlarge"
        var p = Pilot()
        (p.state, _) = Wizard.reopen(answers, size: Size(width: 80, height: 24), services: services, load: Pilot.loader(services))
        return p
    }

    @Test("a digit jumps to a reached step: --from, 2, a new type, 6 — the review shows the new type")
    func digitsJump() throws {
        var p = Self.reopened()
        #expect(p.state.step == .review)
        p.press("2")
        #expect(p.state.step == .instance)
        let other = try #require(p.state.instanceRows.firstIndex { $0.deploys && $0.instanceType != "ml.g5.2xlarge" })
        p.state.instanceSelection = other
        let type = p.state.instanceRows[other].instanceType
        p.press("enter")
        #expect(p.state.step == .count)
        // On the capacity step digits are the count: Ctrl-G first.
        p.press("6")
        #expect(p.state.step == .count && p.state.answers.instanceCount == 6)
        p.press("1 ctrl-g 6")
        #expect(p.state.step == .review)
        #expect(p.state.rendering?.yaml.contains("InstanceType: \(type)") == true)
    }

    @Test("Ctrl-G makes the step list navigable: ↑↓ and Enter; a step not reached is refused")
    func stepList() {
        var p = Pilot(start: StartingAnswers(model: Self.mistral))
        p.press("enter")  // instance → capacity
        #expect(p.state.step == .count)
        p.press("ctrl-g")
        #expect(p.state.jumpCursor == .count)
        #expect(p.screen().split(separator: "\n").last?.contains("go to step") == true)
        p.press("up up enter")
        #expect(p.state.step == .model && p.state.jumpCursor == nil)
        p.press("ctrl-g 7")
        #expect(p.state.step == .model)
        #expect(p.state.flash == "Step 7 (Export) is not reached yet: Enter goes on from here.")
    }

    @Test("the filter takes name@version and a bare version, searching every version")
    func versionFilter() {
        var p = Pilot()
        p.type("llama-2-7b-f@2.0")
        #expect(p.state.allVersions)
        #expect(p.screen().contains("meta-textgeneration-llama-2-7b-f"))
        let names = p.screen().split(separator: "\n").filter { $0.contains("llama-2-7b-f") && !$0.contains("Filter:") }
        #expect(!names.isEmpty && names.allSatisfy { $0.contains("2.0.") })
        var q = Pilot()
        q.type("mistral 3.5.0")
        #expect(q.state.matches.count >= 1)
        #expect(q.screen().contains("mistral-7b-instruct"))
    }

    @Test("Ctrl-N on a version that doesn't deploy chooses the newest one that does; the footer offers it")
    func newestDeployable() throws {
        var p = Pilot()
        p.type(Self.llama)
        p.press("down")  // to the list
        let footer = p.screen().split(separator: "\n").last.map(String.init) ?? ""
        let newest = try #require(try services.catalog.newestDeployableVersion(of: Self.llama, region: "us-east-1"))
        let selected = try #require(p.state.matches.first)
        _ = selected
        #expect(footer.contains("Ctrl-N"), "footer: \(footer)")
        p.press("ctrl-n")
        #expect(p.state.step == .instance)
        #expect(p.state.entry?.reference == newest.reference)
        #expect(p.state.flash == "Switched to \(newest.reference), the newest version that deploys in us-east-1.")
        p.press("n")
        #expect(p.state.flash == "\(newest.reference) is already the newest version that deploys in us-east-1.")
    }

    @Test("? is help in the model filter even after typing and erasing")
    func questionMarkIsHelp() {
        var p = Pilot()
        p.type("ll")
        p.press("backspace backspace ?")
        #expect(p.state.overlay == .help)
        #expect(p.state.filter.text == "")
    }

    @Test("the region picker finds a region by typing its city or part of its code")
    func regionTypeAhead() {
        var p = Pilot()
        p.press("ctrl-r")
        p.type("frank")
        guard case .regionPicker(let selected, let typed)? = p.state.overlay else { Issue.record("no picker"); return }
        #expect(services.catalog.regions.names[selected] == "eu-central-1" && typed == "frank")
        #expect(p.screen().contains("EU (Frankfurt)"))
        p.press("esc ctrl-r")
        p.type("eu-c")
        p.press("enter")
        #expect(p.state.answers.region == "eu-central-1")
        p.press("ctrl-r")
        p.type("tokyo")
        p.press("enter")
        #expect(p.state.answers.region == "ap-northeast-1")
    }

    @Test("lists: Space and PgDn page, PgUp goes back, g and G go to the ends")
    func listKeys() {
        var p = Pilot(start: StartingAnswers(model: Self.mistral))
        #expect(p.state.step == .instance)
        let last = p.state.instanceRows.count - 1
        p.press("G")
        #expect(p.state.instanceSelection == last)
        p.press("g")
        #expect(p.state.instanceSelection == 0)
        p.press("pgdn")
        #expect(p.state.instanceSelection == min(last, 17))  // a page of the 80×24 table: its 19 rows less one
        p.press("pgup")
        #expect(p.state.instanceSelection == 0)
        p.press("space")
        #expect(p.state.instanceSelection == min(last, 17))
    }

    @Test("a pasted KEY=VALUE in the name field is split into name and value")
    func pastedVariable() {
        var p = Pilot(start: StartingAnswers(model: Self.mistral))
        p.press("enter enter a")
        #expect(p.state.envEditor != nil)
        p.type("MAX_TOTAL_TOKENS=4096")
        #expect(p.state.envEditor?.name.text == "MAX_TOTAL_TOKENS")
        #expect(p.state.envEditor?.value.text == "4096")
        p.press("enter")
        #expect(p.state.answers.environment.contains(EnvironmentVariable(name: "MAX_TOTAL_TOKENS", value: .string("4096"))))
    }

    @Test("help never cuts its lines: every word of every key's help is on the screen")
    func helpWraps() {
        var p = Pilot(start: StartingAnswers(model: Self.mistral))
        p.press("?")
        let screen = p.screen()
        let words = Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" }).map(String.init))
        for b in Keymap.bindings(for: .instance) + Keymap.globals(for: .instance) {
            for word in b.help.split(separator: " ") {
                #expect(words.contains(String(word)), "\(word) of \"\(b.help)\"")
            }
        }
    }
}
