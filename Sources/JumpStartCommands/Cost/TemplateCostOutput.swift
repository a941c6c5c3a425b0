import Foundation
import JumpStartCore

/// A template read, its region chosen and its endpoints priced: what `cost --template` prints and
/// `diff` compares.
struct PricedTemplate {
    var template: CloudFormationTemplate
    var region: String
    /// Where the region came from, in a few words (`--region`, `the template's Metadata`, …).
    var regionSource: String
    var endpoints: TemplateEndpoints
    var cost: TemplateCost

    /// Region: `--region`, else the Region our Metadata stores, else AWS_REGION, AWS_DEFAULT_REGION, us-east-1.
    static func load(path: String, regionFlag: String?, parameters: [String], prices: PriceBook, hours: HoursPerMonth = .standard,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PricedTemplate {
        do {
            let overrides = try parameters.map { argument throws(TemplateReadError) in try ValueResolver.override(argument) }
            let template = try CloudFormationTemplate.read(path: path)
            let source: String
            let asked: String?
            if let regionFlag {
                (asked, source) = (regionFlag, "--region")
            } else if let m = template.metadataRegion {
                (asked, source) = (m, "the template's Metadata")
            } else {
                asked = nil
                source = environment["AWS_REGION"].map { $0.isEmpty ? nil : $0 } != nil ? "AWS_REGION"
                    : environment["AWS_DEFAULT_REGION"].map { $0.isEmpty ? nil : $0 } != nil ? "AWS_DEFAULT_REGION" : "the default region"
            }
            let region = try RegionTable.bundled().resolve(asked, environment: environment)
            let resolver = try ValueResolver(template: template, overrides: overrides, region: region)
            let endpoints = TemplateEndpoints(template, resolver: resolver)
            return PricedTemplate(template: template, region: region, regionSource: source, endpoints: endpoints,
                                  cost: TemplateCost(endpoints: endpoints, region: region, prices: prices, hoursPerMonth: hours))
        } catch let error as TemplateReadError {
            throw CommandFailure(error.description)
        }
    }

    var fileName: String { (template.path as NSString).lastPathComponent }

    /// When the region is only a default, a model image from another region's registry says where
    /// the stack more likely runs.
    var regionHint: String? {
        guard regionSource != "--region", regionSource != "the template's Metadata" else { return nil }
        let others = template.imageRegions.filter { $0 != region }
        guard let other = others.first else { return nil }
        return "note: \(fileName) is priced in \(region) (\(regionSource)), but its model image comes from \(other)'s registry; if the stack deploys there, add --region \(other)."
    }
}

extension TemplateCost.Row {
    /// The endpoint's name, else its logical id (a name CloudFormation generates or the stack gives).
    var endpointLabel: String { endpointName.value ?? endpointId }
    var variantLabel: String { variant.value ?? "?" }
    var instanceTypeLabel: String { instanceType.value ?? (serverless ? "serverless" : "unknown") }
    var capacityLabel: String { capacity?.summary ?? "unknown" }
    var monthlyLabel: String { cost?.known == true ? cost!.monthlyText : "unknown" }
    var unitLabel: String { quote?.hourly.formattedPrecise ?? "unknown" }

