/// A value read from a template: known text, or unknown with the reason in words. Never a guess.
public enum Resolved: Sendable, Equatable {
    case known(String)
    case unknown(String)

    public var value: String? { if case .known(let s) = self { return s } else { return nil } }
    public var reason: String? { if case .unknown(let r) = self { return r } else { return nil } }
    /// The value, or `unknown (reason)`.
    public var display: String { value ?? "unknown (\(reason ?? ""))" }
}

/// Works out the intrinsic functions a template's values use, as far as they can be known before
/// deploying: parameters (their Default, or `--parameter`), `AWS::Region`, `Fn::Sub`, `Fn::Join`,
/// `Fn::Select`, `Fn::FindInMap`, and a resource's name attribute when its name is written in the
/// template. Anything else (an import, a custom resource, a generated name, a condition) is
/// unknown with the reason.
public struct ValueResolver: Sendable {
    public let template: CloudFormationTemplate
    /// Every parameter's value: `--parameter`, else its Default.
    public let parameters: [String: String]
    public let region: String

    /// Checks that every override names a declared parameter.
    public init(template: CloudFormationTemplate, overrides: [(String, String)], region: String) throws(TemplateReadError) {
        var values: [String: String] = [:]
        for p in template.parameters { if let d = p.defaultValue { values[p.name] = d } }
        for (name, value) in overrides {
            guard template.parameters.contains(where: { $0.name == name }) else {
                throw .unknownParameter(name: name, path: template.path, declared: template.parameters.map(\.name))
            }
            values[name] = value
        }
        self.template = template
        self.parameters = values
        self.region = region
    }

    /// Parses `NAME=VALUE`.
    public static func override(_ argument: String) throws(TemplateReadError) -> (String, String) {
        guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else { throw .parameterMalformed(argument: argument) }
        return (String(argument[..<eq]), String(argument[argument.index(after: eq)...]))
    }

    /// The value as text. With `references`, a deploy-time reference to a resource stays as a
    /// placeholder (`${Endpoint.EndpointName}`) instead of making the value unknown: two values
    /// that name the same thing then compare equal (a scalable target's ResourceId and an endpoint).
    public func resolve(_ v: TemplateValue, references: Bool = false) -> Resolved {
        resolve(v, references: references, depth: 0)
    }

    /// A whole number, or unknown.
    public func integer(_ v: TemplateValue?, what: String) -> (Int?, String?) {
        guard let v else { return (nil, "no \(what) in the template") }
        switch resolve(v) {
        case .known(let s):
            if let n = Int(s.trimmingCharacters(in: .whitespaces)) { return (n, nil) }
            if let d = Double(s), d == d.rounded(), abs(d) < 1e9 { return (Int(d), nil) }
            return (nil, "\(what) \(s) is not a whole number")
        case .unknown(let r): return (nil, r)
        }
    }

    private func resolve(_ v: TemplateValue, references: Bool, depth: Int) -> Resolved {
        guard depth < 20 else { return .unknown("the value refers to itself in a loop") }
        switch v {
        case .scalar(let s): return .known(s)
        case .null: return .unknown("the value is empty (null)")
        case .list: return .unknown("the value is a list, not one value")
        case .map:
            guard let (name, argument) = v.intrinsic else { return .unknown("the value is a mapping, not one value") }
            return intrinsic(name, argument, references: references, depth: depth + 1)
        }
    }

