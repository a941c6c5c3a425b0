import Yams

/// Why a file could not be read as a CloudFormation template, in one sentence naming the file.
public enum TemplateReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No such file, a folder, too large, unreadable: the reason in words.
    case unreadable(path: String, reason: String)
    case syntax(path: String, Syntax)
    /// Parsed, but not a template: what is missing.
    case notATemplate(path: String, reason: String)
    /// `--parameter NAME=VALUE` for a name the template doesn't declare.
    case unknownParameter(name: String, path: String, declared: [String])
    /// `--parameter` without `=`.
    case parameterMalformed(argument: String)
    /// A resource of the template that can't be what its type says (Properties not a mapping, …).
    case resourceMalformed(path: String, logicalId: String, reason: String)

    /// The YAML (or JSON) parser's complaint and where.
    public struct Syntax: Error, Sendable, Equatable {
        public var line: Int?
        public var column: Int?
        public var problem: String

        public init(line: Int?, column: Int?, problem: String) {
            self.line = line
            self.column = column
            self.problem = problem
        }

        init(_ error: YamlError) {
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
                let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                self.init(line: mark.line, column: mark.column, problem: what)
            case let .duplicatedKeysInMapping(duplicates, context):
                self.init(line: context.mark.line, column: context.mark.column, problem: "a key appears twice in one mapping (\(duplicates.sorted().joined(separator: ", ")))")
            default:
                self.init(line: nil, column: nil, problem: error.description.split(separator: "\n").first.map(String.init) ?? "unreadable")
            }
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "Can't read the template \(path): \(reason)."
        case let .syntax(path, s):
            let at = s.line.map { l in " at line \(l)" + (s.column.map { ", column \($0)" } ?? "") } ?? ""
            return "\(path) is not valid YAML or JSON\(at): \(s.problem). A CloudFormation template is a YAML or JSON document with a Resources section."
        case let .notATemplate(path, reason):
            return "\(path) is not a CloudFormation template: \(reason). A template is a YAML or JSON mapping with a Resources section (AWSTemplateFormatVersion, Parameters and the rest optional)."
        case let .unknownParameter(name, path, declared):
            let list = declared.isEmpty ? "it declares no parameters" : "it declares \(declared.joined(separator: ", "))"
            return "--parameter \(name): \(path) has no parameter \(name); \(list)."
        case .parameterMalformed(let argument):
            return "--parameter \(argument) is not NAME=VALUE; write it like --parameter InstanceType=ml.g5.2xlarge."
        case let .resourceMalformed(path, id, reason):
            return "\(path): resource \(id) \(reason)."
        }
    }
}
