import ArgumentParser
import Foundation
import JumpStartCore

/// `jumpstart-tui compare MODEL` (its instance types in one region) or
/// `jumpstart-tui compare --instance-type T` (one type across regions).
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare monthly costs: a model's instance types in a region, or one instance type across regions.",
        discussion: """
            compare MODEL[@VERSION] lists every instance type the model supports in one region: hardware, \
            price per hour, cost per month for --count instances, and whether the model deploys on it. \
            compare --instance-type T [--model MODEL] [--regions all|R1,R2,…] lists one type across regions \
            (all 27 JumpStart regions by default), with, given a model, whether it deploys in each.

            Rows are sorted by monthly cost; unknown prices come last, are labelled, and are never guessed. \
            The model's default instance type is marked *, a price older than 180 days !, and the cheapest \
            choice that deploys $ — claimed only among priced rows, and only when at least half of the rows \
            that deploy have a price. Prices: your own, else AWS's Price List as last fetched by \
            `jumpstart-tui pricing update`, else the bundled table.

            For a version fetched by `catalog update` whose deployment configuration publishes benchmarks, \
            $/1M TOK is the on-demand price of a million output tokens from one instance: $/hour ÷ (tokens/s × \
            3,600) × 1,000,000, where tokens/s is JumpStart's per-user throughput (P50, as the SageMaker SDK \
            reads it) times the number of users it was measured with, at the lowest concurrency measured \
            (shown as c=N). Rows without both a price and a figure have none.
            """)

    @Argument(help: ArgumentHelp("The model, e.g. meta-textgeneration-llama-2-7b-f@2.0.2.", valueName: "model[@version]"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("A deployment configuration of a version fetched by `catalog update` (its instance types and benchmarks); default: the top-ranked one a template can deploy.", valueName: "name"))
    var config: String?

    @Option(name: .long, help: "Compare this instance type across regions instead.")
    var instanceType: String?

    @Option(name: .customLong("model"), help: ArgumentHelp("With --instance-type: whether this model deploys in each region.", valueName: "model[@version]"))
    var modelOption: String?

    @Option(name: .long, help: ArgumentHelp("With --instance-type: all (the default) or a comma-separated list.", valueName: "all|r1,r2,…"))
    var regions: String?

    @OptionGroup var regionOption: RegionOption
    @OptionGroup var costOptions: CostOptions

    @Option(name: .long, help: "Output format: table, json, csv or markdown.")
    var format: OutputFormat = .table

    func validate() throws {
        guard format != .yaml else { throw ValidationError("--format yaml is not offered by compare; use table, json, csv or markdown.") }
        if model != nil, modelOption != nil { throw ValidationError("Give the model once: as the argument or with --model.") }
        if instanceType == nil {
            guard model != nil else {
                throw ValidationError("Give a model (compare MODEL[@VERSION]) or an instance type (compare --instance-type T).")
            }
            if modelOption != nil { throw ValidationError("--model goes with --instance-type; without it, give the model as the argument.") }
            if regions != nil { throw ValidationError("--regions goes with --instance-type; to compare a model's instance types, use --region.") }
        } else if regionOption.region != nil {
            throw ValidationError("--region picks the region of a model's instance types; with --instance-type, use --regions.")
        } else if config != nil {
            throw ValidationError("--config goes with compare MODEL (a model's instance types), not with --instance-type.")
        }
    }

    func run() throws {
        let prices = try loadPrices()
        let hours = try costOptions.hours
        let capacity = try costOptions.capacity(instanceType: instanceType)
        let comparison: CostComparison
        var noBenchmarkConfig: String?
        /// Set (to the version, or nil for none) when nothing of the version asked for deploys here.
        var newestDeployable: EntrySummary??
        if let instanceType {
            // Without a model only the region table is needed, not the catalog index.
            let reference = model ?? modelOption
            let catalog = try reference.map { _ in try loadCatalog() }
            let regionTable = try catalog?.regions ?? RegionTable.bundled()
            let entry = try reference.flatMap { try catalog?.entry(reference: $0) }
            let names = try regionList(regionTable)
            comparison = try CostComparison(instanceType: instanceType, regions: names, model: entry,
                                            planner: catalog?.planner ?? DeploymentPlanner(regions: regionTable),
                                            prices: prices, capacity: capacity, hoursPerMonth: hours)
        } else {
            let catalog = try loadCatalog()
            let region = try regionOption.resolve(catalog)
            var entry = try catalog.entry(reference: model ?? "")
            if let config, config != entry.configName {
                do { entry = try entry.applying(config: config) } catch { throw CommandFailure("\(error)") }
            }
            comparison = try CostComparison(model: entry, region: region, planner: catalog.planner, prices: prices,
                                            capacity: capacity, hoursPerMonth: hours)
            if let c = entry.config, !entry.instanceTypes.contains(where: { c.throughput(on: $0) != nil }) { noBenchmarkConfig = c.name }
            // Nothing of this version deploys here: name the version that does, as `show` does.
            if !comparison.rows.contains(where: { $0.deployable == true }) {
                newestDeployable = .some(try catalog.newestDeployableVersion(of: entry.modelId, region: region))
            }
        }
        var output = CompareOutput(comparison: comparison, userFile: prices.userFile, today: prices.today)
        output.noBenchmarkConfig = noBenchmarkConfig
        output.newestDeployable = newestDeployable
        switch format {
        case .json: emit(JSONText.pretty(output.json()))
        case .csv: emit(output.csv())
        case .markdown: emit(output.markdown())
        default: emit(output.table(width: outputWidth()))
        }
    }

    private func regionList(_ table: RegionTable) throws -> [String] {
        guard let regions, regions != "all" else { return table.names }
        var names: [String] = []
        for name in regions.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard table.contains(name) else {
                throw CatalogError.unknownRegion(name, suggestions: Suggestions.closest(to: name, in: table.names), source: "--regions")
            }
            if !names.contains(name) { names.append(name) }
        }
        guard !names.isEmpty else { throw CommandFailure("--regions is empty: give all or a comma-separated list of regions.") }
        return names
    }
}

