import Yams

/// One property of a template's Resources whose value is not what the template's own Metadata
/// answers build: a hand edit.
public struct TemplateEdit: Sendable, Equatable {
    /// Where, under Resources: `EndpointConfig.Properties.ProductionVariants[0].InitialInstanceCount`.
    public var path: String
    /// The value in the file, shortened for a line; nil when the file has none.
    public var templateValue: String?
    /// The value the answers build, shortened; nil when they build none.
    public var answerValue: String?
    /// Where the answer it looks like lives instead, when there is one.
    public var hint: String?

    public init(path: String, templateValue: String?, answerValue: String?, hint: String? = nil) {
        self.path = path
        self.templateValue = templateValue
        self.answerValue = answerValue
        self.hint = hint
    }

    /// `EndpointConfig.Properties.ProductionVariants[0].VariantName: template Blue vs. answers AllTraffic`.
    public var text: String { "\(path): \(comparison)" }

    /// `template Blue vs. answers AllTraffic`, and the hint if there is one.
    public var comparison: String {
        "template \(templateValue ?? "(absent)") vs. answers \(answerValue ?? "(absent)")" + (hint.map { " (\($0))" } ?? "")
    }
}

/// A hand edit that maps onto an answer, and the answer it became.
public struct ReadBackEdit: Sendable, Equatable {
    public var edit: TemplateEdit
    /// The answer as the command line gives it: `--count 5`, `--env MAX_TOKENS=8`, `no --kms-key-id`.
    public var answer: String
    /// The flag of the answer (`--count`), to name the property in an error about that answer.
    public var flag: String
}

/// The hand edits of a template's Resources, found by building its Metadata answers again (with
/// the same catalog version, without the Description's cost line) and comparing the two Resources
/// trees property by property: values CloudFormation reads alike (`5` and `"5"`, `!Ref X` and
/// `{Ref: X}`, tags in another order) are not edits.
///
/// An edit that maps onto an answer (instance type, count, autoscaling range and target, off-hours
/// count, health-check timeout, endpoint name, environment, tags, KMS key, VPC subnets and security
/// groups, an existing role's ARN) is read back into the answers,
/// checked by that answer's own rule. Any other difference is listed in `unmapped`: reopening the
/// template from its answers would lose it, so the command line refuses (unless told to discard
/// them) and the wizard asks.
public struct TemplateEdits: Sendable, Equatable {
    /// The Metadata's answers with every read-back edit applied.
    public var answers: ExportAnswers
    public var readBack: [ReadBackEdit]
    /// Differences no answer holds, in the template's resource order: lost when reopened.
    public var unmapped: [TemplateEdit]

    public var isEmpty: Bool { readBack.isEmpty && unmapped.isEmpty }

    /// Compares `text`'s Resources with what `answers` (read from its Metadata) build.
    /// Fails when the answers themselves don't build (then nothing can be compared: say so) or
    /// when a read-back value breaks its answer's rule (named by the property).
    public static func find(in text: String, path: String, answers: ExportAnswers, catalog: Catalog) -> Result<TemplateEdits, TemplateError> {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            return .failure(.templateUnreadable(path: path, reason: "it is neither YAML nor JSON"))
        }
        let fileResources = root.map(Tree.init(node:)).flatMap { $0["Resources"] }.map(Tree.normalised)
        // No cost line: a price that changed since the export is not an edit.
        let builder = TemplateBuilder(catalog: catalog)
        let original: Tree
        switch builder.build(answers) {
        case .success(let t): original = resources(t)
        case .failure(let e): return .failure(.templateEditsUnchecked(path: path, reason: e.description))
        }
        let edits = differences(fileResources, original)
        guard !edits.isEmpty else { return .success(TemplateEdits(answers: answers, readBack: [], unmapped: [])) }

