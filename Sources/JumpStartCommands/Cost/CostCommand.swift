import ArgumentParser
import Foundation
import JumpStartCore

/// `jumpstart-tui cost --instance-type T`: what an endpoint on that type costs.
struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Show what an endpoint on an instance type costs per hour, day, month and year.",
        discussion: """
            On-demand hosting prices in USD. Precedence, cell by cell: your own prices (`jumpstart-tui pricing \
            import`), then AWS's Price List as last fetched by `jumpstart-tui pricing update`, then the bundled \
            table. The output names the table, the source and its date; a price older than 180 days is marked \
            stale. A price the program doesn't have is shown as unknown, never guessed. Storage, data transfer \
            and taxes are not included.
            """)

    @Option(name: .long, help: "The instance type, e.g. ml.g5.2xlarge.")
    var instanceType: String

    @OptionGroup var regionOption: RegionOption
    @OptionGroup var costOptions: CostOptions

    @Option(name: .long, help: "Output format: table, json or markdown.")
    var format: OutputFormat = .table

    func validate() throws {
        guard [.table, .json, .markdown].contains(format) else {
            throw ValidationError("--format \(format.rawValue) is not offered by cost; use table, json or markdown.")
        }
    }

    func run() throws {
        // Only the region table: a cost needs no model, so the catalog index is not read.
        let region = try RegionTable.bundled().resolve(regionOption.region)
        let prices = try loadPrices()
        try prices.checkKnown(instanceType: instanceType)
        let hours = try costOptions.hours
        let e = try prices.costEstimate(region: region, instanceType: instanceType, count: costOptions.count, hoursPerMonth: hours)
        let hardware = prices.hardware(for: instanceType)
        switch format {
        case .json: emit(JSONText.pretty(json(e, hardware: hardware)))
        case .markdown: emit(markdown(e, hardware: hardware, userFile: prices.userFile))
        default: emit(table(e, hardware: hardware, userFile: prices.userFile))
        }
    }

    private func sourceText(_ e: CostEstimate, userFile: URL?) -> String {
        guard let q = e.quote else { return "none" }
        return CostAssumptions.quoteText(q, userFile: userFile)
    }

    private func unknownText(_ e: CostEstimate) -> String {
        "unknown: \(e.reason ?? "no price") in your prices, the updated Price List or the bundled table; `\(CostAssumptions.fillCommand(regions: [e.region]))` fetches current prices"
    }

    private func table(_ e: CostEstimate, hardware: InstanceHardware?, userFile: URL?) -> String {
        let width = outputWidth() ?? 100
        var lines = ["\(e.instanceType) in \(e.region), \(e.count) instance\(e.count == 1 ? "" : "s"), \(e.hoursPerMonth) hours a month, on demand"]
        func field(_ label: String, _ value: String) {
            let prefix = label.padding(toLength: 11, withPad: " ", startingAt: 0)
            let wrapped = wrapHard(value, width: max(20, width - 11), indent: "")
            lines.append(prefix + (wrapped.first ?? ""))
            for more in wrapped.dropFirst() { lines.append(String(repeating: " ", count: 11) + more) }
        }
        field("Hardware", hardware?.sentence ?? "unknown")
        if let unit = e.unitHourly, let hourly = e.hourly, let daily = e.daily, let monthly = e.monthly, let yearly = e.yearly {
            field("Price", "\(unit.formattedPrecise) per instance-hour")
            field("Hourly", hourly.formattedPrecise)
            field("Daily", daily.formatted)
            field("Monthly", monthly.formatted)
            field("Yearly", yearly.formatted)
        } else {
            for label in ["Hourly", "Daily", "Monthly", "Yearly"] { field(label, "unknown") }
            field("Why", unknownText(e))
        }
        field("Source", sourceText(e, userFile: userFile))
        lines.append("")
        lines += wrapHard(CostAssumptions.sentence(e.hoursPerMonth), width: width)
        return lines.joined(separator: "\n")
    }

    private func markdown(_ e: CostEstimate, hardware: InstanceHardware?, userFile: URL?) -> String {
        var lines = ["**\(e.instanceType)** in **\(e.region)**, \(e.count) instance\(e.count == 1 ? "" : "s"), \(e.hoursPerMonth) hours a month", ""]
        lines.append("| | |")
        lines.append("|---|---:|")
        func row(_ a: String, _ b: String) { lines.append("| \(markdownCell(a)) | \(markdownCell(b)) |") }
        row("Hardware", hardware?.sentence ?? "unknown")
        row("Price per instance-hour", e.unitHourly?.formattedPrecise ?? "unknown")
        row("Hourly", e.hourly?.formattedPrecise ?? "unknown")
        row("Daily", e.daily?.formatted ?? "unknown")
        row("Monthly", e.monthly?.formatted ?? "unknown")
        row("Yearly", e.yearly?.formatted ?? "unknown")
        lines.append("")
        if !e.known { lines.append("- Cost " + markdownCell(unknownText(e)) + ".") }
        lines.append("- " + markdownCell(CostAssumptions.sentence(e.hoursPerMonth)))
        lines.append("- Price source: " + markdownCell(sourceText(e, userFile: userFile)))
        return lines.joined(separator: "\n")
    }

    private func json(_ e: CostEstimate, hardware: InstanceHardware?) -> JSONText.Value {
        .object(costEstimateJSON(e) + [
            ("hardware", hardware?.json ?? .null),
            ("assumptions", CostAssumptions.json(e.hoursPerMonth)),
        ])
    }
}

/// The stable fields of one estimate: hourly, monthly, yearly, currency, hoursPerMonth, source,
/// asOf, known (and the rest). Money to the micro-dollar for hourly prices, to the cent for totals.
func costEstimateJSON(_ e: CostEstimate) -> [(String, JSONText.Value)] {
    [
        ("region", .string(e.region)),
        ("instanceType", .string(e.instanceType)),
        ("count", .int(e.count)),
        ("hoursPerMonth", .double(e.hoursPerMonth.hours)),
        ("currency", .string(e.currency)),
        ("known", .bool(e.known)),
        ("unitHourly", e.unitHourly?.jsonPrecise ?? .null),
        ("hourly", e.hourly?.jsonPrecise ?? .null),
        ("daily", e.daily?.jsonCents ?? .null),
        ("monthly", e.monthly?.jsonCents ?? .null),
        ("yearly", e.yearly?.jsonCents ?? .null),
        ("source", e.source.map { .string($0) } ?? .null),
        ("asOf", e.asOf.map { .string($0) } ?? .null),
        ("origin", e.origin.map { .string($0.rawValue) } ?? .null),
        ("ageDays", e.quote?.ageDays.map { .int($0) } ?? .null),
        ("stale", e.quote?.isStale.map { .bool($0) } ?? .null),
        ("newerPriceList", e.quote?.newerPriceList.map { row in
            .object([("unitHourly", row.hourly.jsonPrecise), ("asOf", .string(row.asOf)), ("source", .string(row.source))])
        } ?? .null),
        ("reason", e.reason.map { .string($0) } ?? .null),
    ]
}
