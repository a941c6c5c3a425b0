import JumpStartCore
import TerminalUI

/// The wizard's state machine: `reduce(&state, action)` is the only place state changes.
/// It does no I/O: writing files and quitting are returned as `Effect` values.
public enum Wizard {
    /// The same bound as `cost`, `compare` and `export`.
    public static let maximumCount = CapacityRules.countRange.upperBound
    public static let minimumSize = Size(width: 80, height: 24)

    /// A fresh wizard, with answers from the command line applied as if typed. Returns the
    /// state and, for answers that were refused, why.
    /// `load` reads a catalog entry (the runtime's `loadEntry`): given, not reached for, so the
    /// wizard does no I/O of its own.
    public static func start(_ start: StartingAnswers, region: String, size: Size, services: WizardServices,
                             load: (EntrySummary) -> Result<CatalogEntry, CatalogError>) -> (WizardState, [String]) {
        var state = WizardState(size: size, region: region)
        var problems: [String] = []
        refreshMatches(&state, services)
        if let model = start.model {
            do {
                let summary = try services.catalog.summary(reference: model)
                if let i = state.matches.firstIndex(where: { services.index(allVersions: state.allVersions).summaries[$0].reference == summary.reference }) {
                    state.modelSelection = i
                } else {
                    state.allVersions = true
                    refreshMatches(&state, services)
                    state.modelSelection = state.matches.firstIndex { services.index(allVersions: true).summaries[$0].reference == summary.reference } ?? 0
                }
                let problem: String?
                switch load(summary) {
                case .success(let entry): problem = choose(entry, &state, services)
                case .failure(let error): problem = "\(error)"
                }
                if let problem {
                    problems.append(problem)
                } else {
                    state.step = .instance
                    state.reached = .instance
                }
            } catch {
                problems.append("\(error)")
            }
        }
        if let type = start.instanceType, state.entry != nil {
            if let i = state.instanceRows.firstIndex(where: { $0.instanceType == type }) {
                state.instanceSelection = i
                if state.instanceRows[i].deploys {
                    state.answers.chosenType = type
                    state.step = .count
                    state.reached = .count
                } else {
                    problems.append("\(type) does not deploy in \(state.answers.region): \(state.instanceRows[i].problem ?? "").")
                }
            } else {
                problems.append("\(type) is not supported by \(state.answers.modelReference). Supported: \(state.entry!.instanceTypes.joined(separator: ", ")).")
            }
        }
        if let count = start.count {
            if CapacityRules.countRange.contains(count) {
                state.answers.instanceCount = count
                state.countField = TextFieldState(text: String(count))
            } else {
                problems.append("Instance count \(count) is out of range: use a whole number from 1 to \(maximumCount).")
            }
        }
        if state.step == .count { CapacityStep.enter(&state) }
        refreshInstanceRows(&state, services)
        refreshEstimate(&state, services)
        if !problems.isEmpty { state.overlay = .alert(problems.joined(separator: "\n")) }
        return (state, problems)
    }

    /// A wizard reopened on answers read back from an exported template: every step is filled in
    /// and it opens on the review, so the person sees the template they had.
    /// `savePath`: the file it came from, where the export step offers to write it back.
    /// `edits`: what the template's Resources have that its Metadata answers don't build (the
    /// answers already hold the read-back ones): said in the status line, and the edits no answer
    /// holds are listed with a question before anything else, or, with `discardingEdits`
    /// (`--discard-edits`), dropped and said.
    public static func reopen(_ answers: ExportAnswers, edits: TemplateEdits? = nil, path: String = "", discardingEdits: Bool = false,
                              size: Size, services: WizardServices,
                              load: (EntrySummary) -> Result<CatalogEntry, CatalogError>, savePath: String? = nil) -> (WizardState, [String]) {
        var (state, problems) = start(
            StartingAnswers(model: answers.modelReference, instanceType: answers.chosenType, count: answers.instanceCount),
            region: answers.region, size: size, services: services, load: load)
        guard problems.isEmpty, state.entry != nil else { return (state, problems) }
        if let savePath { state.exportPath = TextFieldState(text: savePath) }
        let chosenType = state.answers.chosenType
        state.answers = answers
        state.answers.chosenType = chosenType
        state.countField = TextFieldState(text: String(answers.instanceCount))
        refreshEstimate(&state, services)
        refreshRendering(&state, services)
        if let problem = state.renderingProblem {
            state.step = .options
            state.reached = .options
            state.overlay = .alert(problem)
            return (state, [problem])
        }
        state.step = .review
        state.reached = .review
        // The file on disk is what the answers build only when nothing was edited by hand.
        state.exportedAnswers = edits?.isEmpty == false ? nil : state.answers
        if let edits, !edits.readBack.isEmpty {
            state.flash = "Read back from \(path)'s hand edits: " + edits.readBack.map(\.answer).joined(separator: ", ") + "."
        }
        if let edits, !edits.unmapped.isEmpty {
            if discardingEdits {
                state.flash = dropped(edits.unmapped.count, path) + (state.flash.map { " " + $0 } ?? "")
            } else {
                state.overlay = .confirmDiscardEdits(path: path, lost: edits.unmapped, readBack: edits.readBack)
            }
        }
        return (state, [])
    }

