import JumpStartCore
import TerminalUI

/// A row of the Capacity step: the switches, and the fields each shows.
public enum CapacityRow: String, Sendable, Equatable, CaseIterable {
    case mode, count, minCount, maxCount, target, schedule, window, timeZone, offHours

    public var label: String {
        switch self {
        case .mode: return "Scaling"
        case .schedule: return "Working hours"
        case .window: return "Window"
        default: return field.label
        }
    }

    /// The core's field, whose rules the row's text is checked by.
    var field: CapacityField {
        switch self {
        case .mode, .count: return .count
        case .minCount: return .minCount
        case .maxCount: return .maxCount
        case .target: return .targetInvocations
        case .schedule, .window: return .schedule
        case .timeZone: return .timeZone
        case .offHours: return .offHoursCount
        }
    }

    var isToggle: Bool { self == .mode || self == .schedule }
    var isNumber: Bool { [.count, .minCount, .maxCount, .target, .offHours].contains(self) }
}

/// Step 3, Capacity: a fixed count, or autoscaling between a minimum and a maximum, and optional
/// working hours outside which the endpoint scales down. Every text is checked as typed by the
/// core's `CapacityRules`; a valid capacity becomes the answer at once, so the estimate follows.
enum CapacityStep {
    static let defaultWindow = "Mon-Fri 08:00-20:00"

    static func visibleRows(_ state: WizardState) -> [CapacityRow] {
        var rows: [CapacityRow] = [.mode]
        rows += state.capacityAutoscaling ? [.minCount, .maxCount, .target] : [.count]
        rows.append(.schedule)
        if state.capacityScheduled { rows += [.window, .timeZone, .offHours] }
        return rows
    }

    /// The text a row shows: what was typed, else the answer (or a starting value).
    static func text(_ row: CapacityRow, _ state: WizardState) -> String {
        if row == .count { return state.countField.text }
        if let typed = state.capacityTexts[row] { return typed.text }
        let c = state.answers.capacity
        let n = c.initialCount
        switch row {
        case .mode: return state.capacityAutoscaling ? "autoscaling" : "fixed"
        case .schedule: return state.capacityScheduled ? "on" : "off"
        case .minCount: if case let .autoscaling(min, _, _) = c.kind { return String(min) }; return String(n)
        case .maxCount: if case let .autoscaling(_, max, _) = c.kind { return String(max) }; return String(Swift.max(2, n * 2))
        case .target: return String(c.targetInvocations ?? Capacity.defaultTargetInvocations)
        case .window: return c.schedule?.window ?? defaultWindow
        case .timeZone: return c.schedule?.timeZone ?? "UTC"
        case .offHours: return String(c.schedule?.offHoursCount ?? 1)
        case .count: return String(n)
        }
    }

    static func field(_ row: CapacityRow, _ state: WizardState) -> TextFieldState {
        row == .count ? state.countField : (state.capacityTexts[row] ?? TextFieldState(text: text(row, state)))
    }

    /// On arriving: the switches and texts from the answers.
    static func enter(_ state: inout WizardState) {
        state.capacityAutoscaling = state.answers.capacity.isAutoscaling
        state.capacityScheduled = state.answers.capacity.schedule != nil
        state.capacityTexts = [:]
        state.capacityErrors = [:]
        state.countField = TextFieldState(text: String(state.answers.capacity.initialCount))
        state.countReplaces = true
        if !visibleRows(state).contains(state.capacityFocus) { state.capacityFocus = state.capacityAutoscaling ? .minCount : .count }
    }

    /// Keys a focused field takes (digits in number rows, any text in the window and time zone).
    static func textKey(_ key: Key, _ state: inout WizardState, _ services: WizardServices) -> [Effect]? {
        let row = state.capacityFocus
        if row == .count { return nil }  // the count keeps its own editing (StepKeys)
        guard !row.isToggle else { return nil }
        switch key {
        case .enter, .escape, .tab, .backTab, .up, .down, .function(1), .ctrl("r"), .ctrl("c"), .character("?"): return nil
        case .character(let c) where row.isNumber && !c.isNumber: return nil
        default: break
        }
        guard let edited = field(row, state).applying(key) else { return nil }
        state.capacityTexts[row] = edited
        apply(&state, services)
        return []
    }