    var json: JSONText.Value {
        .object([
            ("endpoint", .string(endpointId)),
            ("endpointName", endpointName.value.map { .string($0) } ?? .null),
            ("endpointNameUnknown", endpointName.reason.map { .string($0) } ?? .null),
            ("variant", variant.value.map { .string($0) } ?? .null),
            ("instanceType", instanceType.value.map { .string($0) } ?? .null),
            ("known", .bool(known)),
            ("unitHourly", quote?.hourly.jsonPrecise ?? .null),
            ("monthlyLow", cost?.monthlyLow?.jsonCents ?? .null),
            ("monthlyHigh", cost?.monthlyHigh?.jsonCents ?? .null),
            ("capacity", cost.map(capacityCostJSON) ?? .null),
            ("scalableTarget", scalableTargetId.map { .string($0) } ?? .null),
            ("serverless", .bool(serverless)),
            ("source", quote.map { .string($0.source) } ?? .null),
            ("asOf", quote.map { .string($0.asOf) } ?? .null),
            ("origin", quote.map { .string($0.origin.rawValue) } ?? .null),
            ("reason", unknownReason.map { .string($0) } ?? .null),
            ("notes", .array(notes.map { .string($0) })),
        ])
    }
}

extension TemplateCost {
    /// Why rows are unknown, what capacities assume, what was left out: one line each.
    func noteLines() -> [String] {
        var out: [String] = []
        for r in rows {
            let who = "\(r.endpointLabel)/\(r.variantLabel)"
            if let why = r.endpointName.reason { out.append("\(r.endpointId): the endpoint's name is unknown (\(why)), so it is named by its logical id.") }
            if let reason = r.unknownReason { out.append("\(who): unknown, \(reason).") }
            if let c = r.cost, c.capacity != .fixed(c.capacity.initialCount) { out.append("\(who): \(c.basis).") }
            for n in r.notes { out.append("\(who): \(n).") }
        }
        out += notes.map { $0 + "." }
        if unknownRows > 0, unknownRows < rows.count {
            out.append("The total leaves out \(unknownRows) row\(unknownRows == 1 ? "" : "s") whose cost is unknown.")
        }
        return out
    }

    func sourceLines(userFile: URL?) -> [String] { Self.sourceLines(rows: rows, userFile: userFile) }

    /// One line per price source the rows use, naming the instance types it prices.
    static func sourceLines(rows: [Row], userFile: URL?) -> [String] {
        var quotes: [PriceQuote] = []
        for q in rows.compactMap(\.quote) where !quotes.contains(where: { $0.origin == q.origin && $0.source == q.source && $0.asOf == q.asOf }) {
            quotes.append(q)
        }
        return quotes.map { q in
            let types = rows.filter { $0.quote?.origin == q.origin && $0.quote?.source == q.source && $0.quote?.asOf == q.asOf }.compactMap(\.instanceType.value)
            let distinct = types.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            return CostAssumptions.quoteText(q, userFile: userFile) + " (\(distinct.joined(separator: ", ")))"
        }
    }

    var totalJSON: JSONText.Value {
        .object([
            ("monthlyLow", rows.isEmpty || unknownRows < rows.count ? totalLow.jsonCents : .null),
            ("monthlyHigh", rows.isEmpty || unknownRows < rows.count ? totalHigh.jsonCents : .null),
            ("unknownRows", .int(unknownRows)),
        ])
    }
}

extension CostCommand {
    /// `cost --template FILE`.
    func runTemplate(path: String) throws {
        let prices = try loadPrices()
        let priced = try PricedTemplate.load(path: path, regionFlag: regionOption.region, parameters: parameters, prices: prices, hours: try costOptions.hours)
        let cost = priced.cost
        if cost.rows.isEmpty {
            note("note: \(priced.template.path) has no AWS::SageMaker::Endpoint, so there is nothing to price.")
        }
        if let hint = priced.regionHint { note(hint) }
        switch format {
        case .json: emit(JSONText.pretty(templateJSON(priced)))
        case .markdown: emit(templateMarkdown(priced, userFile: prices.userFile))
        default: emit(templateTable(priced, userFile: prices.userFile))
        }
    }

    func title(_ p: PricedTemplate) -> String {
        "\(p.fileName): SageMaker endpoints in \(p.region) (\(p.regionSource)), on demand, \(p.cost.hoursPerMonth) hours a month"
    }

