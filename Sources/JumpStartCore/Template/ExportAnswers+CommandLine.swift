/// The `jumpstart-tui export …` command line that produces the same template, with only the
/// options that differ from their defaults. The wizard's review step shows it.
extension ExportAnswers {
    public func commandLine(output: String? = nil) -> String {
        func q(_ s: String) -> String { NextSteps.shellQuoted(s) }
        var words = ["jumpstart-tui", "export", q(version.map { "\(model)@\($0)" } ?? model), "--region", region]
        if let config { words += ["--config", q(config)] }
        if let instanceType { words += ["--instance-type", instanceType] }
        switch capacity.kind {
        case .fixed(let n): if n != 1 { words += ["--count", String(n)] }
        case let .autoscaling(min, max, target):
            words += ["--min-count", String(min), "--max-count", String(max)]
            if let target, target != Capacity.defaultTargetInvocations { words += ["--target-invocations", String(target)] }
        }
        if let s = capacity.schedule {
            words += ["--schedule", q(s.window)]
            if s.timeZone != "UTC" { words += ["--timezone", q(s.timeZone)] }
            if s.offHoursCount != 1 { words += ["--off-hours-count", String(s.offHoursCount)] }
        }
        for v in environment { words += ["--env", q("\(v.name)=\(v.value.description)")] }
        if let endpointName, endpointName != TemplateRules.defaultEndpointName(modelId: model) {
            words += ["--endpoint-name", q(endpointName)]
        }
        if acceptEula { words.append("--accept-eula") }
        if let t = options.healthCheckTimeout, t != TemplateOptions.defaultHealthCheckTimeout {
            words += ["--health-check-timeout", String(t)]
        }
        switch options.role {
        case .existing(let arn): words += ["--role-arn", q(arn)]
        case .create(.leastPrivilege): words += ["--role-policy", "least-privilege"]
        case .create(.managed): break
        }
        for s in options.vpcSubnets { words += ["--vpc-subnet", q(s)] }
        for g in options.vpcSecurityGroups { words += ["--vpc-security-group", q(g)] }
        if let kms = options.kmsKeyId { words += ["--kms-key-id", q(kms)] }
        for t in options.tags { words += ["--tag", q("\(t.key)=\(t.value)")] }
        if let output { words += ["-o", q(output)] }
        return words.joined(separator: " ")
    }
}
