/// What to do after a template is written: check the quota, deploy, invoke, clean up. Shared by
/// `export` (standard error) and the wizard (its last screen).
public enum NextSteps {
    public static func lines(for t: ExportedTemplate, templatePath: String) -> [String] {
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
            "Next steps:",
            "  1. Check the service quota first: SageMaker's \"\(quota)\" in \(region) is 0 by default for many GPU types.",
            "     aws service-quotas list-service-quotas --service-code sagemaker --region \(region) --query \"Quotas[?QuotaName=='\(quota)'].[QuotaName,Value]\" --output text",
            "  2. Deploy (creating the endpoint takes several minutes):",
            "     \(deploy)",
            "  3. Invoke it (the body shown suits text-generation models; see the model's documentation for others):",
            "     \(invoke)",
            "  4. Clean up when done — \(running). The stack does not own the endpoint's log group:",
            "     aws cloudformation delete-stack --stack-name \(stack) --region \(region)",
            "     aws logs delete-log-group --log-group-name /aws/sagemaker/Endpoints/\(name) --region \(region)",
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