    func templateTable(_ p: PricedTemplate, userFile: URL?) -> String {
        let width = outputWidth()
        var lines = proseLines(title(p), width: width ?? 100)
        lines.append("")
        var table = TextTable([
            .init(title: "ENDPOINT", flexible: true, minWidth: 12), .init(title: "VARIANT"), .init(title: "INSTANCE TYPE"),
            .init(title: "CAPACITY"), .init(title: "$/HOUR", alignment: .right), .init(title: "$/MONTH", alignment: .right),
        ])
        for r in p.cost.rows {
            table.add([r.endpointLabel, r.variantLabel, r.instanceTypeLabel, r.capacityLabel, r.unitLabel, r.monthlyLabel])
        }
        table.add(["Total", "", "", "", "", p.cost.rows.isEmpty ? "$0.00" : p.cost.totalText])
        let whole = table.render(width: nil)
        if let width, whole.contains(where: { $0.count > width }) {
            // Too wide even with the endpoint's name cut (a schedule's capacity is long): a block per
            // variant, which fits any width.
            for r in p.cost.rows {
                lines += proseLines("\(r.endpointLabel) / \(r.variantLabel)", width: width)
                for (label, value) in [("instances", r.capacity == nil ? r.instanceTypeLabel : "\(r.instanceTypeLabel), \(r.capacityLabel)"),
                                       ("price", r.quote == nil ? "unknown" : "\(r.unitLabel) per instance-hour"),
                                       ("month", r.monthlyLabel)] {
                    lines += proseLines("  " + label.padding(toLength: 11, withPad: " ", startingAt: 0) + value, width: width, indent: String(repeating: " ", count: 13))
                }
            }
            lines.append("Total        " + (p.cost.rows.isEmpty ? "$0.00" : p.cost.totalText))
        } else {
            lines += whole
        }
        let notes = p.cost.noteLines()
        if !notes.isEmpty {
            lines.append("")
            for n in notes { lines += proseLines("- " + n, width: width ?? 100) }
        }
        lines.append("")
        lines += proseLines(CostAssumptions.sentence(p.cost.hoursPerMonth), width: width ?? 100)
        for s in p.cost.sourceLines(userFile: userFile) { lines += proseLines("Source: " + s, width: width ?? 100) }
        return lines.joined(separator: "\n")
    }

    func templateMarkdown(_ p: PricedTemplate, userFile: URL?) -> String {
        var lines = ["**\(markdownCell(p.fileName))**: SageMaker endpoints in **\(p.region)** (\(markdownCell(p.regionSource))), on demand, \(p.cost.hoursPerMonth) hours a month", ""]
        lines.append("| Endpoint | Variant | Instance type | Capacity | $/hour | $/month |".replacingOccurrences(of: "$", with: "\\$"))
        lines.append("|---|---|---|---|---:|---:|")
        for r in p.cost.rows {
            lines.append("| " + [r.endpointLabel, r.variantLabel, r.instanceTypeLabel, r.capacityLabel, r.unitLabel, r.monthlyLabel].map(markdownCell).joined(separator: " | ") + " |")
        }
        lines.append("| **Total** | | | | | **\(markdownCell(p.cost.rows.isEmpty ? "$0.00" : p.cost.totalText))** |")
        lines.append("")
        for n in p.cost.noteLines() { lines.append("- " + markdownCell(n)) }
        lines.append("- " + markdownCell(CostAssumptions.sentence(p.cost.hoursPerMonth)))
        for s in p.cost.sourceLines(userFile: userFile) { lines.append("- Price source: " + markdownCell(s)) }
        return lines.joined(separator: "\n")
    }

    func templateJSON(_ p: PricedTemplate) -> JSONText.Value {
        .object([
            ("template", .string(p.template.path)),
            ("region", .string(p.region)),
            ("regionSource", .string(p.regionSource)),
            ("currency", .string("USD")),
            ("rows", .array(p.cost.rows.map(\.json))),
            ("total", p.cost.totalJSON),
            ("notes", .array(p.cost.notes.map { .string($0) })),
            ("assumptions", CostAssumptions.json(p.cost.hoursPerMonth)),
        ])
    }
}
