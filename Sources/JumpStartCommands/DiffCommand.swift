import ArgumentParser
import Foundation
import JumpStartCore

/// `jumpstart-tui diff OLD NEW`: what changes between two CloudFormation templates for their SageMaker
/// and scaling resources, what CloudFormation does about it to the running endpoint, and the
/// monthly cost before and after. The reading and the rules are the core's (`TemplateDiff`,
/// `TemplateCost`); this only prints.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what a template change does to SageMaker endpoints and to their monthly cost.",
        discussion: """
            Reads two CloudFormation templates (JSON or YAML: ours, the JumpStartSageMakerEndpoint construct's \
            `cdk synth` output, or hand-written) and compares their SageMaker and Application Auto Scaling \
            resources by logical id: what is added, removed and changed (property paths, old → new); which \
            changes CloudFormation carries out by replacing the resource (the properties each type's \
            CloudFormation schema marks create-only), and what that means for the running endpoint; and the \
            monthly cost before, after and the difference, priced as `cost --template` prices them. For two \
            templates of ours it also names the answers that changed (instance type, capacity, …).

            --format markdown is ready to paste into a pull request. --exit-code makes the status say whether \
            the monthly cost changed, as diff(1) does: 0 unchanged, 1 changed, 2 on any error; without it the \
            status is 0 unless there is an error.

            Examples:
              jumpstart-tui diff main.template.json cdk.out/MyStack.template.json
              jumpstart-tui diff old.yaml new.yaml --format markdown > cost-diff.md
              jumpstart-tui diff old.yaml new.yaml --exit-code --format json
            """)

    // Optional, so that a missing one is one of the errors --exit-code turns into status 2.
    @Argument(help: ArgumentHelp("The template before the change.", valueName: "old"))
    var old: String?

    @Argument(help: ArgumentHelp("The template after the change.", valueName: "new"))
    var new: String?

    @OptionGroup var regionOption: RegionOption

    // A string, so that a wrong value is one of the errors --exit-code turns into status 2.
    @Option(name: .long, help: ArgumentHelp("Output format: table, json or markdown.", valueName: "format"))
    var format: String = "table"

    @Flag(name: .long, help: "Exit 0 when the monthly cost is unchanged, 1 when it changed, 2 on any error (for CI).")
    var exitCode = false

    func run() throws {
        do {
            let changed = try compare()
            if exitCode, changed { throw ExitCode(1) }
        } catch let code as ExitCode {
            throw code
        } catch {
            guard exitCode else { throw error }
            note("Error: \(error)")
            throw ExitCode(2)
        }
    }

    /// Prints the comparison; returns whether the monthly cost changed.
    func compare() throws -> Bool {
        guard let f = OutputFormat(rawValue: format), [.table, .json, .markdown].contains(f) else {
            throw CommandFailure("--format \(format) is not offered by diff; use table, json or markdown.")
        }
        guard let oldPath = old, let newPath = new else {
            throw CommandFailure("diff needs two templates, the old one and the new one (diff OLD NEW); \(old == nil ? "none" : "one") given.")
        }
        let prices = try loadPrices()
        let old = try PricedTemplate.load(path: oldPath, regionFlag: regionOption.region, parameters: [], prices: prices)
        let new = try PricedTemplate.load(path: newPath, regionFlag: regionOption.region, parameters: [], prices: prices)
        for hint in [old.regionHint, new.regionHint].compactMap({ $0 }) { note(hint) }
        let diff = TemplateDiff(old: old.template, new: new.template)
        let effects = diff.effects(old: old.endpoints, new: new.endpoints, oldTemplate: old.template, newTemplate: new.template, region: new.region)
        let report = DiffReport(old: old, new: new, diff: diff, effects: effects, userFile: prices.userFile)
        switch f {
        case .json: emit(JSONText.pretty(report.json))
        case .markdown: emit(report.markdown)
        default: emit(report.table(width: outputWidth()))
        }
        return report.costChanged
    }
}

/// The three renderings of one diff.
struct DiffReport {
    var old: PricedTemplate
    var new: PricedTemplate
    var diff: TemplateDiff
    var effects: TemplateDiff.Effects
    var userFile: URL?

    /// One line of the cost table: an endpoint variant before and after (either may be missing).
    struct CostLine {
        var endpoint: String
        var variant: String
        var before: TemplateCost.Row?
        var after: TemplateCost.Row?
    }