/// The four renderings of a comparison.
struct CompareOutput {
    var comparison: CostComparison
    var userFile: URL?
    var today: CalendarDay

    private var byRegion: Bool { if case .regions = comparison.axis { return true } else { return false } }
    private var hasModel: Bool { comparison.model != nil }

    private func cellName(_ row: CostComparison.Row) -> String { byRegion ? row.region : row.instanceType }

    private var title: String {
        let n = comparison.count
        let basis = comparison.capacityIsPlain ? "\(n) instance\(n == 1 ? "" : "s"), \(comparison.hoursPerMonth) hours a month"
            : "\(comparison.capacity.summary), \(comparison.hoursPerMonth) hours a month"
        switch comparison.axis {
        case .instanceTypes(let region):
            return "\(comparison.model ?? "") in \(region): \(comparison.rows.count) supported instance types, \(basis)"
        case .regions(let type):
            let model = comparison.model.map { " for \($0)" } ?? ""
            return "\(type)\(model) across \(comparison.rows.count) region\(comparison.rows.count == 1 ? "" : "s"), \(basis)"
        }
    }

    /// `*` the model's default, `$` the cheapest choice that deploys (without a model: the cheapest),
    /// `!` a stale price.
    private func marks(_ row: CostComparison.Row) -> String {
        (row.isDefault && !byRegion ? "*" : "") + (row.isCheapest ? "$" : "") + (row.estimate.quote?.isStale == true ? "!" : "")
    }

    /// `yes`, or why not in a few words (`no image for g4dn`); empty without a model.
    private func status(_ row: CostComparison.Row) -> String {
        switch row.deployable {
        case .some(true): return "yes"
        case .some(false):
            // Across regions the row already names the region.
            let reason = row.problem?.shortReason ?? "does not deploy"
            return byRegion ? reason.replacingOccurrences(of: " in \(row.region)", with: "") : reason
        case .none: return ""
        }
    }