    public static func reduce(_ state: inout WizardState, _ action: Action, _ services: WizardServices) -> [Effect] {
        switch action {
        case .resized(let size):
            state.size = size
            clampScrolls(&state)
            if state.rendering != nil { refreshRendering(&state, services) }
            return []
        case .keyPressed(let key):
            state.flash = nil
            return handleKey(key, &state, services)
        case let .exportTargetChecked(path, exists, refusal):
            if let refusal {
                state.overlay = .alert(refusal.replacingOccurrences(of: ", even with --force", with: ""))
                return []
            }
            if exists {
                state.overlay = .confirmOverwrite(path: path)
                return []
            }
            return writeEffects(path, &state)
        case .templateWritten(let path):
            state.exportedPath = path
            state.exportedAnswers = state.answers
            state.nextSteps = services.templates.nextSteps(state.answers, path)
            state.flash = "Wrote \(path)."
            return []
        case let .templateWriteFailed(path, message):
            // The message names the path and the reason already ("Can't write …: …").
            state.overlay = .alert(message.contains(path) ? message : "Could not write \(path): \(message)")
            return []
        case let .entryLoaded(summary, result) where summary.reference == state.switchingTo:
            // The version asked for with Ctrl-N / n, on the model or the instance step.
            state.switchingTo = nil
            switch result {
            case .failure(let error): state.overlay = .alert("\(error)")
            case .success(let entry):
                if let problem = choose(entry, &state, services) {
                    state.overlay = .alert(problem)
                } else {
                    StepKeys.advance(&state, to: .instance)
                    state.flash = "Switched to \(entry.reference), the newest version that deploys in \(state.answers.region)."
                }
            }
            clampScrolls(&state)
            return []
        case let .entryLoaded(summary, result):
            // Only for the model still picked on the model step (a late answer changes nothing).
            guard state.step == .model, selectedSummary(state, services)?.reference == summary.reference else { return [] }
            switch result {
            case .failure(let error):
                state.overlay = .alert("\(error)")
            case .success(let entry):
                if let problem = choose(entry, &state, services) {
                    state.overlay = .alert(problem)
                } else {
                    StepKeys.advance(&state, to: .instance)
                }
            }
            clampScrolls(&state)
            return []
        case let .priceUpdateProgressed(region, progress):
            state.priceUpdate = PriceUpdateProgress(region: region, progress: progress)
            return []
        case let .pricesUpdated(_, summary):
            state.priceUpdate = nil
            state.flash = summary
            refreshInstanceRows(&state, services)
            refreshEstimate(&state, services)
            if state.rendering != nil || state.renderingProblem != nil { refreshRendering(&state, services) }
            return []
        case let .priceUpdateFailed(region, message):
            state.priceUpdate = nil
            state.overlay = .alert("The price update for \(region) failed: \(message)\nThe wizard goes on with the prices it had.")
            return []
        }
    }

    // MARK: - Keys

