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
        case .tags: return a.tagPairs.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
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
        case .enter, .escape, .tab, .backTab, .up, .down, .function(1), .ctrl("r"), .ctrl("c"), .character("?"): return nil
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
            if let n = Int(text), TemplateRules.healthCheckTimeoutRange.contains(n) { state.answers.healthCheckTimeout = n } else {
                error = OptionRules.form(.healthCheckTimeoutInvalid(text: text), .healthCheckTimeout)
            }
        case .roleArn:
            error = OptionRules.roleArn(text)
            if error == nil { state.answers.roleArn = text }
        case .subnets:
            error = OptionRules.ids(list, prefix: "subnet-", what: "subnet", max: TemplateRules.maxSubnets)
            if error == nil { state.answers.subnets = list }
        case .securityGroups:
            error = OptionRules.ids(list, prefix: "sg-", what: "security group", max: TemplateRules.maxSecurityGroups)
            if error == nil { state.answers.securityGroups = list }
        case .kmsKeyId:
            error = text.isEmpty ? nil : OptionRules.kmsKey(text)
            if error == nil, !text.isEmpty, TemplateRules.hasInstanceStorage(state.answers.chosenType) {
                error = OptionRules.form(.kmsKeyWithInstanceStorage(instanceType: state.answers.chosenType), .kmsKeyId)
            }
            if error == nil { state.answers.kmsKeyText = text }
        case .tags:
            var tags: [(key: String, value: String)] = []
            for item in list {
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 else { error = "Tag \"\(item)\": write KEY=VALUE."; break }
                if let problem = OptionRules.tag(key: parts[0], value: parts[1]) { error = problem; break }
                tags.append((parts[0], parts[1]))
            }
            if error == nil { state.answers.tagPairs = tags }
        case .role, .eula:
            break
        }
        state.optionErrors[field] = error
        if field == .subnets || field == .securityGroups { vpcPairing(&state) }
    }

    /// Subnets and security groups come together or not at all.
    static func vpcPairing(_ state: inout WizardState) {
        let subnets = state.answers.subnets.isEmpty, groups = state.answers.securityGroups.isEmpty
        if subnets != groups, state.optionErrors[.subnets] == nil, state.optionErrors[.securityGroups] == nil {
            state.optionErrors[subnets ? .subnets : .securityGroups] = "VPC: give subnets and security groups together, or neither (now \(state.answers.subnets.count) subnet(s), \(state.answers.securityGroups.count) security group(s))."
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

    static func roleArn(_ arn: String) -> String? {
        if arn.isEmpty { return "Type the role's ARN, e.g. arn:aws:iam::123456789012:role/NAME." }
        return TemplateRules.isRoleArn(arn) ? nil : form(.roleArnInvalid(arn: arn), .roleArn)
    }

    static func ids(_ ids: [String], prefix: String, what: String, max: Int) -> String? {
        let isSubnet = prefix == "subnet-"
        let field: OptionField = isSubnet ? .subnets : .securityGroups
        if ids.count > max {
            return form(isSubnet ? .tooManySubnets(count: ids.count) : .tooManySecurityGroups(count: ids.count), field)
        }
        for id in ids where !(isSubnet ? TemplateRules.isSubnetId(id) : TemplateRules.isSecurityGroupId(id)) {
            return form(isSubnet ? .subnetIdInvalid(id: id) : .securityGroupIdInvalid(id: id), field)
        }
        return nil
    }

    static func kmsKey(_ key: String) -> String? {
        TemplateRules.isKmsKey(key) ? nil : form(.kmsKeyInvalid(key: key), .kmsKeyId)
    }

    static func tag(key: String, value: String) -> String? {
        TemplateRules.checkTag(TemplateTag(key: key, value: value)).map { form($0, .tags) }
    }
}