    /// What the marks mean; `wideColumns`: the table shows the per-accelerator columns.
    private func legend(wideColumns: Bool = false) -> String {
        var parts: [String] = []
        if !byRegion, comparison.rows.contains(where: \.isDefault) { parts.append("* the model's default instance type") }
        if comparison.cheapest != nil, let claim = comparison.cheapestClaim { parts.append("$ the \(claim)") }
        if !comparison.staleRows.isEmpty { parts.append("! a price older than \(PriceQuote.staleAfterDays) days (stale)") }
        if wideColumns { parts.append("$/ACC-H per accelerator-hour, $/GIB-H per GiB of accelerator memory an hour") }
        if let config = comparison.rows.lazy.compactMap(\.tokenCost).first?.config {
            parts.append("$/1M TOK the on-demand price of a million output tokens from one instance serving c=N users at once, at JumpStart's per-user throughput for config \(config) × N (its lowest concurrency measured); none where JumpStart publishes no figure")
        }
        return parts.joined(separator: ". ")
    }

    /// The month at the comparison's capacity: one figure, or a range.
    private func month(_ r: CostComparison.Row) -> String {
        comparison.capacityIsPlain ? (r.estimate.monthly?.formatted ?? "unknown") : r.capacityCost.monthlyText
    }

    private var hasTokenCosts: Bool { comparison.rows.contains { $0.tokenCost != nil } }

    /// The configuration compared, when it has no throughput figure to price tokens by.
    var newestDeployable: EntrySummary?? = nil
    var noBenchmarkConfig: String?

    private func tokenCell(_ row: CostComparison.Row) -> String {
        guard let t = row.tokenCost else { return "-" }
        return t.perMillion.formatted + (t.concurrency.map { " c=\($0)" } ?? "")
    }

    private var unknownNote: String? {
        let unknown = comparison.unknownRows
        guard !unknown.isEmpty else { return nil }
        let what: String
        switch comparison.axis {
        case .instanceTypes(let region): what = "\(unknown.map(\.instanceType).joined(separator: ", ")) in \(region)"
        case .regions(let type): what = "\(type) in \(unknown.map(\.region).joined(separator: ", "))"
        }
        var note = "\(unknown.count) of \(comparison.rows.count) prices unknown, never guessed: \(what). "
            + "`\(CostAssumptions.fillCommand(regions: unknown.map(\.region)))` fetches current prices from AWS's Price List."
        if unknown.contains(where: { $0.region.hasPrefix("cn-") }) { note += " China's regions are not in it (their prices are a separate list, in CNY)." }
        return note
    }

    private var footer: [String] {
        var lines: [String] = []
        if let note = unknownNote { lines.append(note) }
        if comparison.cheapest == nil, let claim = comparison.cheapestClaim { lines.append(claim.prefix(1).uppercased() + claim.dropFirst() + ".") }
        // Your own prices win, but say when the Price List has a newer figure for the same cell.
        for r in comparison.rows {
            guard let q = r.estimate.quote, let newer = q.newerPriceList else { continue }
            lines.append("Your price for \(cellName(r)) (\(q.hourly.formattedPrecise), as of \(q.asOf)) is older than the updated Price List's \(newer.hourly.formattedPrecise) as of \(newer.asOf).")
        }
        if hasModel, comparison.pricedCandidates == 0 { lines.append("No choice here both deploys and has a known price.") }
        if let newest = newestDeployable, let model = comparison.model {
            let region = comparison.rows.first?.region ?? ""
            lines.append(newest.map { "No instance type of \(model) deploys in \(region). The newest version that does: \($0.version) (`jumpstart-tui compare \($0.reference)`)." }
                ?? "No instance type of \(model) deploys in \(region), nor does any other version of it on its default instance type.")
        }
        if let config = noBenchmarkConfig { lines.append("JumpStart publishes no throughput for configuration \(config), so there is no $ per 1M tokens here.") }
        if !comparison.capacityIsPlain, let basis = comparison.rows.first?.capacityCost.basis {
            lines.append("Each month: \(basis).")
        }
        lines.append(CostAssumptions.sentence(comparison.hoursPerMonth))
        let sources = CostAssumptions.sourceLines(comparison.sources, userFile: userFile, today: today)
        lines.append(sources.isEmpty ? "Prices: none known." : "Prices from:")
        return lines + sources.map { "- " + $0 }
    }

