import Foundation
import Yams

/// The answers a template was made from, stored under `Metadata.JumpStartTUI` so `export --from`
/// and the wizard can rebuild or reopen it.
public enum TemplateMetadata {
    public static let key = "JumpStartTUI"
    /// Bumped when the stored answers change shape: 2 stores `Capacity` (fixed or autoscaling,
    /// with a schedule) instead of version 1's `InstanceCount`; version-1 templates still open.
    public static let formatVersion = 2

    /// The resolved answers, every option written (lists even when empty).
    public static func encode(_ a: ExportAnswers) -> JSONText.Value {
        var pairs: [(String, JSONText.Value)] = [
            ("FormatVersion", .int(formatVersion)),
            ("Model", .string(a.model)),
            ("Version", .string(a.version ?? "")),
            ("Region", .string(a.region)),
            ("InstanceType", .string(a.instanceType ?? "")),
            ("Capacity", capacityJSON(a.capacity)),
            ("Environment", .object(a.environment.map { ($0.name, .string($0.value.description)) })),
            ("EndpointName", .string(a.endpointName ?? "")),
            ("AcceptEula", .bool(a.acceptEula)),
        ]
        // Optional: a template without it means the version's default deployment configuration.
        if let config = a.config { pairs.append(("Config", .string(config))) }
        switch a.options.role {
        case .existing(let arn): pairs.append(("RoleArn", .string(arn)))
        case .create(let policy): pairs.append(("RolePolicy", .string(policy.rawValue)))
        }
        pairs += [
            ("VpcSubnets", .array(a.options.vpcSubnets.map { .string($0) })),
            ("VpcSecurityGroups", .array(a.options.vpcSecurityGroups.map { .string($0) })),
            ("HealthCheckTimeout", .int(a.options.healthCheckTimeout ?? TemplateOptions.defaultHealthCheckTimeout)),
        ]
        if let key = a.options.kmsKeyId { pairs.append(("KmsKeyId", .string(key))) }
        pairs.append(("Tags", .array(a.options.tags.map { .object([("Key", .string($0.key)), ("Value", .string($0.value))]) })))
        return .object(pairs)
    }

    static func capacityJSON(_ c: Capacity) -> JSONText.Value {
        var pairs: [(String, JSONText.Value)]
        switch c.kind {
        case .fixed(let n):
            pairs = [("Kind", .string("fixed")), ("Count", .int(n))]
        case let .autoscaling(min, max, target):
            pairs = [("Kind", .string("autoscaling")), ("MinCount", .int(min)), ("MaxCount", .int(max))]
            if let target { pairs.append(("TargetInvocations", .int(target))) }
        }
        if let s = c.schedule {
            pairs.append(("Schedule", .object([
                ("Window", .string(s.window)), ("TimeZone", .string(s.timeZone)), ("OffHoursCount", .int(s.offHoursCount)),
            ])))
        }
        return .object(pairs)
    }

    /// The format a template file is in: JSON when it starts with `{`.
    public static func format(of text: String) -> TemplateFormat {
        text.first(where: { !$0.isWhitespace }) == "{" ? .json : .yaml
    }