        var readBack = ReadBack(answers: answers)
        // A tag edited to different values on different resources is no one answer.
        var tagValues: [String: Set<String>] = [:]
        for d in edits where ReadBack.isTag(d.keys) {
            tagValues[d.keys[3], default: []].insert(d.template.map { $0.shortText + "=" } ?? "")
        }
        readBack.conflictingTags = Set(tagValues.filter { $0.value.count > 1 }.keys)
        for edit in edits { readBack.apply(edit) }
        if let (property, error) = readBack.invalid { return .failure(.templateEditInvalid(path: path, property: property, error: error)) }
        let rebuilt: Tree
        switch builder.build(readBack.answers) {
        case .success(let t): rebuilt = resources(t)
        case .failure(let e):
            // Name the property the refused answer came from, as a typed answer names its field.
            let culprit = readBack.edits.first { $0.flag == e.flag }
            let property = culprit.map(\.edit.path) ?? readBack.edits.map(\.edit.path).joined(separator: ", ")
            return .failure(.templateEditInvalid(path: path, property: property, error: e))
        }
        // What still differs after the read-back is lost; a difference only the read-back made
        // (the image of a new instance family) is its consequence, not an edit.
        let editedPaths = Set(edits.map(\.path))
        let lost = differences(fileResources, rebuilt).filter { editedPaths.contains($0.path) }
        let lostPaths = Set(lost.map(\.path))
        return .success(TemplateEdits(
            answers: readBack.answers,
            readBack: readBack.edits.filter { !lostPaths.contains($0.edit.path) },
            unmapped: lost.map { d in
                var edit = d.edit
                edit.hint = readBack.hints[d.path]
                return edit
            }))
    }

    /// The refusal of `export --from`: every edit that would be lost, one a line.
    public func refusal(path: String) -> String {
        var lines = ["\(path) has hand edits in its Resources that its answers (Metadata.\(TemplateMetadata.key)) can't hold; reopening it would lose them:"]
        lines += unmapped.map { "  \($0.text)" }
        if !readBack.isEmpty {
            lines.append("These edits map onto answers and would be read back:")
            lines += readBack.map { "  \($0.edit.text) → \($0.answer)" }
        }
        lines.append("Make the change with an option of export instead (see export --help), or add --discard-edits to rebuild the template from its answers without these edits.")
        return lines.joined(separator: "\n")
    }

    static func resources(_ template: ExportedTemplate) -> Tree {
        Tree(template.document)["Resources"].map(Tree.normalised) ?? .map([])
    }

    // MARK: - Comparing

    struct Difference {
        var path: String
        var keys: [String]
        var template: Tree?
        var built: Tree?
        /// Keys come from the file: printed safely.
        var edit: TemplateEdit { TemplateEdit(path: TerminalSafe.text(path), templateValue: template?.shortText, answerValue: built?.shortText) }
    }

    /// Every property that differs, in the built template's order, then the file's extra ones.
    static func differences(_ file: Tree?, _ built: Tree?) -> [Difference] {
        var out: [Difference] = []
        walk(file, built, path: "", keys: [], into: &out)
        // Resources missing, or not a mapping: the whole section differs.
        return out.map { d in
            var d = d
            if d.path.isEmpty { d.path = "Resources" }
            return d
        }
    }

    private static func walk(_ a: Tree?, _ b: Tree?, path: String, keys: [String], into out: inout [Difference]) {
        if a == b { return }
        func key(_ k: String) -> String { path.isEmpty ? k : path + "." + k }
        // The environment and tags are compared name by name even where one side has none.
        let byName = ["Environment", "Tags", "VpcConfig"].contains(keys.last ?? "")
        switch (a, b) {
        case let (.map(x)?, .map(y)?):
            walkPairs(x, y, key, keys, &out)
        case let (.map(x)?, nil) where byName:
            walkPairs(x, [], key, keys, &out)
        case let (nil, .map(y)?) where byName:
            walkPairs([], y, key, keys, &out)
        case let (.list(x)?, .list(y)?) where !x.allSatisfy(\.isScalar) || !y.allSatisfy(\.isScalar):
            for i in 0..<max(x.count, y.count) {
                walk(i < x.count ? x[i] : nil, i < y.count ? y[i] : nil, path: path + "[\(i)]", keys: keys + ["[\(i)]"], into: &out)
            }
        default:
            out.append(Difference(path: path, keys: keys, template: a, built: b))
        }
    }

    private static func walkPairs(_ x: [(String, Tree)], _ y: [(String, Tree)], _ key: (String) -> String, _ keys: [String], _ out: inout [Difference]) {
        let names = y.map(\.0) + x.map(\.0).filter { n in !y.contains { $0.0 == n } }
        for n in names {
            walk(x.first { $0.0 == n }?.1, y.first { $0.0 == n }?.1, path: key(n), keys: keys + [n], into: &out)
        }
    }
}

