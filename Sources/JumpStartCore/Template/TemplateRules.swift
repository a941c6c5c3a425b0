/// The API limits a template's values must meet (SageMaker, IAM, EC2 and KMS resource schemas),
/// as small hand-written checks: they run on every export, so no regex engine starts up for them.
public enum TemplateRules {
    public static let endpointNamePrefix = "jumpstart-"
    /// 63 for the whole name minus the 10 of `jumpstart-`.
    public static let maxEndpointNameLength = 53
    public static let maxEnvironmentEntries = 100
    public static let maxEnvironmentBytes = 32 * 1024
    public static let maxEnvironmentFieldBytes = 1024
    public static let maxTagsPerResource = 50
    public static let healthCheckTimeoutRange = 60...3600
    /// SageMaker's VpcConfig limits.
    public static let maxSubnets = 16
    public static let maxSecurityGroups = 5
    public static let largeInstanceCount = 10

    /// A name made from the model id that always passes `checkEndpointName`: letters and digits
    /// kept, anything else a hyphen, at most 53 characters, starting and ending with a letter or digit.
    public static func defaultEndpointName(modelId: String) -> String {
        var chars = modelId.unicodeScalars.map { isASCIIAlnum($0) ? Character($0) : "-" }
        while chars.first == "-" { chars.removeFirst() }
        if chars.count > maxEndpointNameLength { chars = Array(chars.prefix(maxEndpointNameLength)) }
        while chars.last == "-" { chars.removeLast() }
        return chars.isEmpty ? "endpoint" : String(chars)
    }