    func table(width: Int?) -> String {
        let maximum = comparison.rows.compactMap { $0.capacityCost.monthlyHigh }.max()
        let monthTitle = comparison.capacity.isAutoscaling ? "$/MONTH (RANGE)" : !comparison.capacityIsPlain ? "$/MONTH (SCHED.)" : comparison.count == 1 ? "$/MONTH" : "$/MONTH×\(comparison.count)"
        func build(wide: Bool) -> TextTable {
            var columns: [TextTable.Column] = [.init(title: "", minWidth: 0), .init(title: byRegion ? "REGION" : "TYPE")]
            if !byRegion { columns.append(.init(title: "ACCEL")) }
            if wide, !byRegion { columns += [.init(title: "VCPU", alignment: .right), .init(title: "MEM", alignment: .right)] }
            columns += [.init(title: "$/HOUR", alignment: .right), .init(title: monthTitle, alignment: .right)]
            if wide { columns += [.init(title: "$/ACC-H", alignment: .right), .init(title: "$/GIB-H", alignment: .right)] }
            if hasTokenCosts { columns.append(.init(title: "$/1M TOK", alignment: .right)) }
            columns.append(.init(title: "COST"))
            if wide || byRegion { columns.append(.init(title: "AS OF")) }
            if hasModel { columns.append(.init(title: "DEPLOYS", flexible: true, minWidth: 8)) }
            var t = TextTable(columns)
            for r in comparison.rows {
                var cells = [marks(r), cellName(r)]
                if !byRegion { cells.append(r.hardware?.compactAccelerators ?? "?") }
                if wide, !byRegion {
                    cells += [r.hardware.map { String($0.vcpu) } ?? "?", r.hardware.map { PriceFiles.number($0.memoryGiB) + "G" } ?? "?"]
                }
                cells += [r.estimate.unitHourly?.formattedPrecise ?? "unknown", month(r)]
                if wide {
                    cells += [r.hourlyPerAccelerator?.formattedPrecise ?? "-", r.hourlyPerAcceleratorGiB?.formattedPrecise ?? "-"]
                }
                if hasTokenCosts { cells.append(tokenCell(r)) }
                cells.append(costBar(r.capacityCost.monthlyHigh, maximum: maximum, width: wide ? 8 : 6))
                if wide || byRegion {
                    cells.append(r.estimate.quote.map { $0.asOf + ($0.origin == .user ? " (yours)" : "") } ?? "unknown")
                }
                if hasModel { cells.append(status(r)) }
                t.add(cells)
            }
            return t
        }
        // The derived columns (per accelerator, per GiB, vCPU, memory, as-of) when they fit; else the essentials.
        var lines = build(wide: true).render(width: nil)
        var wide = true
        if let width, lines.contains(where: { $0.displayWidth > width }) {
            lines = build(wide: false).render(width: width)
            wide = false
        }
        let w = width ?? 100
        var out = proseLines(title, width: w) + [""] + lines + [""]
        let key = legend(wideColumns: wide)
        if !key.isEmpty { out += proseLines(key + ".", width: w) }
        for line in footer {
            out += proseLines(line, width: w)
        }
        return out.joined(separator: "\n")
    }