    /// Reads the answers back from a template's text (YAML or JSON). `path` only names the file in messages.
    public static func answers(fromTemplate text: String, path: String) -> Result<ExportAnswers, TemplateError> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return .failure(.templateUnreadable(path: path, reason: "it is neither YAML nor JSON (\(String(describing: error).split(separator: "\n").first ?? ""))"))
        }
        return answers(fromRoot: root, path: path)
    }

    /// The same from a template already parsed (`CloudFormationTemplate` reads the text once).
    static func answers(fromRoot root: Node?, path: String) -> Result<ExportAnswers, TemplateError> {
        guard let meta = root?["Metadata"]?[key], meta.mapping != nil else { return .failure(.templateNotOurs(path: path)) }
        func missing(_ field: String) -> TemplateError { .templateAnswerMissing(path: path, field: field) }
        guard let version = meta["FormatVersion"]?.int else { return .failure(missing("FormatVersion")) }
        guard version == 1 || version == formatVersion else { return .failure(.templateFormatVersion(path: path, found: version)) }
        func string(_ field: String) -> String? { meta[field]?.scalar?.string }
        func strings(_ field: String) -> [String]? {
            guard let seq = meta[field]?.sequence else { return nil }
            let items = seq.compactMap { $0.scalar?.string }
            return items.count == seq.count ? items : nil
        }
        guard let model = string("Model"), !model.isEmpty else { return .failure(missing("Model")) }
        guard let region = string("Region"), !region.isEmpty else { return .failure(missing("Region")) }
        let capacity: Capacity
        switch readCapacity(meta, version: version, path: path) {
        case .success(let c): capacity = c
        case .failure(let e): return .failure(e)
        }
        guard let accept = meta["AcceptEula"]?.bool else { return .failure(missing("AcceptEula")) }
        guard let timeout = meta["HealthCheckTimeout"]?.int else { return .failure(missing("HealthCheckTimeout")) }
        var environment: [EnvironmentVariable] = []
        if let env = meta["Environment"] {
            guard let mapping = env.mapping else { return .failure(missing("Environment")) }
            for (k, v) in mapping {
                guard let name = k.scalar?.string, let value = v.scalar?.string else { return .failure(missing("Environment")) }
                environment.append(EnvironmentVariable(name: name, value: .string(value)))
            }
        }
        let role: RoleChoice
        // Both would let one silently win over the other.
        if meta["RoleArn"] != nil, meta["RolePolicy"] != nil { return .failure(.templateAnswersConflict(path: path, fields: "RoleArn and RolePolicy")) }
        if let arn = string("RoleArn") {
            role = .existing(arn: arn)
        } else if let text = string("RolePolicy"), let policy = RolePolicy(rawValue: text) {
            role = .create(policy)
        } else {
            return .failure(missing("RolePolicy or RoleArn"))
        }
        guard let subnets = strings("VpcSubnets") ?? (meta["VpcSubnets"] == nil ? [] : nil) else { return .failure(missing("VpcSubnets")) }
        guard let groups = strings("VpcSecurityGroups") ?? (meta["VpcSecurityGroups"] == nil ? [] : nil) else {
            return .failure(missing("VpcSecurityGroups"))
        }
        var tags: [TemplateTag] = []
        if let seq = meta["Tags"]?.sequence {
            for item in seq {
                guard let k = item["Key"]?.scalar?.string, let v = item["Value"]?.scalar?.string else { return .failure(missing("Tags")) }
                tags.append(TemplateTag(key: k, value: v))
            }
        }
        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        return .success(ExportAnswers(
            model: model, version: nonEmpty(string("Version")), region: region, instanceType: nonEmpty(string("InstanceType")),
            capacity: capacity, environment: environment, endpointName: nonEmpty(string("EndpointName")), acceptEula: accept,
            options: TemplateOptions(
                role: role, vpcSubnets: subnets, vpcSecurityGroups: groups, healthCheckTimeout: timeout,
                kmsKeyId: nonEmpty(string("KmsKeyId")), tags: tags),
            config: nonEmpty(string("Config"))))
    }

    /// Version 1: `InstanceCount`, a fixed count. Version 2: `Capacity`.
    static func readCapacity(_ meta: Node, version: Int, path: String) -> Result<Capacity, TemplateError> {
        func missing(_ field: String) -> TemplateError { .templateAnswerMissing(path: path, field: field) }
        if version == 1 {
            guard let count = meta["InstanceCount"]?.int else { return .failure(missing("InstanceCount")) }
            return .success(.fixed(count))
        }
        guard let c = meta["Capacity"], c.mapping != nil, let kind = c["Kind"]?.scalar?.string else { return .failure(missing("Capacity")) }
        var capacity: Capacity
        switch kind {
        case "fixed":
            guard let n = c["Count"]?.int else { return .failure(missing("Capacity.Count")) }
            capacity = .fixed(n)
        case "autoscaling":
            guard let min = c["MinCount"]?.int, let max = c["MaxCount"]?.int else { return .failure(missing("Capacity.MinCount and MaxCount")) }
            capacity = Capacity(.autoscaling(min: min, max: max, targetInvocations: c["TargetInvocations"]?.int))
        default:
            return .failure(missing("Capacity.Kind (fixed or autoscaling)"))
        }
        if let s = c["Schedule"] {
            guard let window = s["Window"]?.scalar?.string, let zone = s["TimeZone"]?.scalar?.string, let off = s["OffHoursCount"]?.int else {
                return .failure(missing("Capacity.Schedule"))
            }
            do throws(CapacityError) {
                capacity.schedule = try OffHoursSchedule.parse(window, timeZone: zone, offHoursCount: off)
            } catch {
                return .failure(.templateUnreadable(path: path, reason: "its Capacity.Schedule.Window: \(error.message)"))
            }
        }
        return .success(capacity)
    }
}