    static func handleKey(_ key: Key, _ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        if key == .ctrl("c") {
            state.quitting = true
            return [.quit]
        }
        if key == .resize { return [] }
        if state.size.width < minimumSize.width || state.size.height < minimumSize.height {
            // The same question as at full size: quitting must not lose unsaved answers silently.
            if state.overlay == .confirmQuit { return handleOverlay(.confirmQuit, key, &state, services) }
            if key == .character("q") { return requestQuit(&state) }
            return []
        }
        if let overlay = state.overlay { return handleOverlay(overlay, key, &state, services) }
        if state.jumpCursor != nil { return jumpKey(key, &state, services) }
        if key == .ctrl("g") {
            state.jumpCursor = state.step
            return []
        }
        // A digit jumps to a reached step wherever no field takes digits (there: Ctrl-G, digit).
        if state.viewer == nil, case .character(let c) = key, let n = c.wholeNumberValue, (1...Step.allCases.count).contains(n),
           !StepKeys.takesDigits(state) {
            return jump(to: Step(rawValue: n - 1)!, &state, services)
        }
        if var viewer = state.viewer {
            let (close, effects, flash) = viewer.handle(key, size: state.size)
            state.viewer = close ? nil : viewer
            state.flash = flash
            return effects
        }
        if key == .ctrl("r") || key == .function(2) { return openRegionPicker(&state, services) }
        if key == .function(1) { state.overlay = .help; return [] }
        // Text fields take printable keys first.
        if let effects = StepKeys.handleText(key, &state, services) { return effects }
        guard let command = Keymap.command(for: key, on: state.step) else {
            if case .character(let c) = key, state.step == .model, c != " " {
                // Just typing filters the model list.
                state.filterFocused = true
                state.filter = state.filter.inserting(c)
                refreshMatches(&state, services)
            }
            return []
        }
        switch command {
        case .help: state.overlay = .help; return []
        case .regionPicker: return openRegionPicker(&state, services)
        case .quit: return requestQuit(&state)
        case .forceQuit: state.quitting = true; return [.quit]
        case .back: return goBack(&state, services)
        case .deployableVersion: return switchToDeployable(&state, services)
        default: return StepKeys.handle(command, key, &state, services)
        }
    }

    static func dropped(_ count: Int, _ path: String) -> String {
        "Dropped \(count) hand edit\(count == 1 ? "" : "s") of \(path); export writes what the answers build."
    }

    /// Ctrl-N / n: the newest version of the model (selected, or chosen) that deploys in the
    /// region on its default instance type, loaded by the runtime and then chosen.
    static func switchToDeployable(_ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        let current: (modelId: String, reference: String)
        if state.step == .model {
            guard let s = selectedSummary(state, services) else { state.flash = "Select a model first."; return [] }
            current = (s.modelId, s.reference)
        } else {
            guard let e = state.entry else { return [] }
            current = (e.modelId, e.reference)
        }
        let region = state.answers.region
        guard let newest = try? services.catalog.newestDeployableVersion(of: current.modelId, region: region) else {
            state.flash = "No version of \(current.modelId) deploys in \(region) on its default instance type; r changes the region."
            return []
        }
        if newest.reference == current.reference, state.step != .model {
            state.flash = "\(current.reference) is already the newest version that deploys in \(region)."
            return []
        }
        state.switchingTo = newest.reference
        return [.loadEntry(newest)]
    }

    /// Keys while the step list has them (after Ctrl-G).
    static func jumpKey(_ key: Key, _ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        guard let cursor = state.jumpCursor else { return [] }
        switch key {
        case .up, .character("k"), .left: state.jumpCursor = Step(rawValue: max(0, cursor.rawValue - 1))
        case .down, .character("j"), .right: state.jumpCursor = Step(rawValue: min(state.reached.rawValue, cursor.rawValue + 1))
        case .home, .character("g"): state.jumpCursor = .model
        case .end, .character("G"): state.jumpCursor = state.reached
        case .enter:
            state.jumpCursor = nil
            return jump(to: cursor, &state, services)
        case .character(let c) where c.wholeNumberValue.map { (1...Step.allCases.count).contains($0) } == true:
            state.jumpCursor = nil
            return jump(to: Step(rawValue: c.wholeNumberValue! - 1)!, &state, services)
        default:
            state.jumpCursor = nil
        }
        return []
    }

