import JumpStartCore
import TerminalUI

/// Step 4: the merged environment, with the person's additions and overrides.
enum EnvironmentStep {
    /// The merged environment as deployed for the current answers, with each value's origin.
    static func merged(_ state: WizardState) -> [MergedVariable] {
        guard let entry = state.entry, !entry.isModelPackage else { return [] }
        let type = state.answers.chosenType.isEmpty ? entry.defaultInstanceType : state.answers.chosenType
        return DeploymentPlanner.mergedEnvironment(entry, instanceType: type, user: state.answers.environment)
    }

    static func command(_ command: Command, _ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        let rows = merged(state)
        let isPackage = state.entry?.isModelPackage ?? false
        switch command {
        case .up: state.envSelection = max(0, state.envSelection - 1)
        case .down: state.envSelection = min(max(0, rows.count - 1), state.envSelection + 1)
        case .pageUp: state.envSelection = max(0, state.envSelection - 10)
        case .pageDown: state.envSelection = min(max(0, rows.count - 1), state.envSelection + 10)
        case .top: state.envSelection = 0
        case .bottom: state.envSelection = max(0, rows.count - 1)
        case .add:
            guard !isPackage else { state.flash = "Model packages take no environment variables."; return [] }
            state.envEditor = EnvironmentEditor(original: nil, name: TextFieldState(), value: TextFieldState(), focusOnValue: false, error: nil)
        case .edit:
            guard !isPackage, rows.indices.contains(state.envSelection) else { return [] }
            let v = rows[state.envSelection]
            state.envEditor = EnvironmentEditor(original: v.name, name: TextFieldState(text: v.name), value: TextFieldState(text: v.value), focusOnValue: true, error: nil)
        case .delete:
            guard rows.indices.contains(state.envSelection) else { return [] }
            let v = rows[state.envSelection]
            guard v.origin == .user else {
                state.flash = "\(v.name) comes from the catalog; edit it to override (e), or leave it."
                return []
            }
            state.answers.environment.removeAll { $0.name == v.name }
            state.flash = v.replaced == nil ? "Removed \(v.name)." : "Removed your override of \(v.name); the catalog value is back."
            state.rendering = nil
            state.envSelection = min(state.envSelection, max(0, merged(state).count - 1))
        case .next:
            StepKeys.advance(&state, to: .options)
        default: break
        }
        return []
    }

    static func editorKey(_ key: Key, _ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        guard var editor = state.envEditor else { return [] }
        switch key {
        case .escape:
            state.envEditor = nil
            return []
        case .tab, .backTab, .up, .down:
            editor.focusOnValue.toggle()
        case .enter:
            if !editor.focusOnValue {
                editor.focusOnValue = true
                break
            }
            if let error = save(editor, &state) {
                editor.error = error
            } else {
                state.envEditor = nil
                state.rendering = nil
                return []
            }
        default:
            if editor.focusOnValue {
                if let edited = editor.value.applying(key) { editor.value = edited }
            } else if let edited = editor.name.applying(key) {
                editor.name = edited
                // A pasted KEY=VALUE (names never hold "="): the name before, the value after.
                if let eq = edited.text.firstIndex(of: "=") {
                    editor.value = TextFieldState(text: String(edited.text[edited.text.index(after: eq)...]) + editor.value.text)
                    editor.name = TextFieldState(text: String(edited.text[..<eq]))
                    editor.focusOnValue = true
                }
            }
            editor.error = EnvironmentRules.problem(name: editor.name.text, value: editor.value.text, others: others(editor, state)).map { "\($0)" }
        }
        state.envEditor = editor
        return []
    }

    static func others(_ editor: EnvironmentEditor, _ state: WizardState) -> [EnvironmentVariable] {
        merged(state).filter { $0.name != editor.original && $0.name != editor.name.text }
            .map { EnvironmentVariable(name: $0.name, value: .string($0.value)) }
    }

    /// Saves the editor's variable; nil, or why it was refused.
    static func save(_ editor: EnvironmentEditor, _ state: inout WizardState) -> String? {
        let name = editor.name.text, value = editor.value.text
        if let problem = EnvironmentRules.problem(name: name, value: value, others: others(editor, state)) { return problem }
        if let original = editor.original, original != name {
            state.answers.environment.removeAll { $0.name == original }
        }
        let variable = EnvironmentVariable(name: name, value: .string(value))
        if let i = state.answers.environment.firstIndex(where: { $0.name == name }) {
            state.answers.environment[i] = variable
        } else {
            state.answers.environment.append(variable)
        }
        state.envSelection = merged(state).firstIndex { $0.name == name } ?? 0
        state.flash = TemplateRules.looksLikeSecretName(name) || TemplateRules.looksLikeAWSSecret(value)
            ? "Set \(name). Careful: it looks like a secret, and the template stores it in plain text; prefer AWS Secrets Manager."
            : "Set \(name)."
        return nil
    }
}

/// The SageMaker API's limits on a container environment, as the core checks them for `export`.
enum EnvironmentRules {
    static func problem(name: String, value: String, others: [EnvironmentVariable]) -> String? {
        if name.isEmpty { return "Type a name: letters, digits and _, not starting with a digit." }
        let variable = EnvironmentVariable(name: name, value: .string(value))
        if let error = TemplateRules.checkEnvironment([variable]) { return "\(error)" }
        let merged = (others + [variable]).map { MergedVariable(name: $0.name, value: $0.value.description, origin: .user, replaced: nil) }
        return TemplateRules.checkMergedEnvironment(merged).map { "\($0)" }
    }
}