extension TemplateEdits {
    /// Applies edits that map onto an answer, each checked by its field's rule.
    struct ReadBack {
        var answers: ExportAnswers
        var edits: [ReadBackEdit] = []
        /// The first read-back value its rule refuses, and the property it came from.
        var invalid: (String, TemplateError)?
        /// Path → why an edit that looks like an answer is not read back.
        var hints: [String: String] = [:]

        init(answers: ExportAnswers) { self.answers = answers }

        typealias Id = TemplateBuilder.LogicalId

        mutating func apply(_ d: Difference) {
            let k = d.keys
            let value = d.template?.scalarText
            func read(_ answer: String, _ flag: String, _ error: TemplateError? = nil) {
                edits.append(ReadBackEdit(edit: d.edit, answer: answer, flag: flag))
                if let error, invalid == nil { invalid = (d.path, error) }
            }
            let variant = [Id.endpointConfig, "Properties", "ProductionVariants", "[0]"]
            switch (Array(k.dropLast()), k.last ?? "", value) {
            case (variant, "InstanceType", let type?):
                answers.instanceType = type
                read("--instance-type \(type)", "--instance-type")
            case (variant, "InitialInstanceCount", let text?):
                // With autoscaling the starting count is the minimum: MinCapacity says which.
                guard case .fixed = answers.capacity.kind else {
                    hints[d.path] = "with autoscaling it is the minimum: edit ScalableTarget's MinCapacity"
                    return
                }
                guard let n = Int(text) else { return read("--count \(text)", "--count", .instanceCountInvalid(text: text)) }
                answers.instanceCount = n
                read("--count \(n)", "--count", CapacityRules.checkCount(n, .count).map(TemplateError.capacity))
            case (variant, "ContainerStartupHealthCheckTimeoutInSeconds", let text?):
                let result = TemplateRules.healthCheckTimeout(text)
                if case .success(let s) = result { answers.options.healthCheckTimeout = s }
                read("--health-check-timeout \(text)", "--health-check-timeout", result.failure)
            case ([Id.endpointConfig, "Properties"], "KmsKeyId", _) where d.template == nil || value != nil:
                answers.options.kmsKeyId = value
                read(value.map { "--kms-key-id \($0)" } ?? "no --kms-key-id", "--kms-key-id", value.flatMap { TemplateRules.checkKmsKey($0, instanceType: nil) })
            case ([Id.endpoint, "Properties"], "EndpointName", let name?) where name.hasPrefix(TemplateRules.endpointNamePrefix):
                let part = String(name.dropFirst(TemplateRules.endpointNamePrefix.count))
                answers.endpointName = part
                read("--endpoint-name \(part)", "--endpoint-name", TemplateRules.checkEndpointName(part))
            case ([Id.scalableTarget, "Properties"], "MinCapacity", let text?), ([Id.scalableTarget, "Properties"], "MaxCapacity", let text?):
                guard case let .autoscaling(min, max, target) = answers.capacity.kind else {
                    hints[d.path] = "with a fixed count it is the count: edit InitialInstanceCount"
                    return
                }
                let isMin = k.last == "MinCapacity"
                let flag = isMin ? "--min-count" : "--max-count"
                guard let n = Int(text) else { return read("\(flag) \(text)", flag, .capacity(CapacityError(field: isMin ? .minCount : .maxCount, value: text, message: CapacityRules.countRule(isMin ? .minCount : .maxCount)))) }
                answers.capacity.kind = .autoscaling(min: isMin ? n : min, max: isMin ? max : n, targetInvocations: target)
                read("\(flag) \(n)", flag, CapacityRules.checkCount(n, isMin ? .minCount : .maxCount).map(TemplateError.capacity))
            case ([Id.scalingPolicy, "Properties", "TargetTrackingScalingPolicyConfiguration"], "TargetValue", let text?):
                guard case let .autoscaling(min, max, _) = answers.capacity.kind, let n = Int(text) else { return }
                answers.capacity.kind = .autoscaling(min: min, max: max, targetInvocations: n)
                read("--target-invocations \(n)", "--target-invocations")
            case ([Id.scalableTarget, "Properties", "ScheduledActions", "[1]", "ScalableTargetAction"], "MinCapacity", let text?),
                 ([Id.scalableTarget, "Properties", "ScheduledActions", "[1]", "ScalableTargetAction"], "MaxCapacity", let text?):
                // The action at the end of working hours sets the off-hours count, as both bounds.
                guard answers.capacity.schedule != nil, let n = Int(text) else { return }
                answers.capacity.schedule?.offHoursCount = n
                read("--off-hours-count \(n)", "--off-hours-count", CapacityRules.checkCount(n, .offHoursCount).map(TemplateError.capacity))
            case ([Id.model, "Properties", "VpcConfig"], "Subnets", _), ([Id.model, "Properties", "VpcConfig"], "SecurityGroupIds", _):
                guard let ids = d.template.map({ $0.scalarList }) ?? [] else { return }
                let subnets = k.last == "Subnets"
                if subnets { answers.options.vpcSubnets = ids } else { answers.options.vpcSecurityGroups = ids }
                let flag = subnets ? "--vpc-subnet" : "--vpc-security-group"
                read(ids.isEmpty ? "no \(flag)" : ids.map { "\(flag) \($0)" }.joined(separator: " "), flag,
                     subnets ? TemplateRules.checkSubnets(ids) : TemplateRules.checkSecurityGroups(ids))
            case ([Id.model, "Properties"], "ExecutionRoleArn", let arn?):
                // A role named by its ARN; the reverse (a role the template creates) is a resource to add, no answer.
                answers.options.role = .existing(arn: arn)
                read("--role-arn \(arn)", "--role-arn", TemplateRules.checkRoleArn(arn))
            case ([Id.model, "Properties", "PrimaryContainer", "Environment"], let name, _):
                if let value {
                    let v = EnvironmentVariable(name: name, value: .string(value))
                    if let i = answers.environment.firstIndex(where: { $0.name == name }) { answers.environment[i] = v } else { answers.environment.append(v) }
                    read("--env \(name)=\(value)", "--env", TemplateRules.checkEnvironment([v]))
                } else if d.template == nil, let i = answers.environment.firstIndex(where: { $0.name == name }) {
                    answers.environment.remove(at: i)
                    read("no --env \(name)", "--env")
                } else if d.template == nil {
                    hints[d.path] = "the model's own variable: --env can change its value, not remove it"
                }
            case (_, let key, _) where Self.isTag(k):
                applyTag(key, value: value, removed: d.template == nil, d)
            default:
                return
            }
        }