    /// The person's part of the endpoint name: `jumpstart-NAME` must match
    /// `^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$`.
    public static func checkEndpointName(_ name: String) -> TemplateError? {
        let scalars = Array(name.unicodeScalars)
        guard !scalars.isEmpty, scalars.allSatisfy({ isASCIIAlnum($0) || $0 == "-" }), scalars.last != "-" else {
            return .endpointNameInvalid(name: name)
        }
        if scalars.count > maxEndpointNameLength { return .endpointNameTooLong(name: name, length: scalars.count) }
        return nil
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`.
    public static func isEnvironmentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isASCIILetter(first) || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { isASCIIAlnum($0) || $0 == "_" }
    }

    /// The person's environment on its own: names, lengths, no duplicates.
    public static func checkEnvironment(_ variables: [EnvironmentVariable]) -> TemplateError? {
        var seen = Set<String>()
        for v in variables {
            if v.name.utf8.count > maxEnvironmentFieldBytes { return .environmentNameTooLong(name: v.name, bytes: v.name.utf8.count) }
            if !isEnvironmentName(v.name) { return .environmentNameInvalid(name: v.name) }
            let value = v.value.description
            if value.utf8.count > maxEnvironmentFieldBytes { return .environmentValueTooLong(name: v.name, bytes: value.utf8.count) }
            if !seen.insert(v.name).inserted { return .environmentDuplicate(name: v.name) }
        }
        return nil
    }

    /// The merged environment as the template writes it: entry count and total size.
    public static func checkMergedEnvironment(_ merged: [MergedVariable]) -> TemplateError? {
        if merged.count > maxEnvironmentEntries { return .tooManyEnvironmentVariables(count: merged.count) }
        let bytes = merged.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count }
        if bytes > maxEnvironmentBytes { return .environmentTooLarge(bytes: bytes) }
        return nil
    }

    /// Letters, digits, spaces and `_.:/=+-@`.
    static func isTagText(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { c in
            c.properties.isAlphabetic || c.properties.numericType != nil || c == " " || "_.:/=+-@".unicodeScalars.contains(c)
        }
    }

    public static func checkTag(_ tag: TemplateTag) -> TemplateError? {
        let keyLength = tag.key.count
        guard (1...128).contains(keyLength), isTagText(tag.key) else { return .tagKeyInvalid(key: tag.key) }
        if tag.key.lowercased().hasPrefix("aws:") { return .tagKeyReserved(key: tag.key) }
        guard tag.value.count <= 256, isTagText(tag.value) else { return .tagValueInvalid(key: tag.key, value: tag.value) }
        return nil
    }

    /// `arn:aws[a-z-]*:iam::<12 digits>:role/<path and name>`.
    public static func isRoleArn(_ arn: String) -> Bool {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard arn.utf8.count <= 2048, parts.count == 6, parts[0] == "arn", isPartition(parts[1]), parts[2] == "iam",
              parts[3].isEmpty, isAccount(parts[4]), parts[5].hasPrefix("role/") else { return false }
        let pathAndName = parts[5].dropFirst(5)
        guard let name = pathAndName.split(separator: "/", omittingEmptySubsequences: false).last,
              (1...64).contains(name.count) else { return false }
        return pathAndName.unicodeScalars.allSatisfy { isASCIIAlnum($0) || "_+=,.@/-".unicodeScalars.contains($0) }
    }

    /// `subnet-` and 8 or 17 lower-case hexadecimal digits.
    public static func isSubnetId(_ id: String) -> Bool { isResourceId(id, prefix: "subnet-") }
    /// `sg-` and 8 or 17 lower-case hexadecimal digits.
    public static func isSecurityGroupId(_ id: String) -> Bool { isResourceId(id, prefix: "sg-") }

    /// A key id, a key ARN, an alias name or an alias ARN.
    public static func isKmsKey(_ key: String) -> Bool {
        if isKeyId(Substring(key)) || isAliasName(Substring(key)) { return true }
        let parts = key.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard key.utf8.count <= 2048, parts.count == 6, parts[0] == "arn", isPartition(parts[1]), parts[2] == "kms",
              !parts[3].isEmpty, parts[3].unicodeScalars.allSatisfy({ isASCIIAlnum($0) || $0 == "-" }),
              isAccount(parts[4]) else { return false }
        if parts[5].hasPrefix("key/") { return isKeyId(parts[5].dropFirst(4)) }
        return isAliasName(parts[5])
    }

    // MARK: - Pieces

    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
    static func isASCIIAlnum(_ c: Unicode.Scalar) -> Bool { isASCIILetter(c) || ("0"..."9").contains(c) }
    static func isLowerHex(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || ("a"..."f").contains(c) }

    static func isPartition(_ s: Substring) -> Bool {
        s.hasPrefix("aws") && s.dropFirst(3).unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "-" }
    }

    static func isAccount(_ s: Substring) -> Bool {
        s.utf8.count == 12 && s.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    static func isResourceId(_ id: String, prefix: String) -> Bool {
        guard id.hasPrefix(prefix) else { return false }
        let hex = id.dropFirst(prefix.count)
        return (hex.count == 8 || hex.count == 17) && hex.unicodeScalars.allSatisfy(isLowerHex)
    }

    /// A UUID key id (`1234abcd-12ab-34cd-56ef-1234567890ab`) or a multi-Region key id (`mrk-` + 32 hex).
    static func isKeyId(_ s: Substring) -> Bool {
        if s.hasPrefix("mrk-") {
            let hex = s.dropFirst(4)
            return hex.count == 32 && hex.unicodeScalars.allSatisfy(isLowerHex)
        }
        let groups = s.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.unicodeScalars.allSatisfy { isLowerHex($0) || ("A"..."F").contains($0) } }
    }

    /// `alias/NAME`, NAME of letters, digits and `/_-`.
    static func isAliasName(_ s: Substring) -> Bool {
        guard s.hasPrefix("alias/") else { return false }
        let name = s.dropFirst(6)
        return (1...250).contains(name.count) && name.unicodeScalars.allSatisfy { isASCIIAlnum($0) || "/_-".unicodeScalars.contains($0) }
    }

    /// Instance families with local NVMe instance storage, for which CreateEndpointConfig refuses a
    /// KmsKeyId (SageMaker API reference, CreateEndpointConfig, KmsKeyId; the EC2 instance-type
    /// pages list which families have instance store volumes).
    public static let instanceStorageFamilies: Set<String> = [
        "g4dn", "g5", "g6", "g6e", "p3dn", "p4d", "p4de", "p5", "p5e", "p5en", "c5d", "m5d", "r5d", "trn1", "trn1n",
    ]

    public static func hasInstanceStorage(_ instanceType: String) -> Bool {
        instanceStorageFamilies.contains(DeploymentPlanner.family(of: instanceType))
    }

    /// A variable whose name says it holds a secret (HF_TOKEN, DB_PASSWORD, API_KEY…): its value
    /// would sit in plain text in the template and in the model's description.
    public static func looksLikeSecretName(_ name: String) -> Bool {
        // Whole words only: MAX_TOTAL_TOKENS is a setting, HF_TOKEN is a secret.
        let words = name.uppercased().split(separator: "_").map(String.init)
        if words.contains(where: { ["SECRET", "TOKEN", "PASSWORD", "PASSWD", "APIKEY", "CREDENTIALS", "CREDENTIAL"].contains($0) }) {
            return true
        }
        return zip(words, words.dropFirst()).contains { pair in
            pair.1 == "KEY" && ["API", "ACCESS", "PRIVATE", "SECRET"].contains(pair.0)
        }
    }

    /// An AWS access key id (`AKIA…`/`ASIA…` and 16 more) or something shaped like a secret
    /// access key (40 characters of base64 with upper case, lower case and digits).
    public static func looksLikeAWSSecret(_ value: String) -> Bool {
        let s = Array(value.unicodeScalars)
        if s.count == 20, value.hasPrefix("AKIA") || value.hasPrefix("ASIA"),
           s.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) }) { return true }
        if s.count == 40, s.allSatisfy({ isASCIIAlnum($0) || $0 == "/" || $0 == "+" }),
           s.contains(where: { ("A"..."Z").contains($0) }), s.contains(where: { ("a"..."z").contains($0) }),
           s.contains(where: { ("0"..."9").contains($0) }) { return true }
        return false
    }
}
