import Foundation
import Testing
@testable import JumpStartCore

@Suite("template core: rules, YAML, metadata, graph")
struct TemplateTests {
    @Test("the default endpoint name of every model id passes the endpoint-name rule")
    func defaultEndpointNames() {
        for id in catalog.modelIds {
            let name = TemplateRules.defaultEndpointName(modelId: id)
            #expect(TemplateRules.checkEndpointName(name) == nil, "\(id) → \(name)")
        }
        #expect(TemplateRules.defaultEndpointName(modelId: "a.b_c") == "a-b-c")
        #expect(TemplateRules.defaultEndpointName(modelId: String(repeating: "x", count: 52) + "-y") == String(repeating: "x", count: 52))
    }

    @Test("strings a YAML reader could take for a number, boolean, date or null are quoted")
    func yamlQuoting() {
        let yaml = TemplateYAML.render(.object([
            ("a", .string("1")), ("b", .string("true")), ("c", .string("0.85")), ("d", .string("yes")),
            ("e", .string("")), ("f", .string("2012-10-17")), ("g", .string("plain")), ("h", .string("a: b")),
            ("i", .int(1)), ("j", .bool(false)), ("k", .array([])), ("l", .string("NULL")),
        ]))
        #expect(yaml == """
            a: '1'
            b: 'true'
            c: '0.85'
            d: 'yes'
            e: ''
            f: '2012-10-17'
            g: plain
            h: 'a: b'
            i: 1
            j: false
            k: []
            l: 'NULL'

            """)
    }

    @Test("ids, ARNs and keys of the right shape pass; others don't", arguments: [
        (TemplateRules.isRoleArn("arn:aws:iam::123456789012:role/x"), true),
        (TemplateRules.isRoleArn("arn:aws-cn:iam::123456789012:role/path/to/x"), true),
        (TemplateRules.isRoleArn("arn:aws:iam::123456789012:role/"), false),
        (TemplateRules.isRoleArn("arn:aws:iam::1234:role/x"), false),
        (TemplateRules.isSubnetId("subnet-0123456789abcdef0"), true),
        (TemplateRules.isSubnetId("subnet-0123456"), false),
        (TemplateRules.isSecurityGroupId("sg-89abcdef"), true),
        (TemplateRules.isSecurityGroupId("sg-89ABCDEF"), false),
        (TemplateRules.isKmsKey("1234abcd-12ab-34cd-56ef-1234567890ab"), true),
        (TemplateRules.isKmsKey("mrk-1234abcd12ab34cd56ef1234567890ab"), true),
        (TemplateRules.isKmsKey("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"), true),
        (TemplateRules.isKmsKey("alias/my-key"), true),
        (TemplateRules.isKmsKey("arn:aws:kms:us-east-1:123456789012:alias/my-key"), true),
        (TemplateRules.isKmsKey("my-key"), false),
        (TemplateRules.looksLikeAWSSecret("AKIAIOSFODNN7EXAMPLE"), true),
        (TemplateRules.looksLikeAWSSecret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), true),
        (TemplateRules.looksLikeAWSSecret("/opt/ml/model"), false),
    ])
    func shapes(_ result: Bool, _ expected: Bool) {
        #expect(result == expected)
    }

    @Test("building from the answers stored in a template gives the same bytes")
    func metadataRoundTrip() throws {
        let builder = TemplateBuilder(catalog: catalog)
        let answers = ExportAnswers(
            model: "huggingface-llm-mistral-7b-instruct", version: "3.5.0", region: "eu-west-1", instanceCount: 2,
            environment: [EnvironmentVariable(name: "B", value: .string("2")), EnvironmentVariable(name: "A", value: .string("x"))],
            options: TemplateOptions(role: .create(.leastPrivilege), tags: [TemplateTag(key: "team", value: "ml")]))
        let t = try builder.build(answers).get()
        for format in TemplateFormat.allCases {
            let text = t.text(format)
            let back = try TemplateMetadata.answers(fromTemplate: text, path: "t").get()
            #expect(back == t.answers)
            #expect(try builder.build(back).get().text(format) == text)
        }
    }

    @Test("graph edges come from the template's own references")
    func graphEdges() throws {
        let t = try TemplateBuilder(catalog: catalog).build(ExportAnswers(model: "huggingface-textgeneration1-gpt-neo-125m", version: "1.3.0", region: "us-east-1")).get()
        let g = t.graph
        #expect(g.nodes.map(\.logicalId) == ["ExecutionRole", "Model", "EndpointConfig", "Endpoint"])
        #expect(g.edges.map { "\($0.from)→\($0.to)" } == ["ExecutionRole→Model", "Model→EndpointConfig", "EndpointConfig→Endpoint"])
        // A reference added to the document shows up without anyone drawing it.
        guard case .object(var top) = t.document, let r = top.firstIndex(where: { $0.0 == "Resources" }),
              case .object(var resources) = top[r].1 else { Issue.record("no Resources"); return }
        resources.append(("Alarm", .object([("Type", .string("AWS::CloudWatch::Alarm")), ("Properties", .object([
            ("Dimensions", .array([.object([("Value", .object([("Fn::Sub", .string("${Endpoint.EndpointName}"))]))])])),
        ]))])))
        top[r].1 = .object(resources)
        let more = ResourceGraph(template: .object(top))
        #expect(more.edges.last == ResourceGraph.Edge(from: "Endpoint", to: "Alarm", attribute: "EndpointName", property: "Dimensions[0].Value"))
        #expect(more.text().split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test("the cost note, when given, goes in the Description with its basis")
    func costInDescription() throws {
        let builder = TemplateBuilder(catalog: catalog) { _ in
            TemplateCostNote(monthly: "$1,105.95", hoursPerMonth: 730, priceAsOf: "2026-07-01", source: "AWS Price List")
        }
        let t = try builder.build(ExportAnswers(model: "huggingface-textgeneration1-gpt-neo-125m", version: "1.3.0", region: "us-east-1")).get()
        #expect(t.document.member("Description")?.stringValue?.contains("Estimated cost $1,105.95 a month (on-demand, 730 h a month, price as of 2026-07-01, AWS Price List).") == true)
    }
}

@Suite("Risky but allowed values")
struct RiskyValueTests {
    @Test("names that hold secrets are spotted by whole word", arguments: [
        ("HF_TOKEN", true), ("HUGGING_FACE_HUB_TOKEN", true), ("DB_PASSWORD", true), ("OPENAI_API_KEY", true),
        ("AWS_SECRET_ACCESS_KEY", true), ("AWS_ACCESS_KEY_ID", true), ("MAX_TOTAL_TOKENS", false),
        ("MAX_INPUT_TOKENS", false), ("SM_NUM_GPUS", false), ("KEYWORDS", false),
    ])
    func secretNames(_ name: String, _ secret: Bool) {
        #expect(TemplateRules.looksLikeSecretName(name) == secret)
    }

    @Test("families with local instance storage refuse a KMS key; the others take one", arguments: [
        ("ml.g5.2xlarge", true), ("ml.g4dn.xlarge", true), ("ml.p4d.24xlarge", true), ("ml.g6e.xlarge", true),
        ("ml.p3.2xlarge", false), ("ml.m5.xlarge", false), ("ml.inf2.xlarge", false), ("ml.c5.2xlarge", false),
    ])
    func instanceStorage(_ type: String, _ hasStorage: Bool) {
        #expect(TemplateRules.hasInstanceStorage(type) == hasStorage)
    }
}
