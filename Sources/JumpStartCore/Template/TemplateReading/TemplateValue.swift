import Foundation
import Yams

/// One value of a CloudFormation template as written, JSON or YAML alike: short-form tags
/// (`!Ref X`, `!GetAtt A.B`, `!Sub …`) become the long form (`{"Ref": "X"}`,
/// `{"Fn::GetAtt": ["A", "B"]}`), so the rest of the reader sees one shape.
///
/// Scalars keep their text: CloudFormation passes a number to a string property as its text
/// (the CDK writes some strings as numbers), so `1` and `"1"` are the same value here.
public indirect enum TemplateValue: Sendable, Equatable {
    case scalar(String)
    case null
    case list([TemplateValue])
    case map([Field])

    public struct Field: Sendable, Equatable {
        public var key: String
        public var value: TemplateValue
        public init(_ key: String, _ value: TemplateValue) {
            self.key = key
            self.value = value
        }
    }

    public subscript(key: String) -> TemplateValue? {
        guard case .map(let fields) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }

    public var text: String? { if case .scalar(let s) = self { return s } else { return nil } }
    public var fields: [Field]? { if case .map(let f) = self { return f } else { return nil } }
    public var items: [TemplateValue]? { if case .list(let l) = self { return l } else { return nil } }

    /// The intrinsic function a one-key map calls (`Ref`, `Fn::GetAtt`, …) and its argument.
    public var intrinsic: (name: String, argument: TemplateValue)? {
        guard case .map(let f) = self, f.count == 1, f[0].key == "Ref" || f[0].key == "Condition" || f[0].key.hasPrefix("Fn::") else { return nil }
        return (f[0].key, f[0].value)
    }

    /// The value in one line, as a diff shows it: scalars as written, intrinsics in their short
    /// form (`!GetAtt Model.ModelName`), anything else as compact JSON.
    public var shortText: String {
        switch self {
        case .scalar(let s): return s
        case .null: return "null"
        case .list(let items): return "[" + items.map(\.shortText).joined(separator: ", ") + "]"
        case .map(let fields):
            if let (name, argument) = intrinsic {
                let tag = name == "Ref" || name == "Condition" ? name : String(name.dropFirst(4))
                if name == "Fn::GetAtt", let parts = argument.items, parts.count == 2, let a = parts[0].text, let b = parts[1].text {
                    return "!GetAtt \(a).\(b)"
                }
                return "!\(tag) \(argument.shortText)"
            }
            return "{" + fields.map { "\($0.key): \($0.value.shortText)" }.joined(separator: ", ") + "}"
        }
    }

    /// Reads a template's text, YAML or JSON (JSON is YAML). Throws the parser's complaint with its
    /// line and column.
    static func parse(_ text: String) throws(TemplateReadError.Syntax) -> (TemplateValue, Node)? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw TemplateReadError.Syntax(error)
        } catch {
            throw TemplateReadError.Syntax(line: nil, column: nil, problem: String(describing: error))
        }
        return node.map { (Self(node: $0), $0) }
    }

    init(node: Node) {
        let tag = node.tag.description
        // A local tag (`!Ref`, `!Sub`, …) is a CloudFormation short form; standard tags are plain YAML.
        let local = tag.hasPrefix("!") && !tag.hasPrefix("!!") ? String(tag.dropFirst()) : nil
        let plain: TemplateValue
        switch node {
        case .scalar(let s):
            if local == nil, s.style == .plain, tag == Tag.Name.null.rawValue { plain = .null } else { plain = .scalar(s.string) }
        case .sequence(let seq): plain = .list(seq.map(TemplateValue.init(node:)))
        case .mapping(let map):
            plain = .map(map.map { Field($0.key.string ?? TemplateValue(node: $0.key).shortText, TemplateValue(node: $0.value)) })
        case .alias: plain = .null
        }
        guard let local else {
            self = plain
            return
        }
        let key = local == "Ref" || local == "Condition" ? local : "Fn::" + local
        // `!GetAtt Resource.Attribute` is the one short form whose argument changes shape.
        if local == "GetAtt", case .scalar(let s) = plain, let dot = s.firstIndex(of: ".") {
            self = .map([Field(key, .list([.scalar(String(s[..<dot])), .scalar(String(s[s.index(after: dot)...]))]))])
        } else {
            self = .map([Field(key, plain)])
        }
    }
}