        /// A tag is one answer for every resource: an edit is read back unless another resource's
        /// edit of the same key disagrees; the catalog's own tags are not answers.
        mutating func applyTag(_ key: String, value: String?, removed: Bool, _ d: Difference) {
            guard value != nil || removed else { return }
            if conflictingTags.contains(key) {
                hints[d.path] = "a tag is one answer for every resource, and the resources disagree"
                return
            }
            if ["modelId", "modelVersion"].contains(key) || key.hasPrefix("sagemaker-studio:") {
                hints[d.path] = "a tag the catalog sets"
                return
            }
            if let value {
                let tag = TemplateTag(key: key, value: value)
                if let i = answers.options.tags.firstIndex(where: { $0.key == key }) { answers.options.tags[i] = tag } else { answers.options.tags.append(tag) }
                edits.append(ReadBackEdit(edit: d.edit, answer: "--tag \(key)=\(value)", flag: "--tag"))
                if let e = TemplateRules.checkTag(tag), invalid == nil { invalid = (d.path, e) }
            } else {
                answers.options.tags.removeAll { $0.key == key }
                edits.append(ReadBackEdit(edit: d.edit, answer: "no --tag \(key)", flag: "--tag"))
            }
        }

        static func isTag(_ keys: [String]) -> Bool { keys.count == 4 && keys[1] == "Properties" && keys[2] == "Tags" }

        /// Tag keys whose edits disagree between resources.
        var conflictingTags = Set<String>()
    }
}

private extension Result {
    var failure: Failure? { if case .failure(let e) = self { return e }; return nil }
}