    var costLines: [CostLine] {
        var lines: [CostLine] = []
        func key(_ r: TemplateCost.Row) -> String { r.endpointId + "\u{0}" + (r.variant.value ?? "") }
        for r in new.cost.rows {
            let before = old.cost.rows.first { key($0) == key(r) }
            lines.append(CostLine(endpoint: r.endpointLabel, variant: r.variantLabel, before: before, after: r))
        }
        for r in old.cost.rows where !new.cost.rows.contains(where: { key($0) == key(r) }) {
            lines.append(CostLine(endpoint: r.endpointLabel, variant: r.variantLabel, before: r, after: nil))
        }
        return lines
    }

    /// The totals differ, or which rows are unknown differs.
    var costChanged: Bool {
        func unknowns(_ c: TemplateCost) -> [String] { c.rows.filter { !$0.known }.map { "\($0.endpointId)/\($0.variantLabel): \($0.unknownReason ?? "")" } }
        return old.cost.totalLow != new.cost.totalLow || old.cost.totalHigh != new.cost.totalHigh || unknowns(old.cost) != unknowns(new.cost)
    }

    static func signed(_ m: Money) -> String {
        m.micros == 0 ? "$0.00" : (m.micros < 0 ? "-" : "+") + Money(micros: abs(m.micros)).formatted
    }

    /// The difference of two figures as they are shown, each to the cent: `$5,175.70 − $8,841.82`
    /// is `-$3,666.12`, whatever the micro-dollars behind them.
    static func shownDifference(_ before: Money, _ after: Money) -> Money {
        func cents(_ m: Money) -> Int64 { (m.micros + 5_000) / 10_000 }
        return Money(micros: (cents(after) - cents(before)) * 10_000)
    }

    /// `+$1,234.56`, or `+$1.00 to +$3.00` for a range; `unknown` when either side is.
    static func change(_ a: (Money, Money)?, _ b: (Money, Money)?) -> String {
        let zero = (Money(micros: 0), Money(micros: 0))
        let x = a ?? zero, y = b ?? zero
        let low = shownDifference(x.0, y.0), high = shownDifference(x.1, y.1)
        return low == high ? signed(low) : "\(signed(low)) to \(signed(high))"
    }

    static func figures(_ r: TemplateCost.Row?) -> (Money, Money)? {
        guard let r, let low = r.cost?.monthlyLow, let high = r.cost?.monthlyHigh else { return nil }
        return (low, high)
    }

    static func side(_ r: TemplateCost.Row?) -> String {
        guard let r else { return "-" }
        return "\(instances(r)): \(r.monthlyLabel)"
    }

    /// `ml.g5.2xlarge × 1–4`; `-` when the side has no such variant.
    static func instances(_ r: TemplateCost.Row?) -> String {
        guard let r else { return "-" }
        return "\(r.instanceTypeLabel) × \(r.capacity.map { Self.shortCapacity($0) } ?? "?")"
    }

    /// `2`, `1–4`, `2 (1 off hours)`.
    static func shortCapacity(_ c: Capacity) -> String {
        let range = c.range.lowerBound == c.range.upperBound ? "\(c.range.lowerBound)" : "\(c.range.lowerBound)–\(c.range.upperBound)"
        return c.schedule.map { "\(range) (\($0.offHoursCount) off hours)" } ?? range
    }

    func lineChange(_ l: CostLine) -> String {
        let a = Self.figures(l.before), b = Self.figures(l.after)
        if (l.before != nil && a == nil) || (l.after != nil && b == nil) { return "unknown" }
        return Self.change(a, b)
    }

    var totalChange: String {
        let partial = old.cost.unknownRows > 0 || new.cost.unknownRows > 0
        let text = Self.change((old.cost.totalLow, old.cost.totalHigh), (new.cost.totalLow, new.cost.totalHigh))
        return partial ? text + " (known rows only)" : text
    }

    var regionText: String {
        old.region == new.region ? "\(new.region) (\(new.regionSource))" : "\(old.region) before (\(old.regionSource)), \(new.region) after (\(new.regionSource))"
    }

    static func update(_ b: UpdateBehaviour) -> String {
        switch b {
        case .replacement: return "replacement"
        case .noInterruption: return "no interruption"
        case .unknown: return "update behaviour unknown"
        }
    }

    static func verdict(_ c: TemplateDiff.ResourceChange) -> String {
        switch c.kind {
        case .added: return "added"
        case .removed: return "removed"
        case .changed: return c.updateUnknown ? "changed" : c.replaced ? "replaced" : "updated in place"
        }
    }