    private func intrinsic(_ name: String, _ argument: TemplateValue, references: Bool, depth: Int) -> Resolved {
        switch name {
        case "Ref":
            guard let target = argument.text else { return .unknown("a Ref that names no parameter or resource") }
            return ref(target, references: references, depth: depth)
        case "Fn::GetAtt":
            var parts: [String] = []
            if let items = argument.items { parts = items.compactMap(\.text) } else if let s = argument.text {
                parts = s.split(separator: ".", maxSplits: 1).map(String.init)
            }
            guard parts.count == 2 else { return .unknown("a Fn::GetAtt that is not [resource, attribute]") }
            return getAtt(parts[0], parts[1], references: references, depth: depth)
        case "Fn::Sub":
            var text: String?
            var variables: [TemplateValue.Field] = []
            if let s = argument.text { text = s } else if let items = argument.items, items.count == 2 {
                text = items[0].text
                variables = items[1].fields ?? []
            }
            guard let text else { return .unknown("a Fn::Sub that is not a string (or a string and its variables)") }
            return sub(text, variables: variables, references: references, depth: depth)
        case "Fn::Join":
            guard let items = argument.items, items.count == 2, let delimiter = items[0].text else {
                return .unknown("a Fn::Join that is not [delimiter, [values]]")
            }
            let list: [TemplateValue]
            if let l = items[1].items { list = l } else {
                // A list from a parameter (CommaDelimitedList) or Fn::Split.
                switch resolve(items[1], references: references, depth: depth) {
                case .known(let s): list = s.split(separator: ",", omittingEmptySubsequences: false).map { .scalar(String($0)) }
                case .unknown(let r): return .unknown(r)
                }
            }
            var parts: [String] = []
            for item in list {
                switch resolve(item, references: references, depth: depth) {
                case .known(let s): parts.append(s)
                case .unknown(let r): return .unknown(r)
                }
            }
            return .known(parts.joined(separator: delimiter))
        case "Fn::Select":
            guard let items = argument.items, items.count == 2, case .known(let i) = resolve(items[0], references: false, depth: depth), let index = Int(i) else {
                return .unknown("a Fn::Select whose index is not a number")
            }
            var list: [TemplateValue] = items[1].items ?? []
            if items[1].items == nil {
                switch resolve(items[1], references: references, depth: depth) {
                case .known(let s): list = s.split(separator: ",", omittingEmptySubsequences: false).map { .scalar(String($0)) }
                case .unknown(let r): return .unknown(r)
                }
            }
            guard list.indices.contains(index) else { return .unknown("a Fn::Select of item \(index) of a list of \(list.count)") }
            return resolve(list[index], references: references, depth: depth)
        case "Fn::FindInMap":
            guard let items = argument.items, items.count >= 3 else { return .unknown("a Fn::FindInMap that is not [map, key, key]") }
            var keys: [String] = []
            for item in items.prefix(3) {
                switch resolve(item, references: false, depth: depth) {
                case .known(let s): keys.append(s)
                case .unknown(let r): return .unknown(r)
                }
            }
            guard let found = template.root["Mappings"]?[keys[0]]?[keys[1]]?[keys[2]] else {
                return .unknown("Mappings has no \(keys.joined(separator: "."))")
            }
            return resolve(found, references: references, depth: depth)
        case "Fn::ImportValue":
            let export = resolve(argument, references: false, depth: depth).value.map { " \($0)" } ?? ""
            return .unknown("imported from another stack's export\(export), known only in the account it is deployed to")
        case "Fn::If":
            let condition = argument.items?.first?.text.map { " \($0)" } ?? ""
            return .unknown("chosen by the condition\(condition), decided only when the stack is deployed")
        case "Fn::GetAZs", "Fn::Cidr", "Fn::Base64", "Fn::Split", "Fn::Length", "Fn::ToJsonString":
            return .unknown("given by \(name), not one value this program works out")
        default:
            return .unknown("given by \(name), which this program does not work out")
        }
    }

    private func ref(_ target: String, references: Bool, depth: Int) -> Resolved {
        switch target {
        case "AWS::Region": return .known(region)
        case "AWS::Partition": return .known(region.hasPrefix("cn-") ? "aws-cn" : region.hasPrefix("us-gov-") ? "aws-us-gov" : "aws")
        case "AWS::URLSuffix": return .known(region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com")
        case "AWS::NoValue": return .unknown("no value (AWS::NoValue)")
        default: break
        }
        if target.hasPrefix("AWS::") { return references ? .known("${\(target)}") : .unknown("\(target), known only when the stack is deployed") }
        if let p = template.parameters.first(where: { $0.name == target }) {
            if let value = parameters[target] {
                // An SSM parameter's Default is the parameter store's key, not its value.
                if p.type.hasPrefix("AWS::SSM::Parameter::Value") { return .unknown("parameter \(target) is read from Systems Manager (\(value)) when the stack is deployed") }
                return .known(value)
            }
            return .unknown("parameter \(target) has no Default; give --parameter \(target)=VALUE")
        }
        if let r = template.resource(target) {
            if references { return .known("${\(target)}") }
            return .unknown("the id of resource \(target) (\(r.type)), known only once it is deployed")
        }
        return .unknown("Ref to \(target), which is neither a parameter nor a resource of this template")
    }

    /// The name properties a resource's name attribute returns when the template writes the name.
    static let nameProperty: [String: String] = [
        "EndpointName": "EndpointName", "EndpointConfigName": "EndpointConfigName", "ModelName": "ModelName",
    ]

    private func getAtt(_ id: String, _ attribute: String, references: Bool, depth: Int) -> Resolved {
        guard let r = template.resource(id) else { return .unknown("Fn::GetAtt of \(id), which is not a resource of this template") }
        if let property = Self.nameProperty[attribute], let written = r.properties[property] {
            return resolve(written, references: references, depth: depth)
        }
        if references { return .known("${\(id).\(attribute)}") }
        if r.type.hasPrefix("Custom::") || r.type == "AWS::CloudFormation::CustomResource" {
            return .unknown("returned by custom resource \(id) (\(r.type)) only when it runs")
        }
        if Self.nameProperty[attribute] != nil {
            return .unknown("\(id) has no \(attribute): CloudFormation generates the name when it is deployed")
        }
        return .unknown("\(id).\(attribute) (\(r.type)), known only once it is deployed")
    }

    private func sub(_ text: String, variables: [TemplateValue.Field], references: Bool, depth: Int) -> Resolved {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: "}") else {
                out += rest[open.lowerBound...]
                rest = ""
                break
            }
            let name = String(after[..<close])
            rest = after[after.index(after: close)...]
            if name.hasPrefix("!") {
                out += "${" + name.dropFirst() + "}"
                continue
            }
            let value: Resolved
            if let v = variables.first(where: { $0.key == name }) {
                value = resolve(v.value, references: references, depth: depth)
            } else if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::") {
                value = getAtt(String(name[..<dot]), String(name[name.index(after: dot)...]), references: references, depth: depth)
            } else {
                value = ref(name, references: references, depth: depth)
            }
            switch value {
            case .known(let s): out += s
            case .unknown(let r): return .unknown(r)
            }
        }
        return .known(out + rest)
    }
}