/// A template's tree in the terms CloudFormation reads it: scalars as text, mappings with their
/// keys in order (compared as sets), short-form intrinsic functions in their long form, tag lists
/// keyed by tag.
indirect enum Tree: Equatable {
    case scalar(String)
    case list([Tree])
    case map([(String, Tree)])

    static func == (a: Tree, b: Tree) -> Bool {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)): return x == y
        case let (.list(x), .list(y)): return x == y
        case let (.map(x), .map(y)):
            return x.count == y.count && x.allSatisfy { pair in y.contains { $0.0 == pair.0 && $0.1 == pair.1 } }
        default: return false
        }
    }

    subscript(key: String) -> Tree? {
        if case .map(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    var isScalar: Bool { if case .scalar = self { return true }; return false }
    var scalarText: String? { if case .scalar(let s) = self { return s }; return nil }
    /// A list of plain values (subnet ids); nil for anything else.
    var scalarList: [String]? {
        guard case .list(let items) = self else { return nil }
        let texts = items.compactMap(\.scalarText)
        return texts.count == items.count ? texts : nil
    }

    /// From the builder's tree.
    init(_ value: JSONText.Value) {
        switch value {
        case .string(let s): self = .scalar(s)
        case .int(let i): self = .scalar(String(i))
        case .double: self = .scalar(JSONText.compact(value))
        case .bool(let b): self = .scalar(b ? "true" : "false")
        case .null: self = .scalar("null")
        case .array(let items): self = .list(items.map(Tree.init))
        case .object(let pairs): self = .map(pairs.map { ($0.0, Tree($0.1)) })
        }
    }

    /// From a parsed file (YAML or JSON). A plain `5` and a quoted `"5"` are the same text; a plain
    /// `True` is `true`.
    init(node: Node) {
        var tree: Tree
        switch node {
        case .scalar(let s):
            var text = s.string
            if s.style == .plain {
                if let n = Int(text) { text = String(n) } else if ["true", "false"].contains(text.lowercased()) { text = text.lowercased() }
            }
            tree = .scalar(text)
        case .mapping(let m):
            tree = .map(m.map { ($0.key.scalar?.string ?? "", Tree(node: $0.value)) })
        case .sequence(let s):
            tree = .list(s.map(Tree.init(node:)))
        default:
            tree = .scalar("")
        }
        // `!Ref X`, `!GetAtt A.B`, `!Sub …`: the short forms of `Ref` and `Fn::…`.
        let tag = node.tag.description
        if tag.hasPrefix("!"), tag.count > 1, !tag.hasPrefix("!!") {
            let name = String(tag.dropFirst())
            tree = .map([(name == "Ref" || name == "Condition" ? name : "Fn::" + name, tree)])
        }
        self = tree
    }

    /// `Fn::GetAtt: A.B` as `[A, B]`; a `Tags` list of Key/Value pairs as a mapping by key.
    static func normalised(_ tree: Tree) -> Tree {
        switch tree {
        case .scalar: return tree
        case .list(let items): return .list(items.map(normalised))
        case .map(let pairs):
            return .map(pairs.map { key, value in
                if key == "Fn::GetAtt", case .scalar(let s) = value, let dot = s.firstIndex(of: ".") {
                    return (key, .list([.scalar(String(s[..<dot])), .scalar(String(s[s.index(after: dot)...]))]))
                }
                if key == "Tags", case .list(let items) = value {
                    let tags = items.compactMap { item -> (String, Tree)? in
                        guard let k = item["Key"]?.scalarText, let v = item["Value"] else { return nil }
                        return (k, v)
                    }
                    if tags.count == items.count { return (key, .map(tags)) }
                }
                return (key, normalised(value))
            })
        }
    }

    /// The value on one line, at most 60 characters, control characters escaped.
    var shortText: String { TerminalSafe.text(flat, limit: 60) }

    private var flat: String {
        switch self {
        case .scalar(let s): return s.isEmpty ? "\"\"" : s
        case .list(let items): return "[" + items.map(\.flat).joined(separator: ", ") + "]"
        case .map(let pairs): return "{" + pairs.map { "\($0.0): \($0.1.flat)" }.joined(separator: ", ") + "}"
        }
    }
}