    /// Goes straight to a step already reached, keeping every answer — back as Esc would, or
    /// forward over steps whose answers are complete and valid.
    static func jump(to step: Step, _ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        guard step != state.step else { return [] }
        guard step <= state.reached else {
            state.flash = "Step \(step.rawValue + 1) (\(step.title)) is not reached yet: Enter goes on from here."
            return []
        }
        if step > state.step {
            if state.step <= .count, step > .count, let e = state.capacityErrors.values.sorted().first {
                state.flash = "Fix the capacity first: \(e)"
                return []
            }
            if state.step <= .options, step > .options, let e = state.optionErrors.values.sorted().first {
                state.flash = "Fix the options first: \(e)"
                return []
            }
        }
        state.step = step
        if step == .count { CapacityStep.enter(&state) }
        if step >= .review { refreshRendering(&state, services) }
        return []
    }

    static func requestQuit(_ state: inout WizardState) -> [Effect] {
        if state.hasUnsavedAnswers {
            state.overlay = .confirmQuit
            return []
        }
        state.quitting = true
        return [.quit]
    }

    static func goBack(_ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        if state.step == .model {
            if state.filterFocused || !state.filter.text.isEmpty {
                state.filterFocused = false
                state.filter = TextFieldState()
                refreshMatches(&state, services)
                return []
            }
            return requestQuit(&state)
        }
        state.step = Step(rawValue: state.step.rawValue - 1) ?? .model
        if state.step == .count { CapacityStep.enter(&state) }
        return []
    }

    static func openRegionPicker(_ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        let names = services.catalog.regions.names
        state.overlay = .regionPicker(selected: names.firstIndex(of: state.answers.region) ?? 0)
        return []
    }

