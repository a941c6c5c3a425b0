import ArgumentParser
import Foundation
import JumpStartCore

/// `jumpstart-tui cost --instance-type T`: what an endpoint on that type costs; `cost --template
/// FILE`: what the endpoints of any CloudFormation template cost (`TemplateCostOutput.swift`).
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

            Capacity: --count N instances (default 1), or --min-count and --max-count to autoscale — the month \
            is then a range from always at the minimum to always at the maximum. --schedule "Mon-Fri 08:00-20:00" \
            [--timezone Europe/Berlin] [--off-hours-count N] splits the month's 730 hours in proportion to the \
            week (60 of 168 hours: 260.71 inside, 469.29 outside at N instances, default 1).

            --template FILE prices every SageMaker endpoint of a CloudFormation template instead, JSON or YAML \
            (short-form tags too): ours, the JumpStartSageMakerEndpoint construct's `cdk synth` output, or \
            hand-written. One row per endpoint and variant: the endpoint config's instance type and initial \
            count, or the range and schedule of the Application Auto Scaling target that scales it. Parameters \
            take their Default unless --parameter NAME=VALUE sets them; a value known only at deploy time (an \
            import, a custom resource, a condition) is shown as unknown with the reason, never guessed. Region: \
            --region, else the Region our templates store in their Metadata, else AWS_REGION, AWS_DEFAULT_REGION, \
            us-east-1. A template without SageMaker endpoints prints an empty table and a note, and exits 0.

            Examples:
              jumpstart-tui cost --instance-type ml.g5.2xlarge --count 2
              jumpstart-tui cost --template cdk.out/MyStack.template.json --region eu-west-1
              jumpstart-tui cost --template endpoint.yaml --parameter InstanceType=ml.g5.12xlarge --format markdown
            """)

    @Option(name: .long, help: "The instance type, e.g. ml.g5.2xlarge (or --template).")
    var instanceType: String?

    @Option(name: .long, help: ArgumentHelp("Price every SageMaker endpoint of this CloudFormation template (JSON or YAML) instead of --instance-type.", valueName: "file"))
    var template: String?

    @Option(name: .customLong("parameter"), help: ArgumentHelp("With --template: a template parameter's value instead of its Default; repeatable.", valueName: "name=value"))
    var parameters: [String] = []

    @OptionGroup var regionOption: RegionOption
    @OptionGroup var costOptions: CostOptions

    @Option(name: .long, help: "Output format: table, json or markdown.")
    var format: OutputFormat = .table

    func validate() throws {
        guard [.table, .json, .markdown].contains(format) else {
            throw ValidationError("--format \(format.rawValue) is not offered by cost; use table, json or markdown.")
        }
        switch (instanceType, template) {
        case (nil, nil):
            throw ValidationError("cost needs --instance-type TYPE (what one instance type costs) or --template FILE (what a template's endpoints cost).")
        case (_?, _?):
            throw ValidationError("--instance-type and --template can't go together: a template names its own instance types; give one of them.")
        case (nil, _?):
            if costOptions.capacityOptions.given {
                throw ValidationError("--template takes the capacity from the template (its instance counts and scaling); leave out --count, --min-count, --max-count, --target-invocations, --schedule, --timezone and --off-hours-count.")
            }
        case (_?, nil):
            if !parameters.isEmpty { throw ValidationError("--parameter only applies with --template; add --template FILE.") }
        }
    }

    func run() throws {
        guard let instanceType else {
            return try runTemplate(path: template ?? "")
        }
        // Only the region table: a cost needs no model, so the catalog index is not read.
        let region = try RegionTable.bundled().resolve(regionOption.region)
        let prices = try loadPrices()
        try prices.checkKnown(instanceType: instanceType)
        let hours = try costOptions.hours
        let capacity = try costOptions.capacity(instanceType: instanceType)
        let e = try prices.costEstimate(region: region, instanceType: instanceType, count: capacity.initialCount, hoursPerMonth: hours)
        let hardware = prices.hardware(for: instanceType)
        // A plain fixed count keeps the one-figure answer; anything else adds the capacity's month.
        let scaled = capacity == .fixed(capacity.initialCount) ? nil : CapacityCost(unitHourly: e.unitHourly, capacity: capacity, hoursPerMonth: hours)
        switch format {
        case .json: emit(JSONText.pretty(json(e, hardware: hardware, scaled: scaled)))
        case .markdown: emit(markdown(e, hardware: hardware, userFile: prices.userFile, scaled: scaled))
        default: emit(table(e, hardware: hardware, userFile: prices.userFile, scaled: scaled))
        }
    }

    /// "1–4 instances (autoscaling), 1 outside Mon-Fri 08:00-20:00 UTC" or "2 instances".
    private func capacityTitle(_ e: CostEstimate, _ scaled: CapacityCost?) -> String {
        scaled?.capacity.summary ?? "\(e.count) instance\(e.count == 1 ? "" : "s")"
    }

    private func sourceText(_ e: CostEstimate, userFile: URL?) -> String {
        guard let q = e.quote else { return "none" }
        return CostAssumptions.quoteText(q, userFile: userFile)
    }

    private func unknownText(_ e: CostEstimate) -> String {
        "unknown: \(e.reason ?? "no price") in your prices, the updated Price List or the bundled table; `\(CostAssumptions.fillCommand(regions: [e.region]))` fetches current prices"
    }

    private func table(_ e: CostEstimate, hardware: InstanceHardware?, userFile: URL?, scaled: CapacityCost?) -> String {
        let width = outputWidth() ?? 100
        var lines = proseLines("\(e.instanceType) in \(e.region), \(capacityTitle(e, scaled)), \(e.hoursPerMonth) hours a month, on demand", width: width)
        func field(_ label: String, _ value: String) {
            let prefix = label.padding(toLength: 11, withPad: " ", startingAt: 0)
            let wrapped = proseLines(value, width: max(20, width - 11), indent: "")
            lines.append(prefix + (wrapped.first ?? ""))
            for more in wrapped.dropFirst() { lines.append(String(repeating: " ", count: 11) + more) }
        }
        field("Hardware", hardware?.sentence ?? "unknown")
        if let scaled, let unit = e.unitHourly, scaled.known {
            field("Price", "\(unit.formattedPrecise) per instance-hour")
            field("Monthly", scaled.monthlyText + (scaled.isRange ? (scaled.capacity.schedule == nil ? " (always at the minimum – always at the maximum)" : " (working hours at the minimum – at the maximum)") : ""))
            field("Yearly", scaled.yearlyText)
            field("Basis", scaled.basis)
        } else if let scaled {
            for label in ["Monthly", "Yearly"] { field(label, "unknown") }
            field("Basis", scaled.basis)
            field("Why", unknownText(e))
        } else if let unit = e.unitHourly, let hourly = e.hourly, let daily = e.daily, let monthly = e.monthly, let yearly = e.yearly {
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
        lines += proseLines(CostAssumptions.sentence(e.hoursPerMonth), width: width)
        return lines.joined(separator: "\n")
    }

    private func markdown(_ e: CostEstimate, hardware: InstanceHardware?, userFile: URL?, scaled: CapacityCost?) -> String {
        var lines = ["**\(e.instanceType)** in **\(e.region)**, \(capacityTitle(e, scaled)), \(e.hoursPerMonth) hours a month", ""]
        lines.append("| | |")
        lines.append("|---|---:|")
        func row(_ a: String, _ b: String) { lines.append("| \(markdownCell(a)) | \(markdownCell(b)) |") }
        row("Hardware", hardware?.sentence ?? "unknown")
        row("Price per instance-hour", e.unitHourly?.formattedPrecise ?? "unknown")
        if let scaled {
            row("Monthly", scaled.monthlyText)
            if scaled.known { row("Yearly", scaled.yearlyText) }
            row("Basis", scaled.basis)
        } else {
            row("Hourly", e.hourly?.formattedPrecise ?? "unknown")
            row("Daily", e.daily?.formatted ?? "unknown")
            row("Monthly", e.monthly?.formatted ?? "unknown")
            row("Yearly", e.yearly?.formatted ?? "unknown")
        }
        lines.append("")
        if !e.known { lines.append("- Cost " + markdownCell(unknownText(e)) + ".") }
        lines.append("- " + markdownCell(CostAssumptions.sentence(e.hoursPerMonth)))
        lines.append("- Price source: " + markdownCell(sourceText(e, userFile: userFile)))
        return lines.joined(separator: "\n")
    }

    private func json(_ e: CostEstimate, hardware: InstanceHardware?, scaled: CapacityCost?) -> JSONText.Value {
        .object(costEstimateJSON(e, capacity: scaled) + [
            ("hardware", hardware?.json ?? .null),
            ("capacity", capacityCostJSON(scaled ?? CapacityCost(unitHourly: e.unitHourly, capacity: .fixed(e.count), hoursPerMonth: e.hoursPerMonth))),
            ("assumptions", CostAssumptions.json(e.hoursPerMonth)),
        ])
    }
}

/// The stable fields of one estimate: hourly, monthly, yearly, currency, hoursPerMonth, source,
/// asOf, known (and the rest). Money to the micro-dollar for hourly prices, to the cent for totals.
/// With a capacity other than a fixed count (`capacity`), `monthly` and `yearly` are its figures
/// when it has one, null when it is a range (then `monthlyLow`/`monthlyHigh` say it); `hourly` and
/// `daily` are for the count it starts with.
func costEstimateJSON(_ e: CostEstimate, capacity: CapacityCost? = nil) -> [(String, JSONText.Value)] {
    var monthly = e.monthly?.jsonCents ?? .null, yearly = e.yearly?.jsonCents ?? .null
    var range: [(String, JSONText.Value)] = []
    if let c = capacity {
        monthly = c.isRange ? .null : (c.monthlyLow?.jsonCents ?? .null)
        yearly = c.isRange ? .null : (c.monthlyLow.map { $0.times(12).jsonCents } ?? .null)
        range = [("monthlyLow", c.monthlyLow?.jsonCents ?? .null), ("monthlyHigh", c.monthlyHigh?.jsonCents ?? .null)]
    }
    return [
        ("region", .string(e.region)),
        ("instanceType", .string(e.instanceType)),
        ("count", .int(e.count)),
        ("hoursPerMonth", .double(e.hoursPerMonth.hours)),
        ("currency", .string(e.currency)),
        ("known", .bool(e.known)),
        ("unitHourly", e.unitHourly?.jsonPrecise ?? .null),
        ("hourly", e.hourly?.jsonPrecise ?? .null),
        ("daily", e.daily?.jsonCents ?? .null),
        ("monthly", monthly),
        ("yearly", yearly),
        ("source", e.source.map { .string($0) } ?? .null),
        ("asOf", e.asOf.map { .string($0) } ?? .null),
        ("origin", e.origin.map { .string($0.rawValue) } ?? .null),
        ("ageDays", e.quote?.ageDays.map { .int($0) } ?? .null),
        ("stale", e.quote?.isStale.map { .bool($0) } ?? .null),
        ("newerPriceList", e.quote?.newerPriceList.map { row in
            .object([("unitHourly", row.hourly.jsonPrecise), ("asOf", .string(row.asOf)), ("source", .string(row.source))])
        } ?? .null),
        ("reason", e.reason.map { .string($0) } ?? .null),
    ] + range
}

/// A capacity's month: kind, counts, schedule, the hours split and the low and high figures.
func capacityCostJSON(_ c: CapacityCost) -> JSONText.Value {
    var pairs: [(String, JSONText.Value)] = []
    switch c.capacity.kind {
    case .fixed(let n): pairs += [("kind", .string("fixed")), ("count", .int(n))]
    case let .autoscaling(min, max, target):
        pairs += [("kind", .string("autoscaling")), ("minCount", .int(min)), ("maxCount", .int(max)),
                  ("targetInvocations", .int(target ?? Capacity.defaultTargetInvocations))]
    }
    if let s = c.capacity.schedule {
        pairs.append(("schedule", .object([
            ("window", .string(s.window)), ("timeZone", .string(s.timeZone)), ("offHoursCount", .int(s.offHoursCount)),
            ("weeklyHours", .double(s.weeklyHours)),
            ("hoursInside", c.hoursInside.map { .double(($0 * 100).rounded() / 100) } ?? .null),
            ("hoursOutside", c.hoursOutside.map { .double(($0 * 100).rounded() / 100) } ?? .null),
        ])))
    } else {
        pairs.append(("schedule", .null))
    }
    pairs += [("monthlyLow", c.monthlyLow?.jsonCents ?? .null), ("monthlyHigh", c.monthlyHigh?.jsonCents ?? .null), ("basis", .string(c.basis))]
    return .object(pairs)
}