/// YAML through Yams: block style, keys in the tree's order, unlimited line width, and every
/// string that a YAML 1.1 or 1.2 reader could take for something else (a number, a boolean, a
/// date, null) quoted.
public enum TemplateYAML {
    public static func render(_ value: JSONText.Value) -> String {
        // Serializing a tree of plain strings, numbers and booleans can't fail.
        (try? Yams.serialize(node: node(value), indent: 2, width: -1, allowUnicode: true)) ?? ""
    }

    /// Every tag is explicit, so nothing is resolved; an empty resolver keeps Yams from compiling
    /// its default resolver's regular expressions (about 2 ms a process, measured).
    private static let noResolver = Resolver.basic
    nonisolated(unsafe) private static let str = Tag(.str, noResolver)
    nonisolated(unsafe) private static let int = Tag(.int, noResolver)
    nonisolated(unsafe) private static let float = Tag(.float, noResolver)
    nonisolated(unsafe) private static let bool = Tag(.bool, noResolver)
    nonisolated(unsafe) private static let null = Tag(.null, noResolver)
    nonisolated(unsafe) private static let seq = Tag(.seq, noResolver)
    nonisolated(unsafe) private static let map = Tag(.map, noResolver)

    static func node(_ value: JSONText.Value) -> Node {
        switch value {
        case .string(let s): return .scalar(scalar(s))
        case .int(let i): return .scalar(Node.Scalar(String(i), int, .plain))
        case .double(let d): return .scalar(Node.Scalar(JSONText.compact(.double(d)), float, .plain))
        case .bool(let b): return .scalar(Node.Scalar(b ? "true" : "false", bool, .plain))
        case .null: return .scalar(Node.Scalar("null", null, .plain))
        case .array(let items): return .sequence(Node.Sequence(items.map(node), seq, .block))
        case .object(let pairs):
            return .mapping(Node.Mapping(pairs.map { (Node.scalar(scalar($0.0)), node($0.1)) }, map, .block))
        }
    }

    /// Words that a YAML 1.1 or 1.2 reader (PyYAML, hence cfn-lint; CloudFormation) takes for a
    /// boolean, null, or a merge/value key.
    private static let ambiguousWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<", "="]

    /// Quoted when a reader could take it for anything but a string: empty, one of the words
    /// above, or starting like a number, a date or `.inf`/`.nan` (a digit, a sign or a dot).
    /// This is a superset of Yams' own resolver check, without running its regular expressions
    /// for every string. Other special characters (`: `, `#`, `*`, …) libyaml quotes by itself.
    static func scalar(_ s: String) -> Node.Scalar {
        let first = s.unicodeScalars.first
        let needsQuotes = s.isEmpty || ambiguousWords.contains(s.lowercased())
            || first.map { ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." } ?? false
        return Node.Scalar(s, str, needsQuotes ? .singleQuoted : .any)
    }
}