    static func changeText(_ p: TemplateDiff.PropertyChange) -> String {
        if let cause = p.becauseReplaced { return "\(p.path): a new value, because \(cause) is replaced (\(update(p.behaviour)))" }
        return "\(p.path): \(p.old ?? "(none)") → \(p.new ?? "(none)") (\(update(p.behaviour)))"
    }

    var costRowsUnchanged: Bool { !costChanged }

    func table(width: Int?) -> String {
        let w = width ?? 100
        var lines = proseLines("\(old.fileName) → \(new.fileName): SageMaker and scaling resources, and the monthly cost in \(regionText)", width: w)
        if let answers = diff.answers, !answers.isEmpty {
            lines += ["", "Answers that changed:"]
            var t = TextTable([.init(title: "ANSWER"), .init(title: "BEFORE", flexible: true), .init(title: "AFTER")])
            for a in answers { t.add([a.field, a.old, a.new]) }
            lines += t.render(width: width.map { $0 - 2 }).map { "  " + $0 }
        }
        lines += ["", "Resources:"]
        if diff.resources.isEmpty { lines.append("  no SageMaker or scaling resource changes") }
        for c in diff.resources {
            let mark = c.kind == .added ? "+" : c.kind == .removed ? "-" : "~"
            lines += proseLines("  \(mark) \(c.logicalId) (\(c.type)): \(Self.verdict(c))", width: w, indent: "    ")
            for p in c.changes { lines += proseLines("      " + Self.changeText(p), width: w, indent: "        ") }
        }
        if !effects.sentences.isEmpty {
            lines += ["", "What it means for the running endpoints:"]
            for s in effects.sentences { lines += proseLines("  - " + s, width: w, indent: "    ") }
        }
        for warning in effects.warnings {
            lines.append("")
            for l in warning.split(separator: "\n") { lines += proseLines(String(l), width: w, indent: l.hasPrefix("  ") ? "     " : "  ") }
        }
        lines += ["", "Monthly cost, on demand, \(new.cost.hoursPerMonth) hours a month:"]
        // A block per endpoint variant, so that it fits 80 columns whatever the names.
        var block: [(String, String, String)] = []
        var heads: [Int: String] = [:]
        for l in costLines {
            heads[block.count] = "\(l.endpoint) / \(l.variant)"
            block.append(("before", Self.instances(l.before), l.before.map(\.monthlyLabel) ?? "-"))
            block.append(("after", Self.instances(l.after), l.after.map(\.monthlyLabel) ?? "-"))
            block.append(("change", "", lineChange(l)))
        }
        heads[block.count] = "Total"
        block += [("before", "", totalText(old.cost)), ("after", "", totalText(new.cost)), ("change", "", totalChange)]
        let instancesWidth = block.map(\.1.count).max() ?? 0, moneyWidth = block.map(\.2.count).max() ?? 0
        for (i, b) in block.enumerated() {
            if let head = heads[i] { lines += proseLines("  " + head, width: w, indent: "    ") }
            let money = String(repeating: " ", count: moneyWidth - b.2.count) + b.2
            lines.append(("    " + b.0.padding(toLength: 8, withPad: " ", startingAt: 0) + b.1.padding(toLength: instancesWidth, withPad: " ", startingAt: 0) + "  " + money).trimmingTrailingSpaces())
        }
        let notes = noteLines
        if !notes.isEmpty {
            lines.append("")
            for n in notes { lines += proseLines("- " + n, width: w, indent: "  ") }
        }
        lines.append("")
        lines += proseLines(CostAssumptions.sentence(new.cost.hoursPerMonth), width: w)
        for s in sourceLines { lines += proseLines("Source: " + s, width: w) }
        return lines.joined(separator: "\n")
    }

    func totalText(_ c: TemplateCost) -> String { c.rows.isEmpty ? "$0.00" : c.totalText }

    /// Unknown rows and capacity assumptions of either side; a note both sides share, once.
    var noteLines: [String] {
        let before = old.cost.noteLines(), after = new.cost.noteLines()
        var out: [String] = []
        for n in before { out.append(after.contains(n) ? n : "before: " + n) }
        for n in after where !before.contains(n) { out.append("after: " + n) }
        return out
    }

    var sourceLines: [String] { TemplateCost.sourceLines(rows: old.cost.rows + new.cost.rows, userFile: userFile) }

