/// One check per answer field, from the text a person gives to the value the answers hold. The
/// command line (a flag's argument), the wizard (a form field's text) and the template builder (an
/// answer read back from a template) all call these, so a field has one rule and one message; each
/// error knows its field (`TemplateError.flag`, `.text(naming:)`).
extension TemplateRules {
    /// "KEY=VALUE", split at the first "=", checked as a tag.
    public static func tag(_ text: String) -> Result<TemplateTag, TemplateError> {
        guard let eq = text.firstIndex(of: "=") else { return .failure(.tagMalformed(argument: text)) }
        let tag = TemplateTag(key: String(text[..<eq]), value: String(text[text.index(after: eq)...]))
        return checkTag(tag).map { .failure($0) } ?? .success(tag)
    }

    /// Whole seconds within `healthCheckTimeoutRange`.
    public static func healthCheckTimeout(_ text: String) -> Result<Int, TemplateError> {
        guard let seconds = Int(text), checkHealthCheckTimeout(seconds) == nil else { return .failure(.healthCheckTimeoutInvalid(text: text)) }
        return .success(seconds)
    }

    public static func checkHealthCheckTimeout(_ seconds: Int) -> TemplateError? {
        healthCheckTimeoutRange.contains(seconds) ? nil : .healthCheckTimeoutInvalid(text: String(seconds))
    }

    /// At most `maxSubnets`, each `subnet-` and 8 or 17 hexadecimal digits.
    public static func checkSubnets(_ ids: [String]) -> TemplateError? {
        if ids.count > maxSubnets { return .tooManySubnets(count: ids.count) }
        return ids.first(where: { !isSubnetId($0) }).map { .subnetIdInvalid(id: $0) }
    }

    /// At most `maxSecurityGroups`, each `sg-` and 8 or 17 hexadecimal digits.
    public static func checkSecurityGroups(_ ids: [String]) -> TemplateError? {
        if ids.count > maxSecurityGroups { return .tooManySecurityGroups(count: ids.count) }
        return ids.first(where: { !isSecurityGroupId($0) }).map { .securityGroupIdInvalid(id: $0) }
    }

    /// Subnets and security groups come together or not at all.
    public static func checkVpcPairing(subnets: Int, securityGroups: Int) -> TemplateError? {
        (subnets == 0) == (securityGroups == 0) ? nil : .vpcIncomplete(subnets: subnets, securityGroups: securityGroups)
    }

    public static func checkRoleArn(_ arn: String) -> TemplateError? {
        isRoleArn(arn) ? nil : .roleArnInvalid(arn: arn)
    }

    /// A key in any of KMS's four forms; refused where the instance type has its own storage, which
    /// SageMaker encrypts itself and will not take a key for.
    public static func checkKmsKey(_ key: String, instanceType: String?) -> TemplateError? {
        guard isKmsKey(key) else { return .kmsKeyInvalid(key: key) }
        if let instanceType, hasInstanceStorage(instanceType) { return .kmsKeyWithInstanceStorage(instanceType: instanceType) }
        return nil
    }

    /// Tags one by one, then no key twice and not more than a resource may carry.
    public static func checkTags(_ tags: [TemplateTag]) -> TemplateError? {
        var keys = Set<String>()
        for tag in tags {
            if let e = checkTag(tag) { return e }
            if !keys.insert(tag.key).inserted { return .tagDuplicate(key: tag.key) }
        }
        return tags.count > maxTagsPerResource ? .tooManyTags(resource: "endpoint", count: tags.count, catalogTags: 0) : nil
    }
}