    static func handleOverlay(_ overlay: Overlay, _ key: Key, _ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        switch overlay {
        case .help, .alert:
            if [.escape, .enter, .character("?"), .character("q"), .character(" "), .function(1)].contains(key) { state.overlay = nil }
            return []
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"):
                state.overlay = nil
                state.quitting = true
                return [.quit]
            case .character("n"), .character("N"), .escape, .character("q"):
                state.overlay = nil
            default: break
            }
            return []
        case let .confirmDiscardEdits(path, lost, _):
            switch key {
            case .character("y"), .character("Y"):
                state.overlay = nil
                state.flash = dropped(lost.count, path)
            case .character("n"), .character("N"), .escape, .character("q"):
                state.overlay = nil
                state.quitting = true
                state.exitMessage = "\(path) was left as it is, with its hand edits. Make them with export's options instead (see jumpstart-tui export --help), or reopen it and answer y to drop them."
                return [.quit]
            default: break
            }
            return []
        case .confirmOverwrite(let path):
            switch key {
            case .character("y"), .character("Y"):
                state.overlay = nil
                return writeEffects(path, &state)
            case .character("n"), .character("N"), .escape:
                state.overlay = nil
                state.flash = "Not written; \(path) is unchanged. Choose another path."
            default: break
            }
            return []
        case let .regionPicker(selected, typed):
            let names = services.catalog.regions.names
            switch key {
            case .up: state.overlay = .regionPicker(selected: max(0, selected - 1))
            case .down: state.overlay = .regionPicker(selected: min(names.count - 1, selected + 1))
            case .pageUp, .home: state.overlay = .regionPicker(selected: 0)
            case .pageDown, .end: state.overlay = .regionPicker(selected: names.count - 1)
            case .escape: state.overlay = nil
            // Typing finds a region by its code or its name: "frank", "eu-c", "tokyo".
            case .character(let c) where c.isLetter || c.isNumber || c == "-" || c == " " || c == "(":
                let query = typed + String(c)
                if let i = RegionNames.firstMatch(query, in: names) {
                    state.overlay = .regionPicker(selected: i, typed: query)
                } else {
                    state.overlay = .regionPicker(selected: selected, typed: typed)
                    state.flash = "No region's code or name holds \"\(query)\"."
                }
            case .backspace:
                let query = String(typed.dropLast())
                state.overlay = .regionPicker(selected: RegionNames.firstMatch(query, in: names) ?? selected, typed: query)
            case .enter:
                state.overlay = nil
                changeRegion(to: names[selected], &state, services)
            default: break
            }
            return []
        }
    }

    /// Re-checks everything for the new region: model marks, instance rows, the estimate.
    static func changeRegion(to region: String, _ state: inout WizardState, _ services: WizardServices) {
        guard region != state.answers.region else { return }
        state.answers.region = region
        state.eulaURL = state.entry.flatMap { eulaURL($0, region: region, services) }
        refreshInstanceRows(&state, services)
        if !state.answers.chosenType.isEmpty,
           let row = state.instanceRows.first(where: { $0.instanceType == state.answers.chosenType }), !row.deploys {
            state.flash = "\(state.answers.chosenType) does not deploy in \(region) (\(row.problem ?? "")): choose another instance type."
            state.answers.chosenType = ""
            state.reached = min(state.reached, .instance)
            if state.step > .instance { state.step = .instance }
        } else if let entry = state.entry, services.catalog.planner.deployableInstanceTypes(entry, in: region).isEmpty {
            state.flash = "\(entry.reference) deploys on no instance type in \(region)."
        } else {
            state.flash = "Region: \(region). Prices and deployability re-checked."
        }
        refreshEstimate(&state, services)
        state.rendering = nil
        // On the review and export steps the template is on screen: make it again for the region.
        if state.step >= .review {
            refreshRendering(&state, services)
            if let problem = state.renderingProblem { state.flash = problem }
        }
    }

    static func eulaURL(_ entry: CatalogEntry, region: String, _ services: WizardServices) -> String? {
        entry.requiresEula.flatMap { key in services.catalog.regions[region]?.contentURL(forKey: key) }
    }

    static func writeEffects(_ path: String, _ state: inout WizardState) -> [Effect] {
        guard let rendering = state.rendering else { return [] }
        let contents = path.hasSuffix(".json") ? rendering.json : rendering.yaml
        return [.writeTemplate(path: path, contents: contents)]
    }

    // MARK: - Derived data

    static func refreshMatches(_ state: inout WizardState, _ services: WizardServices) {
        // `name@2.2.0` or a bare `2.2.0` looks among every version, not only the newest.
        if ModelFilter.asksForVersion(state.filter.text), !state.allVersions { state.allVersions = true }
        state.matches = services.index(allVersions: state.allVersions).matches(state.filter.text)
        state.modelSelection = min(state.modelSelection, max(0, state.matches.count - 1))
        state.modelScroll = 0
        clampScrolls(&state)
    }

    /// The summary under the selection in the model list.
    static func selectedSummary(_ state: WizardState, _ services: WizardServices) -> EntrySummary? {
        guard state.matches.indices.contains(state.modelSelection) else { return nil }
        return services.index(allVersions: state.allVersions).summaries[state.matches[state.modelSelection]]
    }

    /// Makes a catalog entry the chosen model; nil, or why it can't be chosen here.
    static func choose(_ loaded: CatalogEntry, _ state: inout WizardState, _ services: WizardServices) -> String? {
        var entry = loaded
        // A configuration chosen before (or read from a template) stays while the version does.
        if let config = state.answers.config, state.answers.modelReference == entry.reference, config != entry.configName {
            do throws(ConfigChoiceError) { entry = try entry.applying(config: config) } catch { return "\(error)" }
        } else if state.answers.modelReference != entry.reference {
            state.answers.config = nil
        }
        let region = state.answers.region
        if services.catalog.planner.deployableInstanceTypes(entry, in: region).isEmpty {
            var message = "\(entry.reference) deploys on no instance type in \(region)."
            if let problem = services.catalog.planner.check(entry, region: region, instanceType: entry.defaultInstanceType) {
                message += " \(problem)"
            }
            if let newer = try? services.catalog.newestDeployableVersion(of: entry.modelId, region: region) {
                message += " The newest version that deploys here is \(newer.version)" + (state.allVersions ? ": choose it from this list." : ": press Tab to show every version and choose it.")
            } else {
                message += " Press r to try another region."
            }
            return message
        }
        let changed = state.entry?.reference != entry.reference
        let defaultName = TemplateRules.defaultEndpointName(modelId: state.answers.modelReference.split(separator: "@").first.map(String.init) ?? "")
        state.entry = entry
        state.eulaURL = eulaURL(entry, region: region, services)
        state.answers.modelReference = entry.reference
        if entry.configs.count > 1 { state.answers.config = entry.configName }
        if changed {
            if entry.isModelPackage { state.answers.environment = [] }
            if !entry.instanceTypes.contains(state.answers.chosenType) { state.answers.chosenType = "" }
            if state.answers.endpointText.isEmpty || state.answers.endpointText == defaultName {
                state.answers.endpointText = TemplateRules.defaultEndpointName(modelId: entry.modelId)
            }
            if entry.requiresEula == nil { state.answers.acceptEula = false }
            state.optionFields = [:]
            state.optionErrors = [:]
            state.envSelection = 0
            state.rendering = nil
        }
        refreshInstanceRows(&state, services)
        if state.answers.chosenType.isEmpty {
            let preferred = state.instanceRows.firstIndex { $0.isDefault && $0.deploys } ?? state.instanceRows.firstIndex { $0.deploys } ?? 0
            state.instanceSelection = preferred
        }
        refreshEstimate(&state, services)
        return nil
    }

    static func refreshInstanceRows(_ state: inout WizardState, _ services: WizardServices) {
        guard let entry = state.entry else { state.instanceRows = []; return }
        let region = state.answers.region
        let capacity = state.answers.capacity
        let selectedType = state.instanceRows.indices.contains(state.instanceSelection) ? state.instanceRows[state.instanceSelection].instanceType : nil
        // The core's comparison: its order (known prices ascending, unknown last in catalog order),
        // its "cheapest" and its token costs, as `compare` shows them.
        let comparison = services.pricing.compare(entry, region, capacity)
        var rows: [InstanceRow] = (comparison?.rows ?? []).map { r in
            InstanceRow(
                instanceType: r.instanceType, isDefault: r.isDefault, isCheapest: r.isCheapest,
                hardware: services.pricing.hardware(r.instanceType), cost: CostFigure(r.estimate, capacity: capacity),
                problem: r.problem?.shortReason, tokenCost: r.tokenCost)
        }
        if comparison == nil {
            // The price book could not answer (it never should for a valid capacity): the types, unpriced.
            rows = entry.instanceTypes.map { type in
                InstanceRow(instanceType: type, isDefault: type == entry.defaultInstanceType, isCheapest: false,
                            hardware: services.pricing.hardware(type), cost: .unknown("no price for \(type) in \(region)"),
                            problem: services.catalog.planner.check(entry, region: region, instanceType: type)?.shortReason)
            }
        }
        if state.instanceSort == .name {
            rows.sort { $0.instanceType.localizedStandardCompare($1.instanceType) == .orderedAscending }
        }
        state.instanceRows = rows
        let keep = state.answers.chosenType.isEmpty ? selectedType : state.answers.chosenType
        state.instanceSelection = keep.flatMap { t in rows.firstIndex { $0.instanceType == t } } ?? min(state.instanceSelection, max(0, rows.count - 1))
        clampScrolls(&state)
    }

    static func refreshEstimate(_ state: inout WizardState, _ services: WizardServices) {
        guard !state.answers.chosenType.isEmpty else { state.estimate = nil; return }
        state.estimate = services.pricing.estimate(state.answers.region, state.answers.chosenType, state.answers.capacity)
    }

    static func refreshRendering(_ state: inout WizardState, _ services: WizardServices) {
        switch services.templates.render(state.answers) {
        case .success(let r):
            state.rendering = r
            state.renderingProblem = nil
        case .failure(let p):
            state.rendering = nil
            state.renderingProblem = p.description
        }
    }

    /// Keeps scroll offsets so the selection stays visible at the current size.
    static func clampScrolls(_ state: inout WizardState) {
        let layout = Layout(size: state.size)
        state.modelScroll = ListView.scrollOffset(keeping: state.modelSelection, visible: layout.modelListRows, count: state.matches.count, current: state.modelScroll)
        state.instanceScroll = ListView.scrollOffset(keeping: state.instanceSelection, visible: layout.instanceRows, count: state.instanceRows.count, current: state.instanceScroll)
    }
}

