import Foundation
import Yams

/// Any CloudFormation template — ours, the CDK construct's `cdk synth` output, or hand-written —
/// read into its resources, parameters and mappings. What it costs and how two differ are read
/// from this (`TemplateEndpoints`, `TemplateDiff`).
public struct CloudFormationTemplate: Sendable {
    public struct Resource: Sendable, Equatable {
        public var logicalId: String
        public var type: String
        /// `Properties`, or an empty map.
        public var properties: TemplateValue
        /// The resource's `Condition`, when it has one.
        public var condition: String?
    }

    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var type: String
        /// The `Default`, as text; nil when the parameter has none.
        public var defaultValue: String?
    }

    /// Names the file in messages.
    public var path: String
    public var format: TemplateFormat
    public var root: TemplateValue
    /// In the template's order.
    public var resources: [Resource]
    public var parameters: [Parameter]
    /// The answers, when this program wrote the template (`Metadata.JumpStartTUI`).
    public var answers: ExportAnswers?

    public func resource(_ id: String) -> Resource? { resources.first { $0.logicalId == id } }
    public func resources(ofType type: String) -> [Resource] { resources.filter { $0.type == type } }

    /// The region our Metadata names, if it names one.
    public var metadataRegion: String? {
        root["Metadata"]?[TemplateMetadata.key]?["Region"]?.text.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The regions whose ECR registries the models' container images come from
    /// (`ACCOUNT.dkr.ecr.REGION.amazonaws.com/…`), in the template's order: a hint of where the
    /// stack deploys when the template doesn't say (the CDK's output doesn't).
    public var imageRegions: [String] {
        var out: [String] = []
        for r in resources(ofType: "AWS::SageMaker::Model") {
            let containers = [r.properties["PrimaryContainer"]] + (r.properties["Containers"]?.items ?? []).map { Optional($0) }
            for image in containers.compactMap({ $0?["Image"]?.text }) {
                let host = image.split(separator: "/").first.map { $0.split(separator: ".") } ?? []
                guard host.count >= 4, host[1] == "dkr", host[2] == "ecr" else { continue }
                let region = String(host[3])
                if !out.contains(region) { out.append(region) }
            }
        }
        return out
    }

    /// Reads a file (at most 10 MB, a regular file).
    public static func read(path: String) throws(TemplateReadError) -> CloudFormationTemplate {
        let text: String
        switch TemplateFile.read(path) {
        case .success(let t): text = t
        case .failure(let error):
            if case let .templateUnreadable(_, reason) = error { throw .unreadable(path: path, reason: reason) }
            throw .unreadable(path: path, reason: error.description)
        }
        return try parse(text, path: path)
    }

    /// Reads a template's text; `path` only names it in messages.
    public static func parse(_ text: String, path: String) throws(TemplateReadError) -> CloudFormationTemplate {
        let parsed: (TemplateValue, Node)?
        do throws(TemplateReadError.Syntax) { parsed = try TemplateValue.parse(text) } catch { throw .syntax(path: path, error) }
        guard let (root, node) = parsed, root.fields != nil else {
            throw .notATemplate(path: path, reason: parsed == nil ? "it is empty" : "it is not a mapping of sections")
        }
        guard let resourcesValue = root["Resources"] else { throw .notATemplate(path: path, reason: "it has no Resources section") }
        guard let resourceFields = resourcesValue.fields else { throw .notATemplate(path: path, reason: "its Resources section is not a mapping of logical ids to resources") }
        var resources: [Resource] = []
        for field in resourceFields {
            guard let type = field.value["Type"]?.text else {
                throw .resourceMalformed(path: path, logicalId: field.key, reason: "has no Type")
            }
            let properties = field.value["Properties"] ?? .map([])
            guard properties.fields != nil || properties == .null else {
                throw .resourceMalformed(path: path, logicalId: field.key, reason: "has Properties that are not a mapping")
            }
            resources.append(Resource(logicalId: field.key, type: type, properties: properties == .null ? .map([]) : properties,
                                      condition: field.value["Condition"]?.text))
        }
        var parameters: [Parameter] = []
        for field in root["Parameters"]?.fields ?? [] {
            parameters.append(Parameter(name: field.key, type: field.value["Type"]?.text ?? "String", defaultValue: field.value["Default"].flatMap(Self.defaultText)))
        }
        // Ours: the answers it was made from, when they read back whole.
        var answers: ExportAnswers?
        if root["Metadata"]?[TemplateMetadata.key] != nil, case .success(let a) = TemplateMetadata.answers(fromRoot: node, path: path) {
            answers = a
        }
        return CloudFormationTemplate(path: path, format: TemplateMetadata.format(of: text), root: root, resources: resources, parameters: parameters, answers: answers)
    }

    /// A parameter's `Default`: text, or a list as CloudFormation's comma-delimited text.
    static func defaultText(_ v: TemplateValue) -> String? {
        switch v {
        case .scalar(let s): return s
        case .list(let items): return items.compactMap(\.text).joined(separator: ",")
        default: return nil
        }
    }
}
