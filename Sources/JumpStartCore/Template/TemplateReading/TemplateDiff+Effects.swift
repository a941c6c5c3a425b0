/// What a diff means for the running endpoints, in plain words: one sentence per resource that
/// changes, from the update behaviour of its type (SageMaker's UpdateEndpoint: a new endpoint
/// config is deployed to new instances, traffic shifts to them, then the old ones stop, with no
/// loss of availability), and the warnings a deploy would otherwise find out the hard way.
extension TemplateDiff {
    public struct Effects: Sendable, Equatable {
        public var sentences: [String]
        public var warnings: [String]
    }

    public func effects(old: TemplateEndpoints, new: TemplateEndpoints, oldTemplate: CloudFormationTemplate, newTemplate: CloudFormationTemplate, region: String) -> Effects {
        var sentences: [String] = []
        var warnings: [String] = []
        func endpointName(_ id: String, _ e: TemplateEndpoints) -> String {
            guard let ep = e.endpoints.first(where: { $0.logicalId == id }) else { return id }
            return ep.name.value.map { "\(id) (\($0))" } ?? id
        }
        /// ` (A and B change; C is replaced)`: why a resource changes, in parentheses.
        func list(_ changes: [PropertyChange]) -> String {
            let direct = changes.filter { $0.becauseReplaced == nil }.map(\.path)
            var causes: [String] = []
            for c in changes.compactMap(\.becauseReplaced) where !causes.contains(c) { causes.append(c) }
            var parts: [String] = []
            if !direct.isEmpty {
                let shown = direct.prefix(4).joined(separator: ", ") + (direct.count > 4 ? ", …" : "")
                parts.append("\(shown) change\(direct.count == 1 ? "s" : "")")
            }
            if !causes.isEmpty { parts.append("\(causes.joined(separator: ", ")) \(causes.count == 1 ? "is" : "are") replaced") }
            return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
        }
        for c in resources {
            switch (c.type, c.kind) {
            case ("AWS::SageMaker::Endpoint", .added):
                sentences.append("\(endpointName(c.logicalId, new)) is a new endpoint: CloudFormation creates it and its instances, billed from then on.")
            case ("AWS::SageMaker::Endpoint", .removed):
                sentences.append("\(endpointName(c.logicalId, old)) is deleted: its instances stop and calls to it fail from then on.")
            case ("AWS::SageMaker::Endpoint", .changed):
                if c.replaced {
                    let oldName = old.endpoints.first { $0.logicalId == c.logicalId }?.name.value ?? "the old name"
                    let newName = new.endpoints.first { $0.logicalId == c.logicalId }?.name.value ?? "the new name"
                    sentences.append("\(c.logicalId) is replaced, because its EndpointName changes (\(oldName) → \(newName)): CloudFormation creates a second endpoint with new instances, then deletes the old one once the new one is in service. Callers of \(oldName) fail from then on, and while both exist the account needs instances for both.")
                } else if c.changes.contains(where: { $0.path == "EndpointConfigName" }) {
                    // Said with the config below; here only what else changes.
                    let others = c.changes.filter { $0.path != "EndpointConfigName" }
                    if !others.isEmpty { sentences.append("\(endpointName(c.logicalId, new)) is updated in place\(list(others)), with no interruption.") }
                } else {
                    sentences.append("\(endpointName(c.logicalId, new)) is updated in place\(list(c.changes)), with no interruption.")
                }
            case ("AWS::SageMaker::EndpointConfig", .changed) where c.replaced:
                // An endpoint replaced anyway (a new name) starts on the new config; the others switch to it.
                let replacedEndpoints = Set(resources.filter { $0.type == "AWS::SageMaker::Endpoint" && $0.replaced }.map(\.logicalId))
                let users = new.endpoints.filter { $0.configId == c.logicalId }
                let switching = users.filter { !replacedEndpoints.contains($0.logicalId) }.map { endpointName($0.logicalId, new) }
                let starting = users.filter { replacedEndpoints.contains($0.logicalId) }.map { endpointName($0.logicalId, new) }
                var parts: [String] = []
                if !switching.isEmpty {
                    parts.append("\(switching.joined(separator: ", ")) \(switching.count == 1 ? "is" : "are") updated to it: SageMaker starts new instances with the new configuration, shifts traffic to them once they pass their health checks, then stops the old ones. No downtime, but for the minutes of the switch both fleets run (and are billed), and the account's instance quota must hold both")
                }
                if !starting.isEmpty {
                    parts.append("the replacement endpoint \(starting.joined(separator: ", ")) starts with it")
                }
                let target = parts.isEmpty ? "no endpoint of this template uses it" : parts.joined(separator: "; ")
                sentences.append("\(c.logicalId) (endpoint config) is replaced\(list(c.changes)): CloudFormation creates a new endpoint config, and \(target).")
            case ("AWS::SageMaker::Model", .changed) where c.replaced:
                sentences.append("\(c.logicalId) (model) is replaced\(list(c.changes)): CloudFormation creates a new model, moves the endpoint config that uses it to the new one (replacing that config too), and deletes the old model after the update.")
            case ("AWS::ApplicationAutoScaling::ScalableTarget", .added):
                sentences.append("\(c.logicalId): Application Auto Scaling starts managing the variant's instance count.")
            case ("AWS::ApplicationAutoScaling::ScalableTarget", .removed):
                sentences.append("\(c.logicalId) is removed: Application Auto Scaling stops managing the variant, which keeps the instance count it has at that moment until the endpoint config changes it.")
            case ("AWS::ApplicationAutoScaling::ScalableTarget", .changed):
                if c.replaced {
                    sentences.append("\(c.logicalId) (scalable target) is registered again\(list(c.changes)); its scaling policies follow.")
                } else {
                    sentences.append("\(c.logicalId) (scalable target) is updated in place\(list(c.changes)): no interruption; the endpoint scales into the new bounds and schedule.")
                }
            case (_, .added):
                sentences.append("\(c.logicalId) (\(c.type)) is added.")
            case (_, .removed):
                sentences.append("\(c.logicalId) (\(c.type)) is removed.")
            case (_, .changed):
                if c.updateUnknown {
                    sentences.append("\(c.logicalId) (\(c.type)) changes\(list(c.changes)): this program doesn't know whether CloudFormation replaces it; see \"Update requires\" for the type in the CloudFormation reference.")
                } else {
                    sentences.append("\(c.logicalId) (\(c.type)) is \(c.replaced ? "replaced" : "updated in place, with no interruption")\(list(c.changes)).")
                }
            }
            if let name = c.nameConflict {
                warnings.append("warning: \(c.logicalId) is named by hand (\(name)) and must be replaced: CloudFormation creates the new one before deleting the old, and two can't share the name, so the update fails. Change the name in the same change, or leave it out and let CloudFormation generate one.")
            }
        }
        // An autoscaled variant can't change instance type in place.
        for e in new.endpoints {
            guard let before = old.endpoints.first(where: { $0.logicalId == e.logicalId }) else { continue }
            for v in e.variants {
                guard let was = before.variants.first(where: { $0.name == v.name }), let target = was.scalableTargetId,
                      let oldType = was.instanceType.value, let newType = v.instanceType.value, oldType != newType else { continue }
                let ours = oldTemplate.answers != nil
                let step = ours ? AutoscaledTypeChange.removeScalingOurs
                    : "delete the scalable target \(target) and its scaling policies from the deployed template, keeping its endpoint config as it is"
                warnings.append(AutoscaledTypeChange.text(from: oldType, to: newType, endpoint: e.name.value ?? e.logicalId, region: region,
                                                          stillAutoscaling: v.scalableTargetId != nil, removeScaling: step))
            }
        }
        return Effects(sentences: sentences, warnings: warnings)
    }
}