    func markdown() -> String {
        var lines = ["**" + markdownCell(title) + "**", ""]
        let first = byRegion ? "Region" : "Instance type"
        let monthTitle = comparison.capacity.isAutoscaling ? "$/month (range)" : !comparison.capacityIsPlain ? "$/month (with the schedule)" : comparison.count == 1 ? "$/month" : "$/month (×\(comparison.count))"
        var header = [first, "Accelerators", "vCPU", "Memory", "$/hour", monthTitle, "$/accelerator-hour", "$/GiB-hour"]
        if hasTokenCosts { header.append("$/1M output tokens") }
        header.append(hasModel ? "Deploys" : "Note")
        lines.append("| " + header.map(markdownCell).joined(separator: " | ") + " |")
        lines.append("|---|---|---:|---:|---:|---:|---:|---:|" + (hasTokenCosts ? "---:|" : "") + "---|")
        for r in comparison.rows {
            let mark = marks(r)
            let name = cellName(r) + (mark.isEmpty ? "" : " " + mark)
            var accelerators = "unknown", vcpu = "?", memory = "?"
            if let h = r.hardware {
                accelerators = h.accelerators > 0
                    ? "\(h.accelerators)× \(h.acceleratorModel ?? "") (\(PriceFiles.number(h.acceleratorMemoryGiB)) GiB)" : "none"
                vcpu = String(h.vcpu)
                memory = PriceFiles.number(h.memoryGiB) + " GiB"
            }
            var cells: [String] = [name, accelerators, vcpu, memory]
            cells.append(r.estimate.unitHourly?.formattedPrecise ?? "unknown")
            cells.append(month(r))
            cells.append(r.hourlyPerAccelerator?.formattedPrecise ?? "–")
            cells.append(r.hourlyPerAcceleratorGiB?.formattedPrecise ?? "–")
            if hasTokenCosts {
                cells.append(r.tokenCost != nil ? tokenCell(r) : "–")
            }
            cells.append(status(r))
            lines.append("| " + cells.map(markdownCell).joined(separator: " | ") + " |")
        }
        lines.append("")
        let key = legend()
        if !key.isEmpty { lines.append("- " + markdownCell(key) + ".") }
        for line in footer {
            lines.append(line.hasPrefix("- ") ? "  - " + markdownCell(String(line.dropFirst(2))) : "- " + markdownCell(line))
        }
        return lines.joined(separator: "\n")
    }

    static let csvHeader = [
        "model", "region", "instance_type", "vcpu", "memory_gib", "accelerators", "accelerator_model", "accelerator_memory_gib",
        "count", "hours_per_month", "currency", "known", "unit_hourly", "hourly", "monthly", "yearly",
        "hourly_per_accelerator", "hourly_per_accelerator_gib", "default", "cheapest", "deployable", "reason",
        "origin", "source", "as_of", "usd_per_million_output_tokens", "output_tokens_per_second_per_user", "throughput_concurrency",
        "capacity", "monthly_low", "monthly_high",
    ]

