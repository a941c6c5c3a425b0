import ArgumentParser
import JumpStartCore

/// `jumpstart-tui show MODEL[@VERSION]`: one entry, and where and how it deploys.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one model version: instance types, regions, environment, EULA.",
        discussion: """
            MODEL without @VERSION means the model's newest version. For a version fetched by `catalog update` \
            whose spec has several deployment configurations, show lists them with JumpStart's benchmarks \
            (throughput and latency per instance type and concurrency) and resource requirements; --config NAME \
            shows another one than the default.
            """)

    @Argument(help: ArgumentHelp("The model, e.g. huggingface-llm-mistral-7b-instruct or meta-textgeneration-llama-2-7b-f@2.0.2.", valueName: "model[@version]"))
    var model: String

    @OptionGroup var regionOption: RegionOption

    @Option(name: .long, help: ArgumentHelp("One of the version's deployment configurations (default: JumpStart's top-ranked one that a template can deploy).", valueName: "name"))
    var config: String?

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard format == .table || format == .json else {
            throw ValidationError("--format \(format.rawValue) is not offered by show; use table or json.")
        }
    }

    func run() throws {
        let catalog = try loadCatalog()
        let region = try regionOption.resolve(catalog)
        let summary = try catalog.summary(reference: model)
        let o: ModelOverview
        do { o = try ModelOverview(catalog: catalog, summary: summary, region: region, config: config) } catch {
            throw CommandFailure(error.description)
        }
        let e = o.entry
        if format == .json {
            emit(JSONText.pretty(json(o)))
            return
        }
        let width = outputWidth() ?? 100
        var lines: [String] = []
        func field(_ label: String, _ value: String) {
            let prefix = label.padding(toLength: 15, withPad: " ", startingAt: 0)
            let wrapped = value.wrapped(to: max(20, width - 15), indent: "")
            lines.append(prefix + (wrapped.first ?? ""))
            for more in wrapped.dropFirst() { lines.append(String(repeating: " ", count: 15) + more) }
        }
        lines.append("\(e.reference)" + (o.isNewest ? "  (newest version)" : "  (newest: \(o.versions.first?.text ?? "?"))"))
        field("Region", region)
        field("Deploys from", e.isModelPackage ? "a SageMaker model package (no environment variables)" :
            "a container image and model data" + (e.gatedBucket ? " in the gated bucket" : ""))
        if let key = e.requiresEula {
            field("EULA", "must be accepted (--accept-eula): " + (o.eulaURL ?? key))
        } else {
            field("EULA", "none needed")
        }
        field("Versions", o.versions.map(\.text).joined(separator: ", ") + " (\(o.versions.count), newest first)")
        if let origin = e.origin {
            field("Source", "JumpStart's spec \(origin.specKey), fetched by `catalog update`" + (origin.framework.map { "; framework \($0)" } ?? ""))
        } else {
            field("Source", "the bundled catalog (the CDK construct's copy of 2026-07-31)")
        }
        if let name = e.configName {
            field("Config", Self.configNote(e, name: name))
        }
        field("Default type", e.defaultInstanceType)
        field("Deploys in", o.regionsWithDefault.isEmpty ? "no region on \(e.defaultInstanceType)" :
            o.regionsWithDefault.joined(separator: ", ") + " (on \(e.defaultInstanceType))")
        let otherRegions = o.regionsWithAny.filter { !o.regionsWithDefault.contains($0) }
        if !otherRegions.isEmpty { field("", "also, on other instance types: " + otherRegions.joined(separator: ", ")) }
        if !o.deploysWithDefault {
            lines.append("")
            let reason = o.instanceTypes.first { $0.isDefault }?.problem.map { "\($0)" } ?? ""
            var text = "Note: \(e.reference) does not deploy in \(region) on its default instance type. \(reason)"
            if let next = o.newestDeployable {
                text += " The newest version that does: \(next.version) (jumpstart-tui show \(next.reference))."
            } else {
                text += " No version of \(e.modelId) deploys in \(region) on its default instance type."
            }
            lines += text.wrapped(to: width, indent: "  ")
        }
        lines.append("")
        lines.append("Instance types in \(region):")
        var table = TextTable([.init(title: "TYPE"), .init(title: "DEFAULT"), .init(title: "DEPLOYS", flexible: true, minWidth: 12)])
        for t in o.instanceTypes {
            table.add([t.instanceType, t.isDefault ? "*" : "", t.problem.map { "no: \($0.shortReason)" } ?? "yes"])
        }
        lines += table.render(width: width).map { "  " + $0 }
        lines.append("")
        if e.isModelPackage {
            lines.append("Environment: none (model packages take no environment variables).")
        } else {
            lines += "Default environment on \(e.defaultInstanceType) (SAGEMAKER_SUBMIT_DIRECTORY is dropped, as the construct does):".wrapped(to: width, indent: "  ")
            for v in o.defaultEnvironment {
                lines.append("  \(v.name)=\(v.value)" + (v.origin == .instanceType ? "  (set for \(e.defaultInstanceType))" : ""))
            }
            if o.defaultEnvironment.isEmpty { lines.append("  (none)") }
        }
        if !e.configs.isEmpty {
            lines.append("")
            lines += Self.configLines(e, width: width)
        }
        emit(lines.joined(separator: "\n"))
    }

    /// "lmi (JumpStart's default, ranked 1 of 2)", or why JumpStart's default is not the one used.
    static func configNote(_ e: CatalogEntry, name: String) -> String {
        let top = e.configs.first
        let rank = e.configs.firstIndex { $0.name == name }.map { "ranked \($0 + 1) of \(e.configs.count)" } ?? ""
        if top?.name == name { return "\(name) (JumpStart's default, \(rank))" }
        if let top, top.fields == nil, e.defaultConfigName == name {
            return "\(name) (\(rank)); JumpStart's default \(top.name) can't be deployed from a template: \(top.leftOut ?? "left out")"
        }
        return "\(name) (\(rank); chosen with --config)"
    }

    /// The configs, their requirements and JumpStart's benchmarks.
    static func configLines(_ e: CatalogEntry, width: Int) -> [String] {
        var lines = ["Deployment configurations (choose with --config NAME):"]
        var t = TextTable([.init(title: "CONFIG"), .init(title: "RANK", alignment: .right), .init(title: "USE"),
                           .init(title: "NEEDS", flexible: true, minWidth: 12)])
        for (i, c) in e.configs.enumerated() {
            let use = c.fields == nil ? "left out" : (c.name == e.configName ? "shown here" : "--config \(c.name)")
            t.add([c.name, c.rank.map { String($0 + 1) } ?? String(i + 1), use, c.requirements?.text ?? "-"])
        }
        lines += t.render(width: width).map { "  " + $0 }
        for c in e.configs where c.fields == nil {
            lines += "\(c.name) is left out: a template can't deploy it faithfully (\(c.leftOut ?? "unknown reason")).".wrapped(to: width, indent: "  ").map { "  " + $0 }
        }
        for c in e.configs where !c.benchmarks.isEmpty {
            lines.append("")
            lines.append("JumpStart's benchmarks of \(c.name) (P50 throughput per user, and time to first token, at each number of concurrent users):")
            var b = TextTable([.init(title: "TYPE"), .init(title: "USERS", alignment: .right), .init(title: "TOKENS/S PER USER", alignment: .right),
                               .init(title: "FIRST TOKEN", alignment: .right)])
            for type in c.benchmarks.keys.sorted(by: PriceFiles.instanceOrder) {
                var byConcurrency: [Int?: (String?, String?)] = [:]
                var order: [Int?] = []
                for m in c.benchmarks[type]! {
                    if byConcurrency[m.concurrency] == nil { order.append(m.concurrency); byConcurrency[m.concurrency] = (nil, nil) }
                    if m.isThroughput { byConcurrency[m.concurrency]!.0 = m.value }
                    else if m.name.lowercased() == "latency" { byConcurrency[m.concurrency]!.1 = "\(m.value) \(m.unit == "sec" ? "s" : m.unit)" }
                }
                for (i, n) in order.enumerated() {
                    let (tp, lat) = byConcurrency[n]!
                    b.add([i == 0 ? type : "", n.map(String.init) ?? "-", tp ?? "-", lat ?? "-"])
                }
            }
            lines += b.render(width: width).map { "  " + $0 }
        }
        return lines
    }

    private func json(_ o: ModelOverview) -> JSONText.Value {
        let e = o.entry
        return .object([
            ("model", .string(e.modelId)),
            ("version", .string(e.version.text)),
            ("newest", .bool(o.isNewest)),
            ("versions", .array(o.versions.map { .string($0.text) })),
            ("region", .string(o.region)),
            ("modelPackage", .bool(e.isModelPackage)),
            ("gated", .bool(e.gatedBucket)),
            ("requiresEula", .bool(e.requiresEula != nil)),
            ("eulaUrl", o.eulaURL.map { .string($0) } ?? .null),
            ("defaultInstanceType", .string(e.defaultInstanceType)),
            ("deploysWithDefaultInstanceType", .bool(o.deploysWithDefault)),
            ("newestDeployableVersion", o.deploysWithDefault ? .null : (o.newestDeployable.map { .string($0.version.text) } ?? .null)),
            ("instanceTypes", .array(o.instanceTypes.map { t in
                .object([
                    ("instanceType", .string(t.instanceType)),
                    ("default", .bool(t.isDefault)),
                    ("deployable", .bool(t.deploys)),
                    ("reason", t.problem.map { .string("\($0)") } ?? .null),
                ])
            })),
            ("regions", .array(o.regionsWithDefault.map { .string($0) })),
            ("regionsWithAnyInstanceType", .array(o.regionsWithAny.map { .string($0) })),
            ("environment", .object(o.defaultEnvironment.map { ($0.name, .string($0.value)) })),
            ("source", e.origin.map { .object([("specKey", .string($0.specKey)), ("framework", $0.framework.map { .string($0) } ?? .null)]) } ?? .string("bundled")),
            ("config", e.configName.map { .string($0) } ?? .null),
            ("configs", .array(e.configs.map { c in
                .object([
                    ("name", .string(c.name)),
                    ("rank", c.rank.map { .int($0 + 1) } ?? .null),
                    ("deployable", .bool(c.fields != nil)),
                    ("leftOut", c.leftOut.map { .string($0) } ?? .null),
                    ("requirements", c.requirements.map { r in .object([("minMemoryMB", r.minMemoryMB.map { .int($0) } ?? .null), ("accelerators", r.accelerators.map { .int($0) } ?? .null)]) } ?? .null),
                    ("benchmarks", .object(c.benchmarks.keys.sorted(by: PriceFiles.instanceOrder).map { type in
                        (type, .array(c.benchmarks[type]!.map { m in
                            .object([("name", .string(m.name)), ("value", .string(m.value)), ("unit", .string(m.unit)),
                                     ("concurrency", m.concurrency.map { .int($0) } ?? .null)])
                        }))
                    })),
                ])
            })),
        ])
    }
}
