import Testing
@testable import JumpStartCore

/// The per-field rules the flags, the wizard's form and the template builder share: each accepts
/// the edges of its range and refuses one step beyond, with an error that knows its field.
@Suite("Field rules")
struct FieldRuleTests {
    @Test("Health-check timeout: whole seconds from 60 to 3600", arguments: [
        ("60", 60), ("3600", 3600), ("600", 600), ("59", nil), ("3601", nil), ("ten", nil), ("", nil), ("60.5", nil),
    ] as [(String, Int?)])
    func healthCheck(text: String, expected: Int?) {
        switch TemplateRules.healthCheckTimeout(text) {
        case .success(let s): #expect(s == expected)
        case .failure(let e):
            #expect(expected == nil)
            #expect(e.flag == "--health-check-timeout")
            #expect(e.text(naming: "Health check").contains("from 60 to 3600"))
        }
    }

    @Test("Tags: KEY=VALUE split at the first =, then the tag's own rules", arguments: [
        ("team=ml", "team", "ml"), ("a=b=c", "a", "b=c"), ("empty=", "empty", ""),
    ])
    func tagAccepted(text: String, key: String, value: String) throws {
        let tag = try TemplateRules.tag(text).get()
        #expect(tag == TemplateTag(key: key, value: value))
    }

    @Test("Tags refused: no =, empty key, reserved aws: prefix", arguments: ["team", "=x", "aws:owner=me"])
    func tagRefused(text: String) {
        guard case .failure(let e) = TemplateRules.tag(text) else { Issue.record("\(text) was accepted"); return }
        #expect(e.flag == "--tag")
    }

    @Test("Subnets and security groups: count limits and id shapes")
    func vpcIds() {
        let subnet = { (i: Int) in "subnet-" + String(repeating: "0", count: 7) + String(i % 10) }
        #expect(TemplateRules.checkSubnets((0..<16).map(subnet)) == nil)
        #expect(TemplateRules.checkSubnets((0..<17).map(subnet)) == .tooManySubnets(count: 17))
        #expect(TemplateRules.checkSubnets(["subnet-XYZ"]) == .subnetIdInvalid(id: "subnet-XYZ"))
        #expect(TemplateRules.checkSecurityGroups(Array(repeating: "sg-0123abcd", count: 5)) == nil)
        #expect(TemplateRules.checkSecurityGroups(Array(repeating: "sg-0123abcd", count: 6)) == .tooManySecurityGroups(count: 6))
        #expect(TemplateRules.checkVpcPairing(subnets: 1, securityGroups: 0) == .vpcIncomplete(subnets: 1, securityGroups: 0))
        #expect(TemplateRules.checkVpcPairing(subnets: 0, securityGroups: 0) == nil)
    }

    @Test("A KMS key is refused on a type with its own instance storage")
    func kmsKey() {
        let key = "1234abcd-12ab-34cd-56ef-1234567890ab"
        #expect(TemplateRules.checkKmsKey(key, instanceType: "ml.g5.2xlarge") == .kmsKeyWithInstanceStorage(instanceType: "ml.g5.2xlarge"))
        #expect(TemplateRules.checkKmsKey(key, instanceType: "ml.c5.xlarge") == nil)
        #expect(TemplateRules.checkKmsKey("not a key", instanceType: nil) == .kmsKeyInvalid(key: "not a key"))
    }

    @Test("Tags: a key twice or more than 50 refused")
    func tagsTogether() {
        let twice = [TemplateTag(key: "a", value: "1"), TemplateTag(key: "a", value: "2")]
        #expect(TemplateRules.checkTags(twice) == .tagDuplicate(key: "a"))
        let many = (0..<51).map { TemplateTag(key: "k\($0)", value: "") }
        #expect(TemplateRules.checkTags(Array(many.prefix(50))) == nil)
        #expect(TemplateRules.checkTags(many) == .tooManyTags(resource: "endpoint", count: 51, catalogTags: 0))
    }
}

@Suite("Paths")
struct PathTests {
    @Test("~ and ~/ are the home folder, as in a shell; other paths are left as they are", arguments: [
        ("~/x.yaml", "/home/ana", "/home/ana/x.yaml"), ("~", "/home/ana", "/home/ana"), ("~/x.yaml", "/home/ana/", "/home/ana/x.yaml"),
        ("~bob/x.yaml", "/home/ana", "~bob/x.yaml"), ("x~/y.yaml", "/home/ana", "x~/y.yaml"), ("/tmp/x.yaml", "/home/ana", "/tmp/x.yaml"),
    ])
    func tilde(path: String, home: String, expected: String) {
        #expect(TemplateFile.expandingTilde(path, home: home) == expected)
        #expect(TemplateFile.expandingTilde(path, home: nil) == path)
    }
}
