/// What a person asks for: one catalog entry deployed in a region on some instances.
public struct DeploymentRequest: Sendable, Equatable {
    public var entry: CatalogEntry
    public var region: String
    /// Nil means the entry's default instance type.
    public var instanceType: String?
    public var instanceCount: Int
    /// The person's own environment variables, applied over the catalog's.
    public var environment: [EnvironmentVariable]
    public var eulaAccepted: Bool

    public init(
        entry: CatalogEntry, region: String, instanceType: String? = nil, instanceCount: Int = 1,
        environment: [EnvironmentVariable] = [], eulaAccepted: Bool = false
    ) {
        self.entry = entry
        self.region = region
        self.instanceType = instanceType
        self.instanceCount = instanceCount
        self.environment = environment
        self.eulaAccepted = eulaAccepted
    }
}

/// Where the model's weights come from and how SageMaker must read them.
public struct ModelData: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// A `.tar.gz` archive: goes in `PrimaryContainer.ModelDataUrl`.
        case compressedArchive
        /// An uncompressed S3 prefix: goes in `PrimaryContainer.ModelDataSource.S3DataSource`.
        case uncompressedPrefix
    }
    public var url: String
    public var kind: Kind
    public var bucket: String
    public var key: String
}

/// What the container runs: a model package, or an image with model data and environment.
public enum ModelSource: Sendable, Equatable {
    case modelPackage(arn: String)
    case container(image: String, modelData: ModelData)
}

/// The resolved facts of a deployment that passed every rule of DESIGN.md §2.
public struct DeploymentPlan: Sendable, Equatable {
    public var entry: CatalogEntry
    public var region: String
    public var instanceType: String
    public var instanceCount: Int
    public var source: ModelSource
    /// The whole capacity (`instanceCount` is where it starts); fixed unless the answers scale it.
    public var capacity: Capacity = .fixed(1)
    /// The merged environment (empty for model packages), in name order.
    public var environment: [MergedVariable]
    public var eulaAccepted: Bool

    /// The environment as name/value strings, as the template writes it.
    public var environmentValues: [(name: String, value: String)] {
        environment.map { ($0.name, $0.value) }
    }

    public static func == (lhs: DeploymentPlan, rhs: DeploymentPlan) -> Bool {
        lhs.entry == rhs.entry && lhs.region == rhs.region && lhs.instanceType == rhs.instanceType
            && lhs.instanceCount == rhs.instanceCount && lhs.capacity == rhs.capacity && lhs.source == rhs.source
            && lhs.environment == rhs.environment && lhs.eulaAccepted == rhs.eulaAccepted
    }
}

/// One variable of the merged environment, with where its value came from.
public struct MergedVariable: Sendable, Equatable {
    public enum Origin: String, Sendable, Equatable {
        /// The catalog entry's own environment.
        case model
        /// The `instanceVariants` entry for the exact instance type (e.g. `SM_NUM_GPUS`).
        case instanceType
        /// The person's own value.
        case user
    }
    public var name: String
    public var value: String
    public var origin: Origin
    /// The catalog value the person's (or the instance type's) value replaced, if any.
    public var replaced: String?

    public init(name: String, value: String, origin: Origin, replaced: String?) {
        self.name = name
        self.value = value
        self.origin = origin
        self.replaced = replaced
    }
}
