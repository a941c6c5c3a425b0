import JumpStartCore
import TerminalUI

/// Step 2: the supported instance types with hardware, prices and deployability.
enum InstanceView {
    static func draw(_ state: WizardState, _ layout: Layout, _ theme: Theme, into buffer: inout ScreenBuffer) {
        let count = state.answers.instanceCount
        var title = "Instance types in \(state.answers.region) · sorted by \(state.instanceSort.rawValue) (s)"
        if let entry = state.entry, let config = entry.configName, entry.configs.filter({ $0.fields != nil }).count > 1 {
            title += " · config \(config) (c)"
        }
        let inner = WizardView.box(title, layout.instanceTable, theme, into: &buffer)
        let maxMonthly = state.instanceRows.compactMap(\.cost.monthlyAmount).max()?.dollars ?? 0
        // The long hardware columns only where they fit beside the status (about 160 columns).
        let roomy = layout.main.width >= 118
        // $ per 1M output tokens where JumpStart publishes a throughput, when there is room.
        let tokens = roomy && state.instanceRows.contains { $0.tokenCost != nil }
        let barWidth = roomy ? (tokens ? 6 : 16) : 5
        let rows: [[String]] = state.instanceRows.map { r in
            let mark = (r.isDefault ? "*" : " ") + (r.isCheapest ? "$" : " ")
            // A stale price keeps its figure, marked: "$37.688!".
            let hourly = r.cost.known ? r.cost.hourly + (r.cost.stale ? "!" : "") : "unknown"
            let hw = r.hardware
            let bar = r.cost.known ? Bar(value: r.cost.monthlyAmount?.dollars ?? 0, maximum: maxMonthly, glyphs: theme.glyphs).text(width: barWidth) : ""
            // At 80 columns the * and $ marks say default and cheapest; wider, words say it too.
            var status = r.deploys ? "ok" : "\(theme.cross) \(r.problem ?? "")"
            if roomy, r.deploys {
                if r.isDefault && r.isCheapest { status = "default, cheapest" }
                else if r.isDefault { status = "default" }
                else if r.isCheapest { status = "cheapest" }
            }
            return [
                mark + r.instanceType, hw?.vcpu ?? "?", hw.map { roomy ? $0.memory : $0.memory.replacingOccurrences(of: " GiB", with: "G") } ?? "?",
                hw.map { roomy ? $0.accelerators : compact($0.accelerators) } ?? "?",
                hourly, r.cost.known ? r.cost.monthly : "unknown",
            ] + (tokens ? [r.tokenCost?.perMillion.formatted ?? "-"] : []) + [bar, status]
        }
        let styles = Dictionary(uniqueKeysWithValues: state.instanceRows.enumerated().compactMap { (i, r) -> (Int, Style)? in
            r.deploys ? nil : (i, theme.dim)
        })
        let columns: [TableColumn] = [
            TableColumn("  TYPE", width: .fixed(18)),
            TableColumn("vCPU", width: .fixed(4), alignment: .right),
            TableColumn("MEM", width: .fixed(roomy ? 8 : 5), alignment: .right),
            TableColumn(roomy ? "ACCELERATORS" : "ACCEL", width: .fixed(roomy ? 20 : 11)),
            // Nine: "$113.068!" (a stale price keeps its mark).
            // Both money columns say the count they are for.
            TableColumn(count == 1 ? "$/HOUR" : "$/HR ×\(count)", width: .fixed(roomy ? 10 : 9), alignment: .right),
            TableColumn(count == 1 ? "$/MONTH" : "$/MO ×\(count)", width: .fixed(10), alignment: .right),
        ] + (tokens ? [TableColumn("$/1M TOK", width: .fixed(9), alignment: .right)] : []) + [
            TableColumn("", width: .fixed(barWidth)),
            TableColumn("STATUS", width: .flexible(minimum: 4, weight: 1)),
        ]
        buffer.render(TableView(columns: columns, rows: rows, selected: state.instanceSelection, scrollOffset: state.instanceScroll,
                                rowStyles: styles, headerStyle: theme.dim, selectedStyle: theme.selected, glyphs: theme.glyphs), in: inner)
        // The selected row in full.
        let area = layout.instanceDetail
        guard state.instanceRows.indices.contains(state.instanceSelection) else { return }
        let r = state.instanceRows[state.instanceSelection]
        var out: [(String, Style)] = []
        let hw = r.hardware.map { "\($0.vcpu) vCPU · \($0.memory) memory · accelerators: \($0.accelerators)" } ?? "hardware unknown"
        out.append((" \(r.instanceType): \(hw)", .bold))
        if r.cost.known {
            out.append((" \(r.cost.hourly)/hour for \(count) → \(r.cost.monthly)/month, \(r.cost.yearly)/year", theme.money))
            if let t = r.tokenCost {
                let users = t.concurrency ?? 1
                let how = users == 1 ? "1 user at \(t.tokensPerSecond) tok/s" : "\(users) users at \(t.tokensPerSecond) tok/s each"
                out.append((" \(t.perMillion.formatted)/1M output tokens (\(t.config): \(how))", theme.money))
            }
            out.append((" " + r.cost.basis, theme.dim))
        } else {
            out.append((" Price unknown: \(r.cost.reason ?? "no price known"). Never guessed.", theme.warn))
        }
        // What is missing and what the marks mean come first: at 80×24 only five lines fit.
        if let missing = missingPrices(state) { out.append((" " + missing, theme.warn)) }
        out.append((" " + coverage(state), theme.dim))
        // The table's STATUS column says it too; here in full, when there is room.
        if let problem = r.problem {
            out.append((" \(theme.cross) Can't be chosen in \(state.answers.region): \(problem).", theme.bad))
        } else {
            out.append((" Deploys in \(state.answers.region).", theme.good))
        }
        WizardView.lines(out, in: area, into: &buffer)
    }
}

/// What the marks mean, honestly: "* default · $ cheapest of 3 priced that deploy · ! stale price".
func coverage(_ state: WizardState) -> String {
    let rows = state.instanceRows
    let candidates = rows.filter(\.deploys)
    let priced = candidates.filter(\.cost.known).count
    var parts = ["* default"]
    if rows.contains(where: \.isCheapest) {
        parts.append(priced == candidates.count ? "$ cheapest that deploys" : "$ cheapest of \(priced) priced that deploy")
    } else if priced > 0 {
        parts.append("no $: \(priced) of \(candidates.count) that deploy priced")
    }
    if rows.contains(where: \.cost.stale) { parts.append("! stale price (>\(PriceQuote.staleAfterDays) days)") }
    return parts.joined(separator: " · ")
}

/// "9 of 10 prices unknown: press u to fetch eu-west-1's from AWS"; nil when none is. (The review
/// names the command line too; here the key is the one thing to do.)
func missingPrices(_ state: WizardState) -> String? {
    let unknown = state.instanceRows.filter { !$0.cost.known }.count
    guard unknown > 0 else { return nil }
    let region = state.answers.region
    return "\(unknown) of \(state.instanceRows.count) prices unknown: press u to fetch \(region)'s from AWS"
}

/// `1× A10G 24 GiB` → `1×A10G 24G`, to fit 80 columns.
private func compact(_ accelerators: String) -> String {
    accelerators.replacingOccurrences(of: "× ", with: "×").replacingOccurrences(of: " GiB", with: "G")
}
