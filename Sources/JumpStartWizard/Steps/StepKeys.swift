import JumpStartCore
import TerminalUI

/// What each step does with a command or with typed text.
enum StepKeys {
    /// Whether the step's focused field takes digits (they are typed there, not jumps).
    static func takesDigits(_ state: WizardState) -> Bool {
        switch state.step {
        case .model: return state.filterFocused
        case .count: return true
        case .environment: return state.envEditor != nil
        case .options: return state.optionFocus.isText
        case .export: return state.exportedPath == nil
        case .instance, .review: return false
        }
    }

    /// Keys a focused text field takes; nil when no field takes this key.
    static func handleText(_ key: Key, _ state: inout WizardState, _ services: WizardServices) -> [Effect]? {
        switch state.step {
        case .model:
            guard state.filterFocused else { return nil }
            switch key {
            case .enter, .down, .up, .pageUp, .pageDown, .tab:
                state.filterFocused = false
                return nil
            // `?` is help, typed or not: no model id holds it.
            case .escape, .character("?"):
                return nil
            default:
                guard let edited = state.filter.applying(key) else { return nil }
                state.filter = edited
                Wizard.refreshMatches(&state, services)
                return []
            }
        case .count:
            if state.capacityFocus != .count { return CapacityStep.textKey(key, &state, services) }
            if case .character(let c) = key, c.isASCII, c.isNumber {
                // The first digit replaces the shown count, later ones append; a count out of
                // range is refused as typed, so the field never shows a number that isn't costed.
                let text = (state.countReplaces ? "" : state.countField.text) + String(c)
                guard let n = Int(text), CapacityRules.countRange.contains(n) else {
                    state.flash = "The count must be a whole number from 1 to \(Wizard.maximumCount)."
                    return []
                }
                state.countReplaces = false
                setCount(text, &state, services)
                return []
            }
            if key == .backspace {
                state.countReplaces = false
                setCount(String(state.countField.text.dropLast()), &state, services)
                if state.countField.text.isEmpty { state.flash = "Type a count from 1 to \(Wizard.maximumCount)." }
                return []
            }
            return nil
        case .environment:
            guard state.envEditor != nil else { return nil }
            return EnvironmentStep.editorKey(key, &state, services)
        case .options:
            return OptionsStep.textKey(key, &state, services)
        case .export:
            // Once written, the path is no longer typed into (e edits it again): keys are commands.
            guard state.exportedPath == nil else { return nil }
            switch key {
            // `?` opens help here as everywhere: it has no place in a file path we write.
            case .enter, .escape, .function(1), .ctrl("r"), .ctrl("v"), .ctrl("y"), .character("?"): return nil
            default:
                guard let edited = state.exportPath.applying(key) else { return nil }
                state.exportPath = edited
                return []
            }
        default:
            return nil
        }
    }

    static func handle(_ command: Command, _ key: Key, _ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        switch state.step {
        case .model: return modelCommand(command, &state, services)
        case .instance: return instanceCommand(command, &state, services)
        case .count: return CapacityStep.command(command, &state, services)
        case .environment: return EnvironmentStep.command(command, &state, services)
        case .options: return OptionsStep.command(command, &state, services)
        case .review: return reviewCommand(command, &state, services)
        case .export: return exportCommand(command, &state, services)
        }
    }

    static func advance(_ state: inout WizardState, to step: Step) {
        state.step = step
        state.reached = max(state.reached, step)
    }

    // MARK: - Model

    static func modelCommand(_ command: Command, _ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        let page = max(1, Layout(size: state.size).modelListRows - 1)
        let last = max(0, state.matches.count - 1)
        switch command {
        case .up: state.modelSelection = max(0, state.modelSelection - 1)
        case .down: state.modelSelection = min(last, state.modelSelection + 1)
        case .pageUp: state.modelSelection = max(0, state.modelSelection - page)
        case .pageDown: state.modelSelection = min(last, state.modelSelection + page)
        case .top: state.modelSelection = 0
        case .bottom: state.modelSelection = last
        case .focusFilter: state.filterFocused = true
        case .toggleAllVersions:
            let current = Wizard.selectedSummary(state, services)
            state.allVersions.toggle()
            Wizard.refreshMatches(&state, services)
            if let current {
                let list = services.index(allVersions: state.allVersions).summaries
                state.modelSelection = state.matches.firstIndex { list[$0].modelId == current.modelId } ?? 0
            }
            state.flash = state.allVersions ? "Showing every version." : "Showing the newest version of each model."
        case .next:
            guard let summary = Wizard.selectedSummary(state, services) else {
                state.flash = "No model matches \"\(state.filter.text)\"; Esc clears the filter."
                return []
            }
            // The entry's record is read by the runtime; `entryLoaded` goes on.
            return [.loadEntry(summary)]
        default: break
        }
        Wizard.clampScrolls(&state)
        return []
    }

