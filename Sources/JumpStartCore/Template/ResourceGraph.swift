/// The template's resources and the references between them. Edges come from the template's own
/// `Ref`, `Fn::GetAtt` and `Fn::Sub` values, never from a list kept by hand, so the picture can't
/// disagree with the file.
public struct ResourceGraph: Sendable, Equatable {
    public struct ResourceNode: Sendable, Equatable {
        public var logicalId: String
        public var type: String
        /// The few facts a person wants to see, as label/value pairs.
        public var facts: [(label: String, value: String)]

        public static func == (a: ResourceNode, b: ResourceNode) -> Bool {
            a.logicalId == b.logicalId && a.type == b.type
                && a.facts.elementsEqual(b.facts) { $0.label == $1.label && $0.value == $1.value }
        }
    }

    /// `to` reads `attribute` of `from` (nil for a `Ref`) into its property at `property`.
    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        public var attribute: String?
        public var property: String
    }

    /// In the template's order, which is also creation order: every edge goes forward.
    public var nodes: [ResourceNode]
    public var edges: [Edge]

    public init(template: JSONText.Value) {
        let resources = template.member("Resources")?.pairs ?? []
        let ids = Set(resources.map(\.0))
        nodes = resources.map { id, resource in
            let type = resource.member("Type")?.stringValue ?? "?"
            return ResourceNode(logicalId: id, type: type, facts: Self.facts(type: type, properties: resource.member("Properties")))
        }
        var edges: [Edge] = []
        for (id, resource) in resources {
            guard let properties = resource.member("Properties") else { continue }
            Self.references(in: properties, path: "", ids: ids) { target, attribute, path in
                let edge = Edge(from: target, to: id, attribute: attribute, property: path)
                if !edges.contains(edge) { edges.append(edge) }
            }
        }
        self.edges = edges
    }

    /// Walks a value, reporting each reference to a resource with the property path it sits at.
    static func references(
        in value: JSONText.Value, path: String, ids: Set<String>, _ found: (String, String?, String) -> Void
    ) {
        switch value {
        case .object(let pairs):
            if pairs.count == 1, pairs[0].0 == "Ref", let target = pairs[0].1.stringValue {
                if ids.contains(target) { found(target, nil, path) }
                return
            }
            if pairs.count == 1, pairs[0].0 == "Fn::GetAtt", case .array(let parts) = pairs[0].1,
               parts.count == 2, let target = parts[0].stringValue, let attribute = parts[1].stringValue {
                if ids.contains(target) { found(target, attribute, path) }
                return
            }
            if pairs.count == 1, pairs[0].0 == "Fn::Sub", let text = pairs[0].1.stringValue {
                for name in subVariables(text) {
                    let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
                    if ids.contains(parts[0]) { found(parts[0], parts.count > 1 ? parts[1] : nil, path) }
                }
                return
            }
            for (key, item) in pairs { references(in: item, path: path.isEmpty ? key : "\(path).\(key)", ids: ids, found) }
        case .array(let items):
            for (i, item) in items.enumerated() { references(in: item, path: "\(path)[\(i)]", ids: ids, found) }
        default:
            return
        }
    }

    /// `${Name}` and `${Name.Attribute}` in an `Fn::Sub` string (`${!Literal}` is not a variable).
    static func subVariables(_ text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "}") else { break }
            let name = rest[..<end]
            if !name.hasPrefix("!") { out.append(String(name)) }
            rest = rest[rest.index(after: end)...]
        }
        return out
    }

    static func facts(type: String, properties: JSONText.Value?) -> [(label: String, value: String)] {
        guard let p = properties else { return [] }
        switch type {
        case "AWS::IAM::Role":
            if p.member("Policies") != nil { return [("policy", "inline, least privilege")] }
            return [("policy", "AmazonSageMakerFullAccess (AWS managed, broad)")]
        case "AWS::SageMaker::Model":
            var out: [(label: String, value: String)] = []
            let container = p.member("PrimaryContainer")
            if let package = container?.member("ModelPackageName")?.stringValue { out.append(("package", package)) }
            if let image = container?.member("Image")?.stringValue { out.append(("image", image)) }
            if let url = container?.member("ModelDataUrl")?.stringValue { out.append(("data", url)) }
            if let source = container?.member("ModelDataSource")?.member("S3DataSource") {
                out.append(("data", source.member("S3Uri")?.stringValue ?? "?"))
            }
            if let role = p.member("ExecutionRoleArn")?.stringValue { out.append(("role", role)) }
            if let env = container?.member("Environment")?.pairs, !env.isEmpty { out.append(("environment", "\(env.count) variables")) }
            if p.member("VpcConfig") != nil { out.append(("network", "in your VPC")) }
            return out
        case "AWS::SageMaker::EndpointConfig":
            guard let variant = p.member("ProductionVariants")?.items?.first else { return [] }
            let count = variant.member("InitialInstanceCount").map { JSONText.compact($0) } ?? "?"
            var out: [(label: String, value: String)] = [("instances", "\(count) x \(variant.member("InstanceType")?.stringValue ?? "?")")]
            if let key = p.member("KmsKeyId")?.stringValue { out.append(("kms key", key)) }
            return out
        case "AWS::SageMaker::Endpoint":
            return [("name", p.member("EndpointName")?.stringValue ?? "?")]
        case "AWS::ApplicationAutoScaling::ScalableTarget":
            let min = p.member("MinCapacity").map { JSONText.compact($0) } ?? "?", max = p.member("MaxCapacity").map { JSONText.compact($0) } ?? "?"
            var out: [(label: String, value: String)] = [("instances", min == max ? min : "\(min) to \(max)")]
            if let actions = p.member("ScheduledActions")?.items {
                out.append(("schedule", actions.compactMap { a in
                    a.member("Schedule")?.stringValue.map { "\($0) \(a.member("Timezone")?.stringValue ?? "")" }
                }.joined(separator: ", ")))
            }
            return out
        case "AWS::ApplicationAutoScaling::ScalingPolicy":
            let target = p.member("TargetTrackingScalingPolicyConfiguration")?.member("TargetValue").map { JSONText.compact($0) } ?? "?"
            return [("target", "\(target) invocations per instance per minute")]
        default:
            return []
        }
    }

    // MARK: - Text

    /// Boxes top to bottom in creation order, an arrow into each box from the one above labelled
    /// with the references it carries; a reference from further up is named inside the box.
    /// Never wider than `width` columns.
    public func text(width: Int = 80) -> String {
        let boxWidth = max(20, width)
        let inner = boxWidth - 4
        var lines: [String] = []
        func fit(_ s: String) -> String {
            let chars = Array(s)
            return chars.count <= inner ? s : String(chars.prefix(inner - 1)) + "…"
        }
        func row(_ s: String) -> String {
            let f = fit(s)
            return "│ " + f + String(repeating: " ", count: inner - f.count) + " │"
        }
        for (i, node) in nodes.enumerated() {
            let incoming = edges.filter { $0.to == node.logicalId }
            if i > 0 {
                let previous = nodes[i - 1].logicalId
                let adjacent = incoming.filter { $0.from == previous }
                let pad = String(repeating: " ", count: 6)
                lines.append(pad + "│")
                for e in adjacent { lines.append(String((pad + "│  " + label(e)).prefix(boxWidth))) }
                lines.append(pad + "▼")
            }
            let labelLine = node.logicalId + "  (" + node.type + ")"
            lines.append("┌" + String(repeating: "─", count: boxWidth - 2) + "┐")
            lines.append(row(labelLine))
            for fact in node.facts { lines.append(row("\(fact.label): \(fact.value)")) }
            let previous = i > 0 ? nodes[i - 1].logicalId : nil
            for e in incoming where e.from != previous { lines.append(row("◀ " + label(e))) }
            lines.append("└" + String(repeating: "─", count: boxWidth - 2) + "┘")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The narrowest `text(width:)` that cuts nothing: every box row and every arrow's label whole.
    public var naturalWidth: Int {
        var widest = 20
        for (i, node) in nodes.enumerated() {
            let incoming = edges.filter { $0.to == node.logicalId }
            let previous = i > 0 ? nodes[i - 1].logicalId : nil
            var rows = [node.logicalId + "  (" + node.type + ")"] + node.facts.map { "\($0.label): \($0.value)" }
            rows += incoming.filter { $0.from != previous }.map { "◀ " + label($0) }
            widest = max(widest, (rows.map(\.count).max() ?? 0) + 4)
            for e in incoming where e.from == previous { widest = max(widest, 9 + label(e).count) }
        }
        return widest
    }

    private func label(_ e: Edge) -> String {
        let source = e.attribute.map { "Fn::GetAtt \(e.from).\($0)" } ?? "Ref \(e.from)"
        return "\(source) → \(e.property)"
    }

    // MARK: - Graphviz

    /// A Graphviz `digraph`: one box per resource, one arrow per reference, from the resource
    /// referred to to the one that refers to it (creation order).
    public func dot(name: String = "template") -> String {
        func q(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var lines = ["digraph \(q(name)) {", "  rankdir=TB;", "  node [shape=box, fontname=\"Helvetica\"];"]
        for node in nodes {
            let label = ([node.logicalId, node.type] + node.facts.map { "\($0.label): \($0.value)" }).joined(separator: "\\n")
            lines.append("  \(q(node.logicalId)) [label=\(q(label).replacingOccurrences(of: "\\\\n", with: "\\n"))];")
        }
        for e in edges {
            let label = (e.attribute.map { "GetAtt \($0)" } ?? "Ref") + " → " + e.property
            lines.append("  \(q(e.from)) -> \(q(e.to)) [label=\(q(label))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension JSONText.Value {
    /// The value of a key of an object.
    public func member(_ key: String) -> JSONText.Value? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public var pairs: [(String, JSONText.Value)]? {
        if case .object(let p) = self { return p }
        return nil
    }

    public var items: [JSONText.Value]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

extension ResourceGraph {
    /// The graph as a short column, one line per resource and two per reference, for panes too
    /// small for the boxes of `text(width:)` (the wizard's review at 80×24).
    public func compactLines(width: Int, arrowDown: String = "▼", line: String = "│") -> [String] {
        func cut(_ s: String) -> String { s.count <= width ? s : String(s.prefix(max(0, width - 1))) + "…" }
        var out: [String] = []
        for (i, node) in nodes.enumerated() {
            let type = node.type.replacingOccurrences(of: "AWS::", with: "")
            out.append(cut("\(node.logicalId) · \(type)"))
            if let fact = node.facts.first { out.append(cut("  \(fact.label): \(fact.value)")) }
            let next = i + 1 < nodes.count ? nodes[i + 1].logicalId : nil
            for edge in edges where edge.from == node.logicalId && edge.to == next {
                out.append(cut(" \(line) \(edge.attribute.map { "\(node.logicalId).\($0)" } ?? "Ref \(node.logicalId)") → \(edge.property)"))
                out.append(" \(arrowDown)")
            }
            for edge in edges where edge.from == node.logicalId && edge.to != next {
                out.append(cut("  also used by \(edge.to) (\(edge.property))"))
            }
        }
        return out
    }
}
