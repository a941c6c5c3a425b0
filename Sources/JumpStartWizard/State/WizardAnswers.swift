import JumpStartCore

/// Everything the person has decided so far; the template is a pure function of these.
public struct WizardAnswers: Sendable, Equatable {
    public enum RolePolicy: String, Sendable, Equatable, CaseIterable {
        case managed
        case leastPrivilege = "least-privilege"
        case existing
    }

    public var modelReference: String = ""
    public var region: String = "us-east-1"
    public var instanceType: String = ""
    /// Fixed or autoscaling, with an optional schedule; the count step edits the fixed count.
    public var capacity: Capacity = .fixed(1)
    public var instanceCount: Int {
        get { capacity.initialCount }
        set { capacity.kind = .fixed(newValue) }
    }
    /// The person's own variables, in the order added.
    public var environment: [EnvironmentVariable] = []
    public var endpointName: String = ""
    /// Nil: the model's own (its spec's `deploy_kwargs`, else 600).
    public var healthCheckTimeout: Int?
    public var rolePolicy: RolePolicy = .managed
    public var roleArn: String = ""
    public var subnets: [String] = []
    public var securityGroups: [String] = []
    public var kmsKeyId: String = ""
    public var tags: [(key: String, value: String)] = []
    public var eulaAccepted: Bool = false
    /// A deployment configuration of a fetched version; nil means its default.
    public var config: String?

    public init() {}

    public static func == (a: WizardAnswers, b: WizardAnswers) -> Bool {
        a.modelReference == b.modelReference && a.region == b.region && a.instanceType == b.instanceType
            && a.capacity == b.capacity && a.environment == b.environment && a.endpointName == b.endpointName
            && a.healthCheckTimeout == b.healthCheckTimeout && a.rolePolicy == b.rolePolicy && a.roleArn == b.roleArn
            && a.subnets == b.subnets && a.securityGroups == b.securityGroups && a.kmsKeyId == b.kmsKeyId
            && a.tags.elementsEqual(b.tags, by: { $0.key == $1.key && $0.value == $1.value }) && a.eulaAccepted == b.eulaAccepted
            && a.config == b.config
    }
}