    var markdown: String {
        func cell(_ s: String) -> String { markdownCell(s) }
        var lines = ["### \(cell(old.fileName)) → \(cell(new.fileName))", ""]
        lines.append("**Monthly cost** in \(cell(regionText)), on demand, \(new.cost.hoursPerMonth) hours a month: \(cell(totalText(old.cost))) → \(cell(totalText(new.cost))) (**\(cell(totalChange))**)")
        lines += ["", "| Endpoint | Variant | Before | After | Change |", "|---|---|---|---|---:|"]
        for l in costLines {
            lines.append("| " + [l.endpoint, l.variant, Self.side(l.before), Self.side(l.after), lineChange(l)].map(cell).joined(separator: " | ") + " |")
        }
        lines.append("| **Total** | | \(cell(totalText(old.cost))) | \(cell(totalText(new.cost))) | **\(cell(totalChange))** |")
        if let answers = diff.answers, !answers.isEmpty {
            lines += ["", "**Answers that changed**", "", "| Answer | Before | After |", "|---|---|---|"]
            for a in answers { lines.append("| \(cell(a.field)) | \(cell(a.old)) | \(cell(a.new)) |") }
        }
        lines += ["", "**Resources**", ""]
        if diff.resources.isEmpty {
            lines.append("No SageMaker or scaling resource changes.")
        } else {
            lines += ["| Resource | Type | CloudFormation | Changes |", "|---|---|---|---|"]
            for c in diff.resources {
                let changes = c.changes.map { cell(Self.changeText($0)) }.joined(separator: "<br>")
                lines.append("| \(cell(c.logicalId)) | \(cell(c.type)) | \(Self.verdict(c)) | \(changes.isEmpty ? "-" : changes) |")
            }
        }
        if !effects.sentences.isEmpty {
            lines += ["", "**What it means for the running endpoints**", ""]
            for s in effects.sentences { lines.append("- " + cell(s)) }
        }
        for warning in effects.warnings {
            let parts = warning.split(separator: "\n").map(String.init)
            lines += ["", "> **Warning:** " + cell(String(parts[0].dropFirst("warning: ".count)))]
            for p in parts.dropFirst() { lines += [">", "> " + cell(p.trimmingCharacters(in: .whitespaces))] }
        }
        lines.append("")
        for n in noteLines { lines.append("- " + cell(n)) }
        lines.append("- " + cell(CostAssumptions.sentence(new.cost.hoursPerMonth)))
        for s in sourceLines { lines.append("- Price source: " + cell(s)) }
        return lines.joined(separator: "\n")
    }

    var json: JSONText.Value {
        func total(_ c: TemplateCost) -> JSONText.Value { c.totalJSON }
        let resources: [JSONText.Value] = diff.resources.map { c in
            .object([
                ("logicalId", .string(c.logicalId)),
                ("type", .string(c.type)),
                ("change", .string(c.kind.rawValue)),
                ("replaced", .bool(c.replaced)),
                ("nameConflict", c.nameConflict.map { .string($0) } ?? .null),
                ("properties", .array(c.changes.map { p in
                    .object([
                        ("path", .string(p.path)),
                        ("old", p.old.map { .string($0) } ?? .null),
                        ("new", p.new.map { .string($0) } ?? .null),
                        ("update", .string(p.behaviour == .replacement ? "replacement" : p.behaviour == .noInterruption ? "no-interruption" : "unknown")),
                        ("becauseReplaced", p.becauseReplaced.map { .string($0) } ?? .null),
                    ])
                })),
            ])
        }
        let answers: JSONText.Value = diff.answers.map { list in
            .array(list.map { .object([("field", .string($0.field)), ("old", .string($0.old)), ("new", .string($0.new))]) })
        } ?? .null
        return .object([
            ("old", .string(old.template.path)),
            ("new", .string(new.template.path)),
            ("answers", answers),
            ("resources", .array(resources)),
            ("effects", .array(effects.sentences.map { .string($0) })),
            ("warnings", .array(effects.warnings.map { .string($0) })),
            ("cost", .object([
                ("changed", .bool(costChanged)),
                ("before", .object([("region", .string(old.region)), ("total", total(old.cost)), ("rows", .array(old.cost.rows.map(\.json)))])),
                ("after", .object([("region", .string(new.region)), ("total", total(new.cost)), ("rows", .array(new.cost.rows.map(\.json)))])),
                ("change", .object([
                    ("monthlyLow", .double(Self.shownDifference(old.cost.totalLow, new.cost.totalLow).dollars)),
                    ("monthlyHigh", .double(Self.shownDifference(old.cost.totalHigh, new.cost.totalHigh).dollars)),
                ])),
                ("notes", .array(noteLines.map { .string($0) })),
                ("assumptions", CostAssumptions.json(new.cost.hoursPerMonth)),
            ])),
        ])
    }
}
