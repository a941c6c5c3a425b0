/// What changes between two templates, for the SageMaker and Application Auto Scaling resources:
/// each resource added, removed or changed (property paths, old → new), which changes CloudFormation
/// carries out by replacing the resource (`UpdateBehaviour`), the replacements that follow from
/// another's (a replaced model gives its endpoint config a new `ModelName`, which replaces the
/// config too), and, for two templates of ours, the answers that changed.
public struct TemplateDiff: Sendable {
    public struct PropertyChange: Sendable, Equatable {
        /// `ProductionVariants[0].InstanceType`.
        public var path: String
        /// Nil when the property is added (old) or removed (new).
        public var old: String?
        public var new: String?
        public var behaviour: UpdateBehaviour
        /// Set when the value changes only because a resource it refers to is replaced.
        public var becauseReplaced: String?
    }

    public enum Kind: String, Sendable, Equatable {
        case added, removed, changed
    }

    public struct ResourceChange: Sendable, Equatable {
        public var logicalId: String
        public var type: String
        public var kind: Kind
        public var changes: [PropertyChange]
        /// A changed resource CloudFormation replaces.
        public var replaced: Bool { kind == .changed && changes.contains { $0.behaviour == .replacement } || typeChanged }
        public var typeChanged: Bool
        /// Its name is set by hand and stays the same while it must be replaced: the update fails.
        public var nameConflict: String?
        public var updateUnknown: Bool { kind == .changed && changes.contains { $0.behaviour == .unknown } }
    }

    /// One answer of ours that differs (`InstanceType`, `Capacity`, …).
    public struct AnswerChange: Sendable, Equatable {
        public var field: String
        public var old: String
        public var new: String
    }

    public var resources: [ResourceChange]
    /// Nil unless both templates are ours.
    public var answers: [AnswerChange]?

    public init(old: CloudFormationTemplate, new: CloudFormationTemplate) {
        var changes: [ResourceChange] = []
        let oldWatched = old.resources.filter { UpdateBehaviour.isWatched($0.type) }
        let newWatched = new.resources.filter { UpdateBehaviour.isWatched($0.type) }
        for r in oldWatched where new.resource(r.logicalId) == nil {
            changes.append(ResourceChange(logicalId: r.logicalId, type: r.type, kind: .removed, changes: [], typeChanged: false))
        }
        for r in newWatched {
            guard let before = old.resource(r.logicalId) else {
                changes.append(ResourceChange(logicalId: r.logicalId, type: r.type, kind: .added, changes: [], typeChanged: false))
                continue
            }
            var list: [PropertyChange] = []
            Self.compare(before.properties, r.properties, path: "", type: r.type, into: &list)
            if !list.isEmpty || before.type != r.type {
                changes.append(ResourceChange(logicalId: r.logicalId, type: r.type, kind: .changed, changes: list, typeChanged: before.type != r.type))
            }
        }
        // A replaced resource gets a new id and name (unless named by hand): whatever refers to it
        // changes too, and may be replaced in turn.
        var done = Set<String>()
        while let next = changes.first(where: { $0.replaced && !done.contains($0.logicalId) }) {
            done.insert(next.logicalId)
            for r in newWatched where old.resource(r.logicalId) != nil && r.logicalId != next.logicalId {
                for path in Self.references(in: r.properties, to: next.logicalId, path: "") {
                    let top = String(path.prefix { $0 != "." && $0 != "[" })
                    let change = PropertyChange(path: path, old: nil, new: nil, behaviour: UpdateBehaviour.of(type: r.type, property: top), becauseReplaced: next.logicalId)
                    if let i = changes.firstIndex(where: { $0.logicalId == r.logicalId }) {
                        if !changes[i].changes.contains(where: { $0.path == path || $0.path.hasPrefix(path + ".") || $0.path.hasPrefix(path + "[") }) {
                            changes[i].changes.append(change)
                        }
                    } else {
                        changes.append(ResourceChange(logicalId: r.logicalId, type: r.type, kind: .changed, changes: [change], typeChanged: false))
                    }
                }
            }
        }
        // Named by hand and replaced under the same name: CloudFormation can't create the new one.
        for i in changes.indices where changes[i].replaced {
            let c = changes[i]
            guard let property = UpdateBehaviour.nameProperty[c.type], let name = new.resource(c.logicalId)?.properties[property],
                  name.intrinsic == nil, old.resource(c.logicalId)?.properties[property] == name,
                  let text = name.text else { continue }
            changes[i].nameConflict = text
        }
        // In the new template's order (removed ones where the old template had them, first).
        let order = (oldWatched.map(\.logicalId) + newWatched.map(\.logicalId))
        changes.sort { a, b in
            let ia = newWatched.firstIndex { $0.logicalId == a.logicalId } ?? -1, ib = newWatched.firstIndex { $0.logicalId == b.logicalId } ?? -1
            if ia != ib { return ia < ib }
            return (order.firstIndex(of: a.logicalId) ?? 0) < (order.firstIndex(of: b.logicalId) ?? 0)
        }
        resources = changes
        if let a = old.answers, let b = new.answers { answers = Self.answerChanges(a, b) }
    }