    // MARK: - Instance type

    /// `c`: the next deployment configuration a template can deploy, in JumpStart's ranking order.
    static func nextConfig(_ state: inout WizardState, _ services: WizardServices) {
        guard let entry = state.entry else { return }
        let usable = entry.configs.filter { $0.fields != nil }.map(\.name)
        guard usable.count > 1, let current = entry.configName, let i = usable.firstIndex(of: current) else {
            state.flash = entry.origin == nil ? "One configuration only (a bundled version)."
                : entry.configs.count > 1 ? "No other configuration deploys from a template (show says why)." : "This version has one configuration."
            return
        }
        let name = usable[(i + 1) % usable.count]
        let next: CatalogEntry
        do { next = try entry.applying(config: name) } catch {
            state.flash = "\(error)"
            return
        }
        state.entry = next
        state.answers.config = name
        if !next.instanceTypes.contains(state.answers.chosenType) { state.answers.chosenType = "" }
        state.rendering = nil
        Wizard.refreshInstanceRows(&state, services)
        Wizard.refreshEstimate(&state, services)
        let rank = entry.configs.firstIndex { $0.name == name }.map { " (ranked \($0 + 1) of \(entry.configs.count))" } ?? ""
        state.flash = "Deployment configuration \(name)\(rank)" + (name == entry.defaultConfigName ? ", the default." : ".")
    }

    static func instanceCommand(_ command: Command, _ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        let last = max(0, state.instanceRows.count - 1)
        let page = max(1, Layout(size: state.size).instanceRows - 1)
        switch command {
        // In a list shorter than a page, PgUp and PgDn go to the first and last row.
        case .pageUp: state.instanceSelection = max(0, state.instanceSelection - page)
        case .pageDown: state.instanceSelection = min(last, state.instanceSelection + page)
        case .up: state.instanceSelection = max(0, state.instanceSelection - 1)
        case .down: state.instanceSelection = min(last, state.instanceSelection + 1)
        case .top: state.instanceSelection = 0
        case .bottom: state.instanceSelection = last
        case .toggleSort:
            state.instanceSort = state.instanceSort == .price ? .name : .price
            Wizard.refreshInstanceRows(&state, services)
            state.flash = "Sorted by \(state.instanceSort.rawValue)."
        case .nextConfig:
            nextConfig(&state, services)
        case .updatePrices:
            if let running = state.priceUpdate {
                state.flash = "A price update for \(running.region) is already running."
                return []
            }
            let region = state.answers.region
            state.priceUpdate = PriceUpdateProgress(region: region, progress: "starting")
            return [.updatePrices(region: region)]
        case .next:
            guard state.instanceRows.indices.contains(state.instanceSelection) else { return [] }
            let row = state.instanceRows[state.instanceSelection]
            guard row.deploys else {
                state.flash = "\(row.instanceType) can't be chosen: \(row.problem ?? "it does not deploy here")."
                return []
            }
            if state.answers.chosenType != row.instanceType {
                state.answers.chosenType = row.instanceType
                state.rendering = nil
            }
            Wizard.refreshEstimate(&state, services)
            advance(&state, to: .count)
            CapacityStep.enter(&state)
        default: break
        }
        Wizard.clampScrolls(&state)
        return []
    }

    // MARK: - Count

    static func setCount(_ text: String, _ state: inout WizardState, _ services: WizardServices) {
        state.countField = TextFieldState(text: text)
        guard let n = Int(text) else { return }
        guard CapacityRules.countRange.contains(n) else {
            state.flash = "The count must be from 1 to \(Wizard.maximumCount)."
            return
        }
        // The whole capacity's rules (a schedule's off-hours count among them), committed only
        // when every one holds, as for any other row of the step.
        CapacityStep.apply(&state, services)
        if n > 10 { state.flash = "\(n) instances run around the clock: check the monthly figure." }
    }