    func csv() -> String {
        func field(_ f: String) -> String {
            guard f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return f }
            return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }
        func flag(_ b: Bool) -> String { b ? "true" : "false" }
        var lines = [line(Self.csvHeader)]
        for r in comparison.rows {
            let e = r.estimate
            let h = r.hardware
            var f: [String] = [comparison.model ?? "", r.region, r.instanceType]
            f.append(h.map { String($0.vcpu) } ?? "")
            f.append(h.map { PriceFiles.number($0.memoryGiB) } ?? "")
            f.append(h.map { String($0.accelerators) } ?? "")
            f.append(h?.acceleratorModel ?? "")
            f.append(h.map { PriceFiles.number($0.acceleratorMemoryGiB) } ?? "")
            f += [String(e.count), e.hoursPerMonth.description, e.currency, flag(e.known)]
            // `monthly`/`yearly` follow the capacity: its figure, or empty for a range (see monthly_low/high).
            let c = r.capacityCost
            let plain = comparison.capacityIsPlain
            let monthly = plain ? e.monthly : (c.isRange ? nil : c.monthlyLow)
            let yearly = plain ? e.yearly : (c.isRange ? nil : c.monthlyLow?.times(12))
            f += [e.unitHourly?.plainDecimal ?? "", e.hourly?.plainDecimal ?? "", monthly?.plainCents ?? "", yearly?.plainCents ?? ""]
            f += [r.hourlyPerAccelerator?.plainDecimal ?? "", r.hourlyPerAcceleratorGiB?.plainDecimal ?? ""]
            f += [flag(r.isDefault), flag(r.isCheapest), r.deployable.map(flag) ?? ""]
            let reason: String = r.problem.map { "\($0)" } ?? e.reason ?? ""
            f += [reason, e.origin?.rawValue ?? "", e.source ?? "", e.asOf ?? ""]
            f += [r.tokenCost?.perMillion.plainDecimal ?? "", r.tokenCost?.tokensPerSecond ?? "", r.tokenCost?.concurrency.map(String.init) ?? ""]
            f += [comparison.capacity.summary, c.monthlyLow?.plainCents ?? "", c.monthlyHigh?.plainCents ?? ""]
            lines.append(line(f))
        }
        return lines.joined(separator: "\n")
    }

    func json() -> JSONText.Value {
        var top: [(String, JSONText.Value)] = [("model", comparison.model.map { .string($0) } ?? .null)]
        switch comparison.axis {
        case .instanceTypes(let region): top += [("compare", .string("instanceTypes")), ("region", .string(region))]
        case .regions(let type): top += [("compare", .string("regions")), ("instanceType", .string(type))]
        }
        top += [
            ("count", .int(comparison.count)),
            ("hoursPerMonth", .double(comparison.hoursPerMonth.hours)),
            ("currency", .string("USD")),
            ("cheapest", comparison.cheapest.map { .string(cellName($0)) } ?? .null),
            ("cheapestClaim", comparison.cheapestClaim.map { .string($0) } ?? .null),
            ("newestDeployableVersion", newestDeployable.flatMap { $0 }.map { .string($0.reference) } ?? .null),
            ("pricedRows", .int(comparison.rows.count - comparison.unknownRows.count)),
            ("unknownRows", .int(comparison.unknownRows.count)),
            ("staleRows", .int(comparison.staleRows.count)),
            ("fillCommand", comparison.unknownRows.isEmpty ? .null : .string(CostAssumptions.fillCommand(regions: comparison.unknownRows.map(\.region)))),
            ("rows", .array(comparison.rows.map { r in
                .object(costEstimateJSON(r.estimate, capacity: comparison.capacityIsPlain ? nil : r.capacityCost) + [
                    ("hardware", r.hardware?.json ?? .null),
                    ("default", .bool(r.isDefault)),
                    ("cheapest", .bool(r.isCheapest)),
                    ("deployable", r.deployable.map { .bool($0) } ?? .null),
                    ("notDeployableReason", r.problem.map { .string("\($0)") } ?? .null),
                    ("hourlyPerAccelerator", r.hourlyPerAccelerator?.jsonPrecise ?? .null),
                    ("hourlyPerAcceleratorGiB", r.hourlyPerAcceleratorGiB?.jsonPrecise ?? .null),
                    ("capacity", capacityCostJSON(r.capacityCost)),
                    ("costPerMillionOutputTokens", r.tokenCost.map { t in
                        .object([("usd", t.perMillion.jsonPrecise), ("outputTokensPerSecondPerUser", .string(t.tokensPerSecond)),
                                 ("instanceOutputTokensPerSecond", .double((t.instanceTokensPerSecond * 1000).rounded() / 1000)),
                                 ("concurrency", t.concurrency.map { .int($0) } ?? .null), ("config", .string(t.config))])
                    } ?? .null),
                ])
            })),
            ("assumptions", CostAssumptions.json(comparison.hoursPerMonth)),
            ("sources", .array(comparison.sources.map { s in
                .object([("origin", .string(s.origin.rawValue)), ("source", .string(s.source)), ("asOf", .string(s.asOf)),
                         ("cells", .array(s.cells.map { .string($0) }))])
            })),
        ]
        return .object(top)
    }
}
