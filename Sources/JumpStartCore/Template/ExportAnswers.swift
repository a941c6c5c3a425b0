/// Everything a person answers to get a template: the `export` command's arguments and the
/// wizard's steps both become one of these, and one `TemplateBuilder` turns it into bytes, so
/// the two can't disagree.
///
/// The template stores the resolved answers under `Metadata.JumpStartTUI`; reading them back
/// (`ExportAnswers(template:)`) and building again gives the same bytes.
public struct ExportAnswers: Sendable, Equatable {
    /// The model id, without a version.
    public var model: String
    /// Nil means the model's newest version.
    public var version: String?
    public var region: String
    /// Nil means the entry's default instance type.
    public var instanceType: String?
    /// How many instances: fixed or autoscaling, with an optional off-hours schedule.
    public var capacity: Capacity
    /// The count the endpoint starts with; setting it makes the capacity that fixed count (keeping a schedule).
    public var instanceCount: Int {
        get { capacity.initialCount }
        set { capacity.kind = .fixed(newValue) }
    }
    /// The person's own environment variables, in the order given (applied over the catalog's).
    public var environment: [EnvironmentVariable]
    /// The person's part of the endpoint name (the template adds `jumpstart-`); nil derives one
    /// from the model id.
    public var endpointName: String?
    public var acceptEula: Bool
    public var options: TemplateOptions
    /// One of a fetched version's deployment configurations; nil means its default.
    public var config: String?

    public init(
        model: String, version: String? = nil, region: String, instanceType: String? = nil, instanceCount: Int = 1, capacity: Capacity? = nil,
        environment: [EnvironmentVariable] = [], endpointName: String? = nil, acceptEula: Bool = false,
        options: TemplateOptions = TemplateOptions(), config: String? = nil
    ) {
        self.model = model
        self.version = version
        self.region = region
        self.instanceType = instanceType
        self.capacity = capacity ?? .fixed(instanceCount)
        self.environment = environment
        self.endpointName = endpointName
        self.acceptEula = acceptEula
        self.options = options
        self.config = config
    }
}

/// How the template gives the endpoint an execution role.
public enum RoleChoice: Sendable, Equatable {
    /// Use a role that already exists; the template creates none.
    case existing(arn: String)
    /// Create a role with this policy.
    case create(RolePolicy)
}

/// The policy of a role the template creates.
public enum RolePolicy: String, Sendable, Equatable, CaseIterable {
    /// The AWS managed policy `AmazonSageMakerFullAccess`, as the reference construct does: broad.
    case managed
    /// An inline policy limited to this endpoint's model data, image, logs and metrics.
    case leastPrivilege = "least-privilege"
}

/// One `Key`/`Value` tag.
public struct TemplateTag: Sendable, Equatable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// The options the reference construct has, and what a careful user adds.
public struct TemplateOptions: Sendable, Equatable {
    public var role: RoleChoice
    public var vpcSubnets: [String]
    public var vpcSecurityGroups: [String]
    /// `ContainerStartupHealthCheckTimeoutInSeconds`; nil means the model's own (its spec's
    /// `deploy_kwargs`, else 600).
    public var healthCheckTimeout: Int?
    /// Encrypts the endpoint's instance storage (EndpointConfig `KmsKeyId`).
    public var kmsKeyId: String?
    /// Added to every taggable resource, after the catalog's own tags.
    public var tags: [TemplateTag]

    public static let defaultHealthCheckTimeout = 600

    public init(
        role: RoleChoice = .create(.managed), vpcSubnets: [String] = [], vpcSecurityGroups: [String] = [],
        healthCheckTimeout: Int? = nil, kmsKeyId: String? = nil,
        tags: [TemplateTag] = []
    ) {
        self.role = role
        self.vpcSubnets = vpcSubnets
        self.vpcSecurityGroups = vpcSecurityGroups
        self.healthCheckTimeout = healthCheckTimeout
        self.kmsKeyId = kmsKeyId
        self.tags = tags
    }
}

/// The monthly cost line of a template's Description. The cost engine fills it; the template
/// only prints it, so a price we don't have is simply absent.
public struct TemplateCostNote: Sendable, Equatable {
    /// Already formatted, e.g. `$1,105.95`.
    public var monthly: String
    public var hoursPerMonth: Int
    /// The date of the price, e.g. `2026-07-01`.
    public var priceAsOf: String
    /// Where the price comes from, e.g. `AWS Price List API, on-demand`.
    public var source: String

    /// Why there is no figure ("no price for ml.g5.2xlarge in eu-west-1; …"); nil when there is one.
    public var unknownReason: String?
    /// What a capacity other than a fixed count assumes (`CapacityCost.basis`); nil for a fixed count.
    public var basis: String?

    public init(monthly: String, hoursPerMonth: Int, priceAsOf: String, source: String, unknownReason: String? = nil) {
        self.monthly = monthly
        self.hoursPerMonth = hoursPerMonth
        self.priceAsOf = priceAsOf
        self.source = source
        self.unknownReason = unknownReason
    }

    /// A cost line that says the figure is unknown and why, rather than leaving it out silently.
    public static func unknown(_ reason: String) -> TemplateCostNote {
        TemplateCostNote(monthly: "unknown", hoursPerMonth: 730, priceAsOf: "unknown", source: "", unknownReason: reason)
    }
}
