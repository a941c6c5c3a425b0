/// One thing to do after a template is written: a sentence and the commands that do it.
public struct NextStep: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case quota, deploy, invoke, cleanUp }
    public var kind: Kind
    public var text: String
    public var commands: [String]
}

/// What to do after a template is written: check the quota, deploy, invoke, clean up. Shared by
/// `export` (standard error) and the wizard (its last screen), which pick steps by kind.
public enum NextSteps {
    /// "Next steps:" and the steps numbered from 1, commands indented below their sentence.
    public static func lines(for t: ExportedTemplate, templatePath: String) -> [String] {
        ["Next steps:"] + lines(steps(for: t, templatePath: templatePath))
    }

    /// Steps as numbered lines, in the order given (numbering continuous whatever was left out).
    public static func lines(_ steps: [NextStep]) -> [String] {
        var out: [String] = []
        for (i, step) in steps.enumerated() {
            out.append("  \(i + 1). \(step.text)")
            out += step.commands.map { "     " + $0 }
        }
        return out
    }

    public static func steps(for t: ExportedTemplate, templatePath: String) -> [NextStep] {
        let region = t.plan.region
        let name = t.endpointName
        let stack = name
        let quota = "\(t.plan.instanceType) for endpoint usage"
        let deploy = deployCommand(for: t, templatePath: templatePath)
        var invoke = "aws sagemaker-runtime invoke-endpoint --endpoint-name \(name) --region \(region) --content-type application/json --cli-binary-format raw-in-base64-out --body '{\"inputs\": \"What is Amazon SageMaker?\"}'"
        if t.plan.entry.isModelPackage, t.plan.entry.requiresEula != nil { invoke += " --custom-attributes accept_eula=true" }
        invoke += " response.json"
        let running = t.cost.map { c in
            c.unknownReason == nil
                ? "leaving it running costs about \(c.monthly) a month (on-demand, \(c.hoursPerMonth) h)"
                : "leaving it running costs an unknown amount every hour (\(c.unknownReason!))"
        }
            ?? "it is billed for every instance-hour while it runs"
        return [
            NextStep(kind: .quota, text: "Check the service quota first: SageMaker's \"\(quota)\" in \(region) is 0 by default for many GPU types"
                        + (t.plan.capacity.range.upperBound > 1 ? "; this endpoint needs \(t.plan.capacity.range.upperBound) at most (Value ≥ \(t.plan.capacity.range.upperBound))." : "."),
                     commands: ["aws service-quotas list-service-quotas --service-code sagemaker --region \(region) --query \"Quotas[?QuotaName=='\(quota)'].[QuotaName,Value]\" --output text"]),
            NextStep(kind: .deploy, text: "Deploy (creating the endpoint takes several minutes):", commands: [deploy]),
            NextStep(kind: .invoke, text: "Invoke it (the body shown suits text-generation models; see the model's documentation for others):", commands: [invoke]),
            NextStep(kind: .cleanUp, text: "Clean up when done — \(running). The stack does not own the endpoint's log group:",
                     commands: ["aws cloudformation delete-stack --stack-name \(stack) --region \(region)",
                                "aws logs delete-log-group --log-group-name /aws/sagemaker/Endpoints/\(name) --region \(region)"]),
        ]
    }

    /// The `aws cloudformation deploy` command for a written template (stack named after the endpoint).
    public static func deployCommand(for t: ExportedTemplate, templatePath: String) -> String {
        var deploy = "aws cloudformation deploy --template-file \(shellQuoted(templatePath)) --stack-name \(t.endpointName) --region \(t.plan.region)"
        if t.createsRole { deploy += " --capabilities CAPABILITY_IAM" }
        return deploy
    }

    /// A path as a POSIX shell word.
    public static func shellQuoted(_ s: String) -> String {
        let safe = s.unicodeScalars.allSatisfy { TemplateRules.isASCIIAlnum($0) || "-_./=:@+,".unicodeScalars.contains($0) }
        return safe && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
