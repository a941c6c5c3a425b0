import ArgumentParser
import JumpStartCore

/// `jumpstart-tui show MODEL[@VERSION]`: one entry, and where and how it deploys.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one model version: instance types, regions, environment, EULA.",
        discussion: "MODEL without @VERSION means the model's newest version.")

    @Argument(help: ArgumentHelp("The model, e.g. huggingface-llm-mistral-7b-instruct or meta-textgeneration-llama-2-7b-f@2.0.2.", valueName: "model[@version]"))
    var model: String

    @OptionGroup var regionOption: RegionOption

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
        let o = try ModelOverview(catalog: catalog, summary: summary, region: region)
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
        emit(lines.joined(separator: "\n"))
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
        ])
    }
}
