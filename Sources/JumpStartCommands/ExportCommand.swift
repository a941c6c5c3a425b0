import ArgumentParser
import Foundation
import JumpStartCore

/// `jumpstart-tui export MODEL[@VERSION] …` and `export --from FILE …`: the CloudFormation template
/// (or its resource graph), written atomically, with what to do next.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the CloudFormation template that deploys a model's endpoint.",
        discussion: """
            MODEL without @VERSION means the model's newest version. Every value is checked before anything \
            is written; a bad one gets a message naming it and what would be valid, and nothing is written. \
            Without -o (or with -o -) the template goes to standard output; with -o FILE it is written \
            atomically (fsync, then rename; a new file gets mode 0644, a replaced one keeps its mode) and the \
            next steps (quota, deploy, invoke, clean-up) follow on standard error. -o writes only regular files: \
            a device, a FIFO, a socket or a folder is refused even with --force; a symlink is followed and the \
            file it points to is replaced (the link stays). \
            The template stores these answers under Metadata.JumpStartTUI: `export --from FILE` re-creates it \
            byte for byte, with any option given on the command line changed. Hand edits of its Resources are \
            found by comparing them with what its answers build from the same catalog version: one that maps \
            onto an answer (instance type, count, autoscaling range and target, health-check timeout, endpoint \
            name, environment, tags, KMS key) is read back, checked like a typed answer, and said on standard \
            error; any other is refused with the list of edited properties, unless --discard-edits.
            """)

    @Argument(help: ArgumentHelp("The model, e.g. meta-textgeneration-llama-2-7b-f@2.0.2.", valueName: "model[@version]"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("Re-create a template this program exported, with the options given here changed.", valueName: "template-file"))
    var from: String?

    @Flag(name: .long, help: "With --from: rebuild from the template's answers even where its Resources were edited by hand in ways no answer holds (those edits are dropped; edits that map onto an answer are still read back).")
    var discardEdits = false

    @OptionGroup var regionOption: RegionOption

    @Option(name: .long, help: ArgumentHelp("A deployment configuration of a version fetched by `catalog update` (default: JumpStart's top-ranked one a template can deploy; `show MODEL` lists them).", valueName: "name"))
    var config: String?

    @Option(name: .long, help: "Instance type (default: the model's default).")
    var instanceType: String?

    @OptionGroup(title: "Capacity") var capacityOptions: CapacityOptions

    @Option(name: .customLong("env"), help: ArgumentHelp("An environment variable over the model's own; repeatable.", valueName: "key=value"))
    var environment: [String] = []

    @Option(name: .long, help: ArgumentHelp("Endpoint name after the jumpstart- prefix, at most 53 characters (default: from the model id).", valueName: "name"))
    var endpointName: String?

    @Flag(name: .long, help: "Accept the model's end-user licence agreement (needed by gated models).")
    var acceptEula = false

    @Option(name: .long, help: ArgumentHelp("Container start-up health-check timeout, 60-3600 (default 600).", valueName: "seconds"))
    var healthCheckTimeout: String?

    @Option(name: .long, help: ArgumentHelp("Use this existing execution role instead of creating one.", valueName: "arn"))
    var roleArn: String?

    @Option(name: .long, help: ArgumentHelp("Policy of the role the template creates: managed (AmazonSageMakerFullAccess, the default) or least-privilege.", valueName: "policy"))
    var rolePolicy: String?

    @Option(name: .customLong("vpc-subnet"), help: ArgumentHelp("A subnet of your VPC (1-16; with --vpc-security-group); repeatable.", valueName: "id"))
    var vpcSubnets: [String] = []

    @Option(name: .customLong("vpc-security-group"), help: ArgumentHelp("A security group (1-5; with --vpc-subnet); repeatable.", valueName: "id"))
    var vpcSecurityGroups: [String] = []

    @Option(name: .long, help: ArgumentHelp("KMS key (id, ARN, alias or alias ARN) encrypting the instances' storage.", valueName: "key"))
    var kmsKeyId: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp("A tag for every resource, after the catalog's; repeatable.", valueName: "key=value"))
    var tags: [String] = []

    @Option(name: .long, help: ArgumentHelp("yaml or json (default: the -o file's extension, else the --from file's format, else yaml).", valueName: "format"))
    var format: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (- or none: standard output).", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    @Flag(name: .long, help: "Print the resource graph instead of the template.")
    var graph = false

    @Option(name: .long, help: ArgumentHelp("With --graph: text (boxes and arrows, default) or dot (Graphviz).", valueName: "format"))
    var graphFormat: String?

    func run() throws {
        let catalog = try loadCatalog()
        var answers: ExportAnswers
        var templateFormat = TemplateFormat.yaml
        var previousAnswers: ExportAnswers?
        if let from {
            let text: String
            switch TemplateFile.read(from) {
            case .success(let t): text = t
            case .failure(let error): throw CommandFailure(error.description)
            }
            answers = try TemplateMetadata.answers(fromTemplate: text, path: from).get()
            answers = try readingBackEdits(text, path: from, answers: answers, catalog: catalog)
            previousAnswers = answers
            templateFormat = TemplateMetadata.format(of: text)
            if let model {
                let previous = answers.model
                (answers.model, answers.version) = Self.split(model)
                // A name derived from the old model would deploy over that model's stack.
                if endpointName == nil, answers.model != previous,
                   answers.endpointName == TemplateRules.defaultEndpointName(modelId: previous) {
                    answers.endpointName = nil
                }
                // Another model or version has configs of its own.
                answers.config = nil
            }
            if let region = regionOption.region { answers.region = try catalog.resolveRegion(region) }
        } else {
            if discardEdits { throw CommandFailure("--discard-edits only applies with --from TEMPLATE_FILE; add --from, or leave --discard-edits out.") }
            guard let model else {
                throw CommandFailure("export needs a model (MODEL or MODEL@VERSION) or --from TEMPLATE_FILE; run `jumpstart-tui models` to list models.")
            }
            let (id, version) = Self.split(model)
            answers = ExportAnswers(model: id, version: version, region: try regionOption.resolve(catalog))
        }
        try applyOptions(to: &answers)
        // The format: --format, else the -o file's extension, else the --from file's, else YAML.
        let extensionFormat: TemplateFormat? = output.flatMap { path in
            if path.hasSuffix(".json") { return .json }
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { return .yaml }
            return nil
        }
        if let extensionFormat { templateFormat = extensionFormat }
        if let format {
            guard let f = TemplateFormat(rawValue: format) else {
                throw CommandFailure("--format \(format) is not offered by export; use yaml or json.")
            }
            if let extensionFormat, extensionFormat != f {
                note("warning: writing \(f.rawValue.uppercased()) to \(output ?? "") as --format asks, though its extension says \(extensionFormat.rawValue.uppercased()).")
            }
            templateFormat = f
        }
        if graphFormat != nil, !graph { throw CommandFailure("--graph-format only applies with --graph; add --graph.") }
        let graphFormat = graphFormat ?? "text"
        guard graphFormat == "text" || graphFormat == "dot" else {
            throw CommandFailure("--graph-format \(graphFormat) is not offered; use text or dot.")
        }

        let template = try TemplateBuilder(catalog: catalog, costNote: TemplateCostNote.maker(try pricesForDescription())).build(answers).get()
        if let before = previousAnswers, before.capacity.needsScalableTarget, let oldType = before.instanceType, oldType != template.plan.instanceType {
            // SageMaker refuses to change an autoscaled variant's instance type in place.
            note(Self.autoscaledTypeChange(from: oldType, to: template.plan.instanceType, endpoint: template.endpointName, region: template.plan.region,
                                           stillAutoscaling: template.answers.capacity.isAutoscaling))
        }
        let text: String
        if graph {
            text = graphFormat == "dot" ? template.graph.dot(name: template.endpointName) : template.graph.text(width: 80)
        } else {
            text = template.text(templateFormat)
        }
        let destination = output == "-" ? nil : output
        if let destination {
            do { try TemplateFile.write(text, to: destination, replacing: force) } catch { throw CommandFailure(error.description) }
        }
        for w in template.warnings { note("warning: \(w)") }
        guard let destination else {
            StandardStreams.out(text)
            return
        }
        if !graph {
            let real: String
            switch TemplateFile.inspect(destination) {
            case .regularFile(let p) where p != destination: real = " (through the link, to \(p))"
            default: real = ""
            }
            note("Wrote \(destination)\(real): \(template.plan.entry.reference) on \(template.plan.capacity == .fixed(template.plan.instanceCount) ? "\(template.plan.instanceCount) x \(template.plan.instanceType)" : "\(template.plan.instanceType), \(template.plan.capacity.summary)") in \(template.plan.region), endpoint \(template.endpointName).")
            note(NextSteps.lines(for: template, templatePath: destination).joined(separator: "\n"))
        }
    }

    /// What to do when an autoscaled endpoint's instance type changes (`AutoscaledTypeChange`).
    static func autoscaledTypeChange(from old: String, to new: String, endpoint: String, region: String, stillAutoscaling: Bool) -> String {
        AutoscaledTypeChange.text(from: old, to: new, endpoint: endpoint, region: region, stillAutoscaling: stillAutoscaling,
                                  removeScaling: AutoscaledTypeChange.removeScalingOurs)
    }

    /// The template's answers with its hand edits read back (said on standard error); refuses,
    /// listing them, edits no answer holds, unless --discard-edits.
    func readingBackEdits(_ text: String, path: String, answers: ExportAnswers, catalog: Catalog) throws -> ExportAnswers {
        switch TemplateEdits.find(in: text, path: path, answers: answers, catalog: catalog) {
        case .failure(.templateEditsUnchecked) where discardEdits:
            return answers
        case .failure(let error):
            throw CommandFailure(error.description)
        case .success(let edits):
            if !edits.unmapped.isEmpty {
                guard discardEdits else { throw CommandFailure(edits.refusal(path: path)) }
                note((["warning: --discard-edits drops these hand edits of \(path)'s Resources:"] + edits.unmapped.map { "  \($0.text)" }).joined(separator: "\n"))
            }
            if !edits.readBack.isEmpty {
                note((["Read back from \(path)'s Resources, edited by hand:"] + edits.readBack.map { "  \($0.edit.text) → \($0.answer)" }).joined(separator: "\n"))
            }
            return edits.answers
        }
    }

    static func split(_ reference: String) -> (String, String?) {
        guard let at = reference.firstIndex(of: "@") else { return (reference, nil) }
        return (String(reference[..<at]), String(reference[reference.index(after: at)...]))
    }

    /// Lays the command line's values over the answers (a fresh set, or a template's).
    func applyOptions(to a: inout ExportAnswers) throws {
        func fail(_ e: TemplateError) -> CommandFailure { CommandFailure(e.description) }
        if let config { a.config = config }
        if let instanceType { a.instanceType = instanceType }
        if capacityOptions.given {
            a.capacity = try capacityOptions.capacity(over: a.capacity)
        }
        for argument in environment {
            guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else { throw fail(.environmentMalformed(argument: argument)) }
            let v = EnvironmentVariable(name: String(argument[..<eq]), value: .string(String(argument[argument.index(after: eq)...])))
            if from != nil, let i = a.environment.firstIndex(where: { $0.name == v.name }) { a.environment[i] = v } else { a.environment.append(v) }
        }
        if let endpointName { a.endpointName = endpointName }
        if acceptEula { a.acceptEula = true }
        if let healthCheckTimeout {
            a.options.healthCheckTimeout = try TemplateRules.healthCheckTimeout(healthCheckTimeout).mapError(fail).get()
        }
        if roleArn != nil, rolePolicy != nil { throw fail(.roleArnAndPolicy) }
        if let roleArn { a.options.role = .existing(arn: roleArn) }
        if let rolePolicy {
            guard let p = RolePolicy(rawValue: rolePolicy) else { throw fail(.rolePolicyInvalid(text: rolePolicy)) }
            a.options.role = .create(p)
        }
        if !vpcSubnets.isEmpty { a.options.vpcSubnets = vpcSubnets }
        if !vpcSecurityGroups.isEmpty { a.options.vpcSecurityGroups = vpcSecurityGroups }
        if let kmsKeyId { a.options.kmsKeyId = kmsKeyId }
        for argument in tags {
            let t = try TemplateRules.tag(argument).mapError(fail).get()
            if from != nil, let i = a.options.tags.firstIndex(where: { $0.key == t.key }) { a.options.tags[i] = t } else { a.options.tags.append(t) }
        }
    }
}

/// Prices for the template's Description only: a damaged price file of the user's must not block
/// an export, so it is named in a warning and the bundled table is used instead.
func pricesForDescription() throws -> PriceBook {
    do {
        return try PriceBook.bundled()
    } catch {
        switch error {
        case .damagedUserFile, .damagedUpdatedFile:
            note("warning: \(error) The template's cost line uses the bundled prices.")
            return try PriceBook.load(dataDirectory: DataLocation.cached(), userFile: nil, updatedFile: nil)
        default:
            throw error
        }
    }
}
