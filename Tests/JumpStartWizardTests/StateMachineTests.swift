import Foundation
import JumpStartCore
import JumpStartWizard
import Testing
import TerminalUI

@Suite("The wizard's state machine")
struct StateMachineTests {
    /// A pilot at the instance step of a model that deploys in us-east-1.
    func atInstanceStep(_ model: String = "huggingface-llm-mistral-7b-instruct@3.5.0") -> Pilot {
        Pilot(start: StartingAnswers(model: model))
    }

    // MARK: Model step

    @Test("typing filters the model list by every word, and the selection stays in range")
    func typingFilters() {
        var p = Pilot()
        let all = p.state.matches.count
        #expect(all == 341)
        p.type("llama 2 7b")
        #expect(p.state.filterFocused)
        #expect(p.state.filter.text == "llama 2 7b")
        #expect(p.state.matches.count == 5)
        #expect(p.state.modelSelection < p.state.matches.count)
        p.press("backspace backspace")
        #expect(p.state.matches.count > 5)
    }

    @Test("typing a name that starts with q or r filters: it never quits or opens the region picker")
    func qAndRType() {
        var p = Pilot()
        p.type("qwen")
        #expect(p.effects.isEmpty && p.state.overlay == nil && p.state.filter.text == "qwen")
        #expect(p.state.matches.count > 0)
        p.press("esc esc")
        p.type("rinna")
        #expect(p.state.overlay == nil && p.state.filter.text == "rinna")
        p.press("esc ctrl-r")
        guard case .regionPicker = p.state.overlay else { Issue.record("Ctrl-R must open the region picker"); return }
    }

    @Test("j and k move the list when the filter isn't being typed; / starts the filter")
    func moving() {
        var p = Pilot()
        p.press("j j j k")
        #expect(p.state.modelSelection == 2)
        p.press("end")
        #expect(p.state.modelSelection == 340)
        p.press("home / j")
        #expect(p.state.filter.text == "j" && p.state.modelSelection == 0)
    }

    @Test("Esc clears the filter")
    func escClears() {
        var p = Pilot()
        p.type("qwen")
        p.press("esc")
        #expect(p.state.filter.text.isEmpty && p.state.matches.count == 341)
    }

    @Test("Tab toggles every version and keeps the model under the selection")
    func allVersions() {
        var p = Pilot()
        p.type("mistral-7b-instruct")
        let before = p.state.matches.count
        p.press("tab")
        #expect(p.state.allVersions && p.state.matches.count > before)
        p.press("tab")
        #expect(!p.state.allVersions && p.state.matches.count == before)
    }

    @Test("choosing a model that deploys nowhere here is refused with the version that does")
    func refusesUndeployable() {
        var p = Pilot()
        p.type("huggingface-llm-mistral-7b-instruct")
        p.press("enter")
        #expect(p.state.step == .model)
        guard case .alert(let message) = p.state.overlay else { Issue.record("no alert"); return }
        #expect(message.contains("3.5.0"))
        p.press("enter")
        #expect(p.state.overlay == nil)
    }

    @Test("Enter on a model goes to the instance step with the default type selected")
    func chooseModel() {
        var p = Pilot()
        p.type("huggingface-llm-phi-2")
        p.press("enter")
        #expect(p.state.step == .instance)
        #expect(p.state.answers.modelReference.hasPrefix("huggingface-llm-phi-2@"))
        #expect(p.state.answers.endpointText == "huggingface-llm-phi-2")
        let row = p.state.instanceRows[p.state.instanceSelection]
        #expect(row.isDefault)
    }

    // MARK: Instance step