    /// Every leaf that differs; an intrinsic function is one leaf.
    static func compare(_ a: TemplateValue?, _ b: TemplateValue?, path: String, type: String, into out: inout [PropertyChange]) {
        if a == b { return }
        let top = String(path.prefix { $0 != "." && $0 != "[" })
        func leaf() {
            out.append(PropertyChange(path: path, old: a?.shortText, new: b?.shortText, behaviour: UpdateBehaviour.of(type: type, property: top), becauseReplaced: nil))
        }
        switch (a, b) {
        case let (.map(x)?, .map(y)?) where a?.intrinsic == nil && b?.intrinsic == nil:
            var keys = x.map(\.key)
            for k in y.map(\.key) where !keys.contains(k) { keys.append(k) }
            for k in keys {
                compare(a?[k], b?[k], path: path.isEmpty ? k : "\(path).\(k)", type: type, into: &out)
            }
        case let (.list(x)?, .list(y)?):
            for i in 0..<max(x.count, y.count) {
                compare(i < x.count ? x[i] : nil, i < y.count ? y[i] : nil, path: "\(path)[\(i)]", type: type, into: &out)
            }
        default:
            leaf()
        }
    }

    /// The paths of the values that refer to a resource (Ref, Fn::GetAtt, or `${Id}` / `${Id.Attr}`
    /// in Fn::Sub): each takes a new value when the resource is replaced.
    static func references(in v: TemplateValue, to id: String, path: String) -> [String] {
        switch v {
        case .scalar, .null: return []
        case .list(let items):
            return items.indices.flatMap { references(in: items[$0], to: id, path: "\(path)[\($0)]") }
        case .map(let fields):
            if let (name, argument) = v.intrinsic {
                var direct = false
                switch name {
                case "Ref": direct = argument.text == id
                case "Fn::GetAtt": direct = argument.items?.first?.text == id || argument.text?.hasPrefix(id + ".") == true
                case "Fn::Sub":
                    let text = argument.text ?? argument.items?.first?.text ?? ""
                    direct = text.contains("${\(id)}") || text.contains("${\(id).")
                default: break
                }
                if direct || !references(in: argument, to: id, path: path).isEmpty { return [path] }
                return []
            }
            return fields.flatMap { references(in: $0.value, to: id, path: path.isEmpty ? $0.key : "\(path).\($0.key)") }
        }
    }

    static func answerChanges(_ a: ExportAnswers, _ b: ExportAnswers) -> [AnswerChange] {
        var out: [AnswerChange] = []
        func add(_ field: String, _ x: String, _ y: String) { if x != y { out.append(AnswerChange(field: field, old: x, new: y)) } }
        add("Model", a.model + (a.version.map { "@\($0)" } ?? ""), b.model + (b.version.map { "@\($0)" } ?? ""))
        add("Config", a.config ?? "default", b.config ?? "default")
        add("Region", a.region, b.region)
        add("InstanceType", a.instanceType ?? "default", b.instanceType ?? "default")
        add("Capacity", a.capacity.summary, b.capacity.summary)
        if a.capacity.targetInvocations != b.capacity.targetInvocations {
            add("TargetInvocations", a.capacity.targetInvocations.map(String.init) ?? "none", b.capacity.targetInvocations.map(String.init) ?? "none")
        }
        func env(_ x: ExportAnswers) -> String { x.environment.isEmpty ? "none" : x.environment.map { "\($0.name)=\($0.value.description)" }.joined(separator: " ") }
        add("Environment", env(a), env(b))
        add("EndpointName", a.endpointName ?? "default", b.endpointName ?? "default")
        add("AcceptEula", String(a.acceptEula), String(b.acceptEula))
        func role(_ x: ExportAnswers) -> String {
            switch x.options.role {
            case .existing(let arn): return arn
            case .create(let p): return "new role, \(p.rawValue) policy"
            }
        }
        add("Role", role(a), role(b))
        add("VpcSubnets", a.options.vpcSubnets.joined(separator: ","), b.options.vpcSubnets.joined(separator: ","))
        add("VpcSecurityGroups", a.options.vpcSecurityGroups.joined(separator: ","), b.options.vpcSecurityGroups.joined(separator: ","))
        add("HealthCheckTimeout", a.options.healthCheckTimeout.map(String.init) ?? "default", b.options.healthCheckTimeout.map(String.init) ?? "default")
        add("KmsKeyId", a.options.kmsKeyId ?? "none", b.options.kmsKeyId ?? "none")
        func tags(_ x: ExportAnswers) -> String { x.options.tags.isEmpty ? "none" : x.options.tags.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
        add("Tags", tags(a), tags(b))
        return out
    }
}