    /// +/- on the fixed count (the Capacity step's other keys are `CapacityStep`'s).
    static func countCommand(_ command: Command, _ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        let current = Int(state.countField.text) ?? state.answers.instanceCount
        switch command {
        case .increment:
            state.countReplaces = true
            if current >= Wizard.maximumCount { state.flash = "At most \(Wizard.maximumCount) instances." }
            setCount(String(min(Wizard.maximumCount, max(1, current + 1))), &state, services)
        case .decrement:
            state.countReplaces = true
            if current <= 1 { state.flash = "At least 1 instance: an endpoint can't run on none." }
            setCount(String(max(1, min(Wizard.maximumCount, current - 1))), &state, services)
        default: break
        }
        return []
    }

    // MARK: - Review

    static func reviewCommand(_ command: Command, _ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        let page = ReviewView.templateRows(state)
        switch command {
        case .up: state.reviewScroll = max(0, state.reviewScroll - 1)
        case .down: state.reviewScroll += 1
        case .pageUp: state.reviewScroll = max(0, state.reviewScroll - page)
        case .pageDown: state.reviewScroll += page
        case .top: state.reviewScroll = 0
        case .bottom:
            let lines = state.rendering.map { (state.reviewJSON ? $0.json : $0.yaml).split(separator: "\n", omittingEmptySubsequences: false).count } ?? 0
            state.reviewScroll = max(0, lines - page)
        case .toggleFormat:
            state.reviewJSON.toggle()
            state.reviewScroll = 0
        case .view:
            guard let r = state.rendering else { break }
            let text = state.reviewJSON ? r.json : r.yaml
            state.viewer = TextViewer(title: "The template as \(state.reviewJSON ? "JSON" : "YAML") (y copies it whole)", text: text)
        case .copy:
            guard let r = state.rendering else { break }
            state.flash = "Sent the export command line (\(r.exportCommand.count) characters) to the clipboard (OSC 52); a terminal that doesn't take OSC 52 ignores it."
            return [.copyToClipboard(r.exportCommand)]
        case .next:
            guard state.rendering != nil else {
                state.flash = state.renderingProblem ?? "The answers don't make a template yet."
                return []
            }
            if state.exportPath.text.isEmpty {
                state.exportPath = TextFieldState(text: "jumpstart-\(state.answers.endpointText).yaml")
            }
            advance(&state, to: .export)
        default: break
        }
        if let lines = state.rendering.map({ (state.reviewJSON ? $0.json : $0.yaml).split(separator: "\n", omittingEmptySubsequences: false).count }) {
            state.reviewScroll = min(state.reviewScroll, max(0, lines - 1))
        }
        return []
    }

    // MARK: - Export

    static func exportCommand(_ command: Command, _ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        if let path = state.exportedPath {
            let steps = state.nextSteps ?? []
            switch command {
            case .next:
                // Written: Enter finishes, and the runtime prints every step after the screen.
                state.quitting = true
                return [.quit]
            case .edit:
                state.exportedPath = nil
                state.flash = "Edit the path and press Enter to write another copy."
            case .view:
                let text = (["Wrote \(path).", "", "Next steps:"] + NextSteps.lines(steps)).joined(separator: "\n")
                let commands = steps.flatMap(\.commands).joined(separator: "\n")
                state.viewer = TextViewer(title: "Next steps (y copies every command)", text: text, copyText: commands)
            case .copy:
                guard let deploy = steps.first(where: { $0.kind == .deploy })?.commands.joined(separator: "\n") else { break }
                state.flash = "Sent the deploy command to the clipboard (OSC 52); a terminal that doesn't take OSC 52 ignores it — v shows it whole."
                return [.copyToClipboard(deploy)]
            default: break
            }
            return []
        }
        switch command {
        case .view, .copy:
            state.flash = "Write the template first (Enter): the commands name its path."
            return []
        case .next: break
        default: return []
        }
        let path = state.exportPath.text.trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else {
            state.flash = "Type a file path, e.g. \(state.answers.endpointText).yaml."
            return []
        }
        guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") || path.hasSuffix(".json") else {
            state.flash = "End the path with .yaml, .yml or .json (the format follows the extension)."
            return []
        }
        guard state.rendering != nil else {
            state.flash = state.renderingProblem ?? "The answers don't make a template yet."
            return []
        }
        return [.checkExportTarget(path: path)]
    }
}