    @Test("instance rows: every supported type, unknown prices last, default and cheapest marked")
    func instanceRows() {
        let p = atInstanceStep("meta-textgeneration-llama-2-7b-f@2.0.2")
        #expect(p.state.instanceRows.map(\.instanceType).sorted() == ["ml.g5.12xlarge", "ml.g5.24xlarge", "ml.g5.2xlarge", "ml.g5.48xlarge", "ml.g5.4xlarge", "ml.g5.8xlarge", "ml.p4d.24xlarge"])
        let known = p.state.instanceRows.prefix { $0.cost.known }
        #expect(p.state.instanceRows.dropFirst(known.count).allSatisfy { !$0.cost.known })
        #expect(zip(known, known.dropFirst()).allSatisfy { $0.cost.monthlyAmount! <= $1.cost.monthlyAmount! })
        #expect(p.state.instanceRows.filter(\.isDefault).map(\.instanceType) == ["ml.g5.2xlarge"])
        #expect(p.state.instanceRows.filter(\.isCheapest).count == 1)
    }

    @Test("types that can't deploy can't be chosen")
    func undeployableType() throws {
        var p = atInstanceStep("meta-textgeneration-llama-2-7b-f@4.3.0")
        // A gated model has no bucket in cn-north-1: after the region changes, no row deploys.
        let names = services.catalog.regions.names
        p.press("r home")
        for _ in 0..<names.firstIndex(of: "cn-north-1")! { p.press("down") }
        p.press("enter")
        #expect(p.state.answers.region == "cn-north-1")
        #expect(p.state.instanceRows.allSatisfy { !$0.deploys && $0.problem == "no gated bucket in cn-north-1" })
        p.press("enter")
        #expect(p.state.step == .instance)
        #expect(p.state.answers.chosenType.isEmpty)
        #expect(p.state.flash?.contains("can't be chosen") == true)
    }

