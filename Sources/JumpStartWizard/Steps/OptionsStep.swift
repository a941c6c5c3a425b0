import Foundation
import JumpStartCore
import TerminalUI

/// Step 5: endpoint name, health check, role, VPC, KMS key, tags and the EULA.
enum OptionsStep {
    /// The fields shown for the current answers, in screen order.
    static func visibleFields(_ state: WizardState) -> [OptionField] {
        OptionField.allCases.filter { field in
            switch field {
            case .roleArn: return state.answers.roleForm == .existing
            case .eula: return state.entry?.requiresEula != nil
            default: return true
            }
        }
    }

    /// The text a field shows: what was typed, else the answer.
    static func text(_ field: OptionField, _ state: WizardState) -> String {
        if let typed = state.optionFields[field] { return typed.text }
        let a = state.answers
        switch field {
        case .endpointName: return a.endpointText
        case .healthCheckTimeout:
            return String(a.healthCheckTimeout ?? state.entry?.startupTimeouts.healthCheck ?? TemplateOptions.defaultHealthCheckTimeout)
        case .roleArn: return a.roleArn
        case .subnets: return a.subnets.joined(separator: ", ")
        case .securityGroups: return a.securityGroups.joined(separator: ", ")
        case .kmsKeyId: return a.kmsKeyText
        case .tags: return a.options.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        case .role:
            switch a.roleForm {
            case .managed: return "new, AmazonSageMakerFullAccess (broad)"
            case .leastPrivilege: return "new, least privilege"
            case .existing: return "an existing role (ARN below)"
            }
        case .eula: return a.acceptEula ? "accepted" : "not accepted"
        }
    }

    static func field(_ field: OptionField, _ state: WizardState) -> TextFieldState {
        state.optionFields[field] ?? TextFieldState(text: text(field, state))
    }

    static func textKey(_ key: Key, _ state: inout WizardState, _ services: WizardServices) -> [Effect]? {
        let focus = state.optionFocus
        guard focus.isText else { return nil }
        switch key {
        // `?` is help: no option value may contain it (names, ids, ARNs, tags all refuse it).
        case .enter, .escape, .tab, .backTab, .up, .down, .function(1), .ctrl("r"), .ctrl("c"), .ctrl("v"), .character("?"): return nil
        default: break
        }
        guard let edited = field(focus, state).applying(key) else { return nil }
        state.optionFields[focus] = edited
        apply(focus, edited.text, &state)
        return []
    }

    /// Checks a field's text and, when valid, makes it the answer.
    static func apply(_ field: OptionField, _ text: String, _ state: inout WizardState) {
        state.rendering = nil
        let list = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var error: String?
        switch field {
        case .endpointName:
            error = OptionRules.endpointName(text)
            if error == nil { state.answers.endpointText = text }
        case .healthCheckTimeout:
            switch TemplateRules.healthCheckTimeout(text) {
            case .success(let seconds): state.answers.healthCheckTimeout = seconds
            case .failure(let e): error = OptionRules.form(e, field)
            }
        case .roleArn:
            error = text.isEmpty ? "Type the role's ARN, e.g. arn:aws:iam::123456789012:role/NAME." : TemplateRules.checkRoleArn(text).map { OptionRules.form($0, field) }
            if error == nil { state.answers.roleArn = text }
        case .subnets:
            error = TemplateRules.checkSubnets(list).map { OptionRules.form($0, field) }
            if error == nil { state.answers.subnets = list }
        case .securityGroups:
            error = TemplateRules.checkSecurityGroups(list).map { OptionRules.form($0, field) }
            if error == nil { state.answers.securityGroups = list }
        case .kmsKeyId:
            error = text.isEmpty ? nil : TemplateRules.checkKmsKey(text, instanceType: state.answers.chosenType).map { OptionRules.form($0, field) }
            if error == nil { state.answers.kmsKeyText = text }
        case .tags:
            var tags: [TemplateTag] = []
            for item in list {
                switch TemplateRules.tag(item) {
                case .success(let tag): tags.append(tag)
                case .failure(let e): error = error ?? OptionRules.form(e, field)
                }
            }
            error = error ?? TemplateRules.checkTags(tags).map { OptionRules.form($0, field) }
            if error == nil { state.answers.options.tags = tags }
        case .role, .eula:
            break
        }
        state.optionErrors[field] = error
        if field == .subnets || field == .securityGroups { vpcPairing(&state) }
    }

    /// Subnets and security groups come together or not at all.
    static func vpcPairing(_ state: inout WizardState) {
        let subnets = state.answers.subnets.isEmpty, groups = state.answers.securityGroups.isEmpty
        if let e = TemplateRules.checkVpcPairing(subnets: state.answers.subnets.count, securityGroups: state.answers.securityGroups.count),
           state.optionErrors[.subnets] == nil, state.optionErrors[.securityGroups] == nil {
            guard case let .vpcIncomplete(n, m) = e else { return }
            state.optionErrors[subnets ? .subnets : .securityGroups] = "VPC: give subnets and security groups together, or neither (now \(n) subnet(s), \(m) security group(s))."
        } else if subnets == groups {
            for f in [OptionField.subnets, .securityGroups] where state.optionErrors[f]?.hasPrefix("VPC:") == true {
                state.optionErrors[f] = nil
            }
        }
    }

    static func command(_ command: Command, _ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        let fields = visibleFields(state)
        let i = fields.firstIndex(of: state.optionFocus) ?? 0
        switch command {
        case .up, .previousField: state.optionFocus = fields[max(0, i - 1)]
        case .down, .nextField: state.optionFocus = fields[min(fields.count - 1, i + 1)]
        case .view:
            guard let url = state.eulaURL, state.entry?.requiresEula != nil else {
                state.flash = "This model has no EULA to read."
                return []
            }
            state.viewer = TextViewer(title: "The model's EULA (y copies the address)", text: url)
        case .toggle, .edit:
            switch state.optionFocus {
            case .role:
                let all = ExportAnswers.RoleForm.allCases
                state.answers.roleForm = all[(all.firstIndex(of: state.answers.roleForm)! + 1) % all.count]
                if state.answers.roleForm == .existing { apply(.roleArn, text(.roleArn, state), &state) } else { state.optionErrors[.roleArn] = nil }
                state.rendering = nil
            case .eula:
                state.answers.acceptEula.toggle()
                state.rendering = nil
            default: break
            }
        case .next:
            if state.answers.roleForm == .existing { apply(.roleArn, text(.roleArn, state), &state) }
            if let (field, error) = fields.compactMap({ f in state.optionErrors[f].map { (f, $0) } }).first {
                state.optionFocus = field
                state.flash = error
                return []
            }
            if state.entry?.requiresEula != nil, !state.answers.acceptEula {
                state.optionFocus = .eula
                state.flash = "This model needs its EULA accepted: read it at the address shown, then press Space on the EULA field."
                return []
            }
            Wizard.refreshRendering(&state, services)
            StepKeys.advance(&state, to: .review)
            state.reviewScroll = 0
        default: break
        }
        return []
    }
}

/// The core's template rules (the same `export` applies), as one-sentence refusals for the form
/// (without the command-line flag the core's messages start with).
enum OptionRules {
    /// The core's sentence, naming the field by its label (the command line names the flag).
    static func form(_ error: TemplateError, _ field: OptionField) -> String {
        error.text(naming: field.label)
    }

    static func endpointName(_ name: String) -> String? {
        TemplateRules.checkEndpointName(name).map { form($0, .endpointName) }
    }
}