    static func command(_ command: Command, _ state: inout WizardState, _ services: WizardServices) -> [Effect] {
        let rows = visibleRows(state)
        let i = rows.firstIndex(of: state.capacityFocus) ?? 0
        switch command {
        case .nextField: state.capacityFocus = rows[(i + 1) % rows.count]
        case .previousField: state.capacityFocus = rows[(i + rows.count - 1) % rows.count]
        case .toggle:
            switch state.capacityFocus {
            case .mode:
                state.capacityAutoscaling.toggle()
                apply(&state, services)
                state.flash = state.capacityAutoscaling ? "Autoscaling between a minimum and a maximum." : "A fixed number of instances."
            case .schedule:
                state.capacityScheduled.toggle()
                apply(&state, services)
                state.flash = state.capacityScheduled ? "Outside the working hours the endpoint scales down." : "The same capacity around the clock."
            default:
                state.flash = "Space switches the Scaling and Working hours rows; type in the others."
            }
        case .increment, .decrement:
            let row = state.capacityFocus
            guard row.isNumber else {
                state.flash = "+ and - change numbers; move to one with ↑↓."
                return []
            }
            if row == .count { return StepKeys.countCommand(command, &state, services) }
            let current = Int(text(row, state)) ?? 1
            let next = command == .increment ? current + 1 : current - 1
            let high = row == .target ? 1_000_000 : CapacityRules.countRange.upperBound
            state.capacityTexts[row] = TextFieldState(text: String(Swift.min(high, Swift.max(1, next))))
            apply(&state, services)
        case .next:
            apply(&state, services)
            if let (row, error) = firstError(state) {
                state.capacityFocus = row
                state.flash = error
                return []
            }
            if !state.capacityAutoscaling {
                // The fixed count's own rule (typed but out of range, or empty).
                guard let n = Int(state.countField.text), CapacityRules.countRange.contains(n) else {
                    state.flash = "Type a count from 1 to \(Wizard.maximumCount)."
                    return []
                }
            }
            StepKeys.advance(&state, to: .environment)
        default: break
        }
        return []
    }

    static func firstError(_ state: WizardState) -> (CapacityRow, String)? {
        for row in visibleRows(state) { if let e = state.capacityErrors[row] { return (row, e) } }
        return nil
    }

    /// Reads the visible rows into a capacity; when every rule holds it becomes the answer,
    /// else the row the first broken rule is about says why (by its label, as the core words it).
    static func apply(_ state: inout WizardState, _ services: WizardServices) {
        state.capacityErrors = [:]
        // Every visible row is read on its own, so each wrong one says so at once.
        func number(_ row: CapacityRow) -> Int? {
            let t = row == .count ? state.countField.text : text(row, state)
            guard let n = Int(t) else {
                state.capacityErrors[row] = CapacityError(field: row.field, value: t.isEmpty ? nil : t, message: t.isEmpty ? "type a whole number" : CapacityRules.countRule(row.field)).text(naming: row.label)
                return nil
            }
            if row != .target, let e = CapacityRules.checkCount(n, row.field) { state.capacityErrors[row] = e.text(naming: row.label) }
            return n
        }
        let rows = visibleRows(state)
        var values: [CapacityRow: Int] = [:]
        for row in rows where row.isNumber { values[row] = number(row) }
        var schedule: OffHoursSchedule?
        if state.capacityScheduled {
            do throws(CapacityError) {
                schedule = try OffHoursSchedule.parse(text(.window, state), timeZone: text(.timeZone, state), offHoursCount: values[.offHours] ?? 1)
            } catch {
                state.capacityErrors[.window] = error.text(naming: CapacityRow.window.label)
            }
            if let e = CapacityRules.checkTimeZone(text(.timeZone, state)) { state.capacityErrors[.timeZone] = e.text(naming: CapacityRow.timeZone.label) }
        }
        guard state.capacityErrors.isEmpty else { return }
        var capacity: Capacity
        if state.capacityAutoscaling {
            guard let min = values[.minCount], let max = values[.maxCount], let target = values[.target] else { return }
            capacity = Capacity(.autoscaling(min: min, max: max, targetInvocations: target))
        } else {
            guard let n = values[.count] else { return }
            capacity = .fixed(n)
        }
        capacity.schedule = schedule
        if let e = CapacityRules.check(capacity, instanceType: state.answers.chosenType) {
            let row = visibleRows(state).first { $0.field == e.field && !$0.isToggle } ?? (state.capacityAutoscaling ? .minCount : .count)
            state.capacityErrors[row] = e.text(naming: row.label)
            return
        }
        guard capacity != state.answers.capacity else { return }
        state.answers.capacity = capacity
        state.rendering = nil
        Wizard.refreshInstanceRows(&state, services)
        Wizard.refreshEstimate(&state, services)
    }
}