    @Test("s sorts by name and back by price")
    func sort() {
        var p = atInstanceStep()
        p.press("s")
        #expect(p.state.instanceSort == .name)
        // Written out, not the reducer's comparator: numbers in names in numeric order.
        #expect(p.state.instanceRows.map(\.instanceType) == [
            "ml.g5.2xlarge", "ml.g5.4xlarge", "ml.g5.8xlarge", "ml.g5.12xlarge", "ml.g5.24xlarge", "ml.g5.48xlarge",
            "ml.g6.2xlarge", "ml.g6.12xlarge", "ml.p4d.24xlarge", "ml.p4de.24xlarge", "ml.p5.48xlarge",
        ])
        p.press("s")
        #expect(p.state.instanceSort == .price)
    }

    @Test("choosing a type sets the estimate to the core's figure")
    func estimate() {
        var p = atInstanceStep()
        p.press("home enter")
        #expect(p.state.step == .count)
        // The cheapest row is selected: ml.g6.2xlarge, bundled $1.222/h × 730 h = $892.06 (worked out by
        // hand, not by the closure the reducer calls).
        #expect(p.state.answers.chosenType == "ml.g6.2xlarge")
        #expect(p.state.estimate?.monthly == "$892.06")
    }

    // MARK: Count step

    @Test("the count moves with keys and typing, stays in 1…1000, and the cost follows")
    func count() {
        var p = atInstanceStep()
        p.press("enter")
        p.press("+ +")
        #expect(p.state.answers.instanceCount == 3)
        #expect(p.state.answers.chosenType == "ml.g5.12xlarge")
        #expect(p.state.estimate?.monthly == "$15,527.10")  // 3 × $7.09 × 730
        p.press("- - - -")
        #expect(p.state.answers.instanceCount == 1)
        #expect(p.state.flash?.contains("At least 1") == true)
        p.press("backspace 1 2")
        #expect(p.state.answers.instanceCount == 12)
        #expect(p.state.flash?.contains("around the clock") == true)
        p.press("backspace backspace 0")
        #expect(p.state.answers.instanceCount == 1 && p.state.countField.text.isEmpty)
        #expect(p.state.flash?.contains("from 1 to 1000") == true)
        p.press("enter")
        #expect(p.state.step == .count)
        p.press("backspace 2 enter")
        #expect(p.state.answers.instanceCount == 2 && p.state.step == .environment)
        // Back on the step, the first digit replaces the count; a count past 1000 is refused as typed.
        p.press("esc 7")
        #expect(p.state.answers.instanceCount == 7 && p.state.countField.text == "7")
        p.press("+ 9 9 9 9")
        #expect(p.state.answers.instanceCount == 999 && p.state.countField.text == "999")
    }

    // MARK: Environment step

    @Test("adding, editing and deleting variables; invalid names refused inline")
    func environment() {
        var p = atInstanceStep()
        p.press("enter enter")
        #expect(p.state.step == .environment)
        p.press("a")
        p.type("1BAD")
        #expect(p.state.envEditor?.error?.contains("is not valid") == true)
        p.press("enter enter")
        #expect(p.state.envEditor != nil && p.state.answers.environment.isEmpty)
        p.press("tab ctrl-u")
        p.type("MY_FLAG")
        p.press("tab")
        p.type("on")
        p.press("enter")
        #expect(p.state.envEditor == nil)
        #expect(p.state.answers.environment == [EnvironmentVariable(name: "MY_FLAG", value: .string("on"))])
        // Override a catalog default.
        p.press("home e")
        #expect(p.state.envEditor?.original != nil)
        p.press("esc")
        #expect(p.state.envEditor == nil)
        // Deleting a catalog value is refused; deleting the user's works.
        p.press("home d")
        #expect(p.state.flash?.contains("comes from the catalog") == true)
    }

    @Test("model packages explain why there is no environment")
    func packageEnvironment() {
        var p = atInstanceStep("meta-textgeneration-llama-2-7b-f@2.0.2")
        p.press("enter enter a")
        #expect(p.state.envEditor == nil)
        #expect(p.state.flash?.contains("no environment") == true)
    }

    // MARK: Options step

    @Test("options are validated as typed and block Enter until fixed")
    func options() {
        var p = atInstanceStep()
        p.press("enter enter enter")
        #expect(p.state.step == .options)
        p.press("ctrl-u")
        p.type("bad_name!")
        #expect(p.state.optionErrors[.endpointName] != nil)
        p.press("enter")
        #expect(p.state.step == .options)
        p.press("ctrl-u")
        p.type("my-endpoint")
        #expect(p.state.optionErrors[.endpointName] == nil && p.state.answers.endpointText == "my-endpoint")
        p.press("down ctrl-u")
        p.type("30")
        #expect(p.state.optionErrors[.healthCheckTimeout] != nil)
        p.press("ctrl-u")
        p.type("900")
        #expect(p.state.answers.healthCheckTimeout == 900)
        p.press("down space space")
        #expect(p.state.answers.roleForm == .existing)
        p.press("down")
        #expect(p.state.optionFocus == .roleArn)
        p.type("arn:aws:iam::123456789012:role/Good")
        #expect(p.state.answers.roleArn == "arn:aws:iam::123456789012:role/Good")
        p.press("down")
        p.type("subnet-0123abcd")
        #expect(p.state.optionErrors[.securityGroups]?.hasPrefix("VPC:") == true)
        p.press("down")
        p.type("sg-0123abcd")
        #expect(p.state.optionErrors[.subnets] == nil && p.state.optionErrors[.securityGroups] == nil)
        p.press("enter")
        #expect(p.state.step == .review)
    }

    @Test("a model that needs a EULA can't go past options until it is accepted")
    func eula() {
        var p = atInstanceStep("meta-textgeneration-llama-2-7b-f@4.3.0")
        p.press("enter enter enter enter")
        #expect(p.state.step == .options)
        #expect(p.state.optionFocus == .eula)
        p.press("space enter")
        #expect(p.state.answers.acceptEula && p.state.step == .review)
    }

    // MARK: Going back, region, quitting

    @Test("Esc goes back one step keeping the answers, and Enter comes forward again")
    func back() {
        var p = atInstanceStep()
        p.press("enter + enter")
        #expect(p.state.step == .environment)
        p.press("esc esc")
        #expect(p.state.step == .instance && p.state.answers.instanceCount == 2)
        p.press("enter")
        #expect(p.state.step == .count && p.state.countField.text == "2")
    }

    @Test("changing region re-checks the instance rows and the estimate")
    func region() {
        var p = atInstanceStep()
        p.press("enter")
        let type = p.state.answers.chosenType
        p.press("r")
        guard case .regionPicker = p.state.overlay else { Issue.record("no picker"); return }
        p.press("home enter")
        #expect(p.state.answers.region == "af-south-1")
        // The bundled table prices nothing in af-south-1: every figure turns unknown, with the region named.
        #expect(p.state.answers.chosenType == type)
        #expect(p.state.estimate?.known == false)
        #expect(p.state.estimate?.reason == "no price for \(type) in af-south-1")
        #expect(!p.state.instanceRows.isEmpty && p.state.instanceRows.allSatisfy { !$0.cost.known })
    }

    @Test("q asks first when answers aren't exported; Ctrl-C quits at once")
    func quit() {
        var p = atInstanceStep()
        p.press("q")
        #expect(p.state.overlay == .confirmQuit && p.effects.isEmpty)
        p.press("n")
        #expect(p.state.overlay == nil)
        p.press("q y")
        #expect(p.effects == [.quit])
        var fresh = Pilot()
        fresh.press("ctrl-c")
        #expect(fresh.effects == [.quit])
        // On the model list q is a letter of a name (qwen); Esc on an empty filter quits there.
        var clean = Pilot()
        clean.press("esc")
        #expect(clean.effects == [.quit])
    }

    @Test("? opens help for the step, listing every key of its keymap")
    func help() {
        var p = atInstanceStep()
        p.press("?")
        #expect(p.state.overlay == .help)
        // Each key's help, wrapped under itself in the panel: read back as one run of words.
        let screen = p.screen().split(separator: "\n").map { $0.replacingOccurrences(of: "│", with: " ").trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
        for b in Keymap.bindings(for: .instance) + Keymap.global { #expect(screen.contains(b.keyLabel + " " + b.help)) }
        p.press("esc")
        #expect(p.state.overlay == nil)
    }

    // MARK: Review and export

    @Test("review shows the template; Enter asks to check the path; an existing file needs a yes")
    func export() {
        var p = atInstanceStep()
        p.press("enter enter enter enter")
        #expect(p.state.step == .review)
        #expect(p.state.rendering?.yaml.contains("AWS::SageMaker::Endpoint") == true)
        p.press("t")
        #expect(p.state.reviewJSON)
        p.press("enter")
        #expect(p.state.step == .export)
        #expect(p.state.exportPath.text == "jumpstart-\(p.state.answers.endpointText).yaml")
        p.press("enter")
        #expect(p.effects == [.checkExportTarget(path: p.state.exportPath.text)])
        p.send(.exportTargetChecked(path: "t.yaml", exists: true))
        #expect(p.state.overlay == .confirmOverwrite(path: "t.yaml"))
        p.press("n")
        #expect(p.effects.count == 1)
        // A device, a FIFO, a folder: never offered for overwriting, whatever the answer.
        p.send(.exportTargetChecked(path: "/dev/null", exists: true, refusal: TemplateFileError.notRegularFile(path: "/dev/null", kind: "a character device").description))
        guard case .alert(let why)? = p.state.overlay else { Issue.record("a device must be refused with an alert"); return }
        #expect(why.contains("/dev/null is a character device, not a regular file") && !why.contains("--force"))
        #expect(p.effects.count == 1)
        p.press("enter")
        p.send(.exportTargetChecked(path: "t.yaml", exists: false))
        #expect(p.effects.last == .writeTemplate(path: "t.yaml", contents: p.state.rendering!.yaml))
        p.send(.templateWritten(path: "t.yaml"))
        #expect(p.state.exportedPath == "t.yaml" && !p.state.hasUnsavedAnswers)
        #expect(p.state.nextSteps?.map(\.kind) == [.quota, .deploy, .invoke, .cleanUp])
        #expect(p.state.nextSteps?.first { $0.kind == .deploy }?.commands.first?.hasPrefix("aws cloudformation deploy --template-file t.yaml") == true)
        // The screen numbers the steps it lists after the deploy command 1, 2, 3: no gap.
        let screen = p.screen()
        #expect(screen.contains("1. Check the service quota") && screen.contains("2. Invoke it") && !screen.contains("4. Clean up"), "\(screen)")
        p.press("q")
        #expect(p.effects.last == .quit)
    }

    @Test("below 80×24 keys wait, and a resize back resumes")
    func tooSmall() {
        var p = atInstanceStep()
        p.send(.resized(Size(width: 60, height: 20)))
        p.press("enter")
        #expect(p.state.step == .instance)
        #expect(p.screen().contains("Terminal too small"))
        p.send(.resized(Size(width: 80, height: 24)))
        p.press("enter")
        #expect(p.state.step == .count)
    }

    @Test("starting answers from the command line are applied as if typed")
    func startingAnswers() {
        let p = Pilot(start: StartingAnswers(model: "huggingface-llm-mistral-7b-instruct@3.5.0", instanceType: "ml.g5.2xlarge", count: 3))
        #expect(p.state.step == .count && p.state.answers.chosenType == "ml.g5.2xlarge" && p.state.answers.instanceCount == 3)
        let bad = Pilot(start: StartingAnswers(model: "no-such-model", count: 0))
        guard case .alert(let message) = bad.state.overlay else { Issue.record("no alert"); return }
        #expect(message.contains("No model named no-such-model") && message.contains("out of range"))
    }
}

@Suite("Reopening and re-checking")
struct ReopenTests {
    @Test("--from reopens on the review with every answer, and writes the same template export would")
    func reopen() throws {
        var answers = ExportAnswers.empty()
        answers.modelReference = "huggingface-llm-mistral-7b-instruct@3.5.0"
        answers.region = "us-east-1"
        answers.chosenType = "ml.g5.2xlarge"
        answers.instanceCount = 2
        answers.environment = [EnvironmentVariable(name: "MAX_TOTAL_TOKENS", value: .string("4096"))]
        answers.endpointText = "mistral-prod"
        answers.roleForm = .leastPrivilege
        let (state, problems) = Wizard.reopen(answers, size: Size(width: 80, height: 24), services: services, load: Pilot.loader(services))
        #expect(problems.isEmpty)
        #expect(state.step == .review && state.answers == answers)
        #expect(!state.hasUnsavedAnswers)
        let built = try TemplateBuilder(catalog: services.catalog, costNote: TemplateCostNote.maker(try PriceBook.load(dataDirectory: projectRoot.appendingPathComponent("data"), userFile: nil)))
            .build(answers).get()
        #expect(state.rendering?.yaml == built.text(.yaml))
    }

    @Test("changing region on the review makes the template again for the new region")
    func regionOnReview() {
        var p = Pilot(start: StartingAnswers(model: "huggingface-llm-mistral-7b-instruct@3.5.0"))
        p.press("enter enter enter enter")
        #expect(p.state.step == .review)
        p.press("r home enter")
        #expect(p.state.answers.region == "af-south-1")
        #expect(p.state.rendering?.yaml.contains("Region: af-south-1") == true)
        p.press("enter")
        #expect(p.state.step == .export)
    }

    @Test("the selected row is drawn reversed and rows that can't deploy are dimmed")
    func styles() {
        var p = Pilot(start: StartingAnswers(model: "meta-textgeneration-llama-2-7b-f@4.3.0"))
        p.press("r home")
        for _ in 0..<services.catalog.regions.names.firstIndex(of: "cn-north-1")! { p.press("down") }
        p.press("enter")
        var buffer = ScreenBuffer(size: p.state.size)
        WizardView.render(p.state, services, into: &buffer)
        let rows = buffer.styleMask().split(separator: "\n", omittingEmptySubsequences: false)
        let text = buffer.plainText.split(separator: "\n", omittingEmptySubsequences: false)
        let selected = text.firstIndex { $0.contains(p.state.instanceRows[p.state.instanceSelection].instanceType) }!
        #expect(rows[selected].contains("RRRRRRRRRR"))
        let other = text.firstIndex { $0.contains(p.state.instanceRows[(p.state.instanceSelection + 1) % p.state.instanceRows.count].instanceType) }!
        #expect(rows[other].contains("DDDDDDDDDD"))
    }
}
