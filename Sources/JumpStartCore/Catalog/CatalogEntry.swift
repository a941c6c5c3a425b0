import Foundation

/// One version of one JumpStart model, with every fact the catalog gives about it.
///
/// Field names follow the construct's catalog (DESIGN.md §3) so that a reader can match them
/// one to one with `shared/data/jumpstart/specs.json.gz`.
public struct CatalogEntry: Sendable, Equatable {
    public var modelId: String
    public var version: ModelVersion
    public var defaultInstanceType: String
    public var instanceTypes: [String]
    /// The model's own environment, in name order.
    public var environment: [EnvironmentVariable]
    public var artifactKey: String?
    public var prepackedArtifactKey: String?
    /// Whether the model data lives in the region's gated bucket rather than its content bucket.
    public var gatedBucket: Bool
    /// The key of the EULA document in the region's content bucket, when the model needs one accepted.
    public var requiresEula: String?
    /// Region → model package ARN, for entries deployed from a SageMaker model package.
    public var modelPackageArns: [String: String]?
    public var instanceAliases: [RegionAliases]?
    public var instanceVariants: [InstanceVariant]?

    public init(
        modelId: String, version: ModelVersion, defaultInstanceType: String, instanceTypes: [String],
        environment: [EnvironmentVariable], artifactKey: String? = nil, prepackedArtifactKey: String? = nil,
        gatedBucket: Bool = false, requiresEula: String? = nil, modelPackageArns: [String: String]? = nil,
        instanceAliases: [RegionAliases]? = nil, instanceVariants: [InstanceVariant]? = nil
    ) {
        self.modelId = modelId
        self.version = version
        self.defaultInstanceType = defaultInstanceType
        self.instanceTypes = instanceTypes
        self.environment = environment
        self.artifactKey = artifactKey
        self.prepackedArtifactKey = prepackedArtifactKey
        self.gatedBucket = gatedBucket
        self.requiresEula = requiresEula
        self.modelPackageArns = modelPackageArns
        self.instanceAliases = instanceAliases
        self.instanceVariants = instanceVariants
    }

    /// `MODEL@VERSION`, the form every command accepts.
    public var reference: String { "\(modelId)@\(version)" }
    /// Whether the entry deploys a SageMaker model package rather than an image plus model data.
    public var isModelPackage: Bool { modelPackageArns != nil }
    /// The key of the model data in the bucket: the prepacked artifact when there is one.
    public var modelDataKey: String? { prepackedArtifactKey ?? artifactKey }
}

/// A value in a catalog environment: the catalog mixes strings and whole numbers.
public enum EnvironmentValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case integer(Int)

    /// The value as CloudFormation needs it: always a string.
    public var description: String {
        switch self {
        case .string(let s): return s
        case .integer(let i): return String(i)
        }
    }
}

/// One environment variable of a catalog entry or instance variant.
public struct EnvironmentVariable: Sendable, Hashable {
    public var name: String
    public var value: EnvironmentValue
    public init(name: String, value: EnvironmentValue) {
        self.name = name
        self.value = value
    }
}

/// The container images a region offers an entry, by alias (`gpu_ecr_uri_1` → image URI).
public struct RegionAliases: Sendable, Equatable {
    public var region: String
    /// Alias → image URI, in alias order.
    public var aliases: [(alias: String, imageUri: String)]

    public init(region: String, aliases: [(alias: String, imageUri: String)]) {
        self.region = region
        self.aliases = aliases
    }

    public func imageUri(forAlias alias: String) -> String? {
        aliases.first { $0.alias == alias }?.imageUri
    }

    public static func == (lhs: RegionAliases, rhs: RegionAliases) -> Bool {
        lhs.region == rhs.region && lhs.aliases.elementsEqual(rhs.aliases) { $0.alias == $1.alias && $0.imageUri == $1.imageUri }
    }
}

/// Per-instance settings: a family (`g5`) names the image alias, a full type (`ml.g5.12xlarge`)
/// adds environment variables.
public struct InstanceVariant: Sendable, Equatable {
    public var instanceType: String
    /// The image alias as the catalog writes it, with its leading `$` (`$gpu_ecr_uri_1`).
    public var imageUri: String?
    public var environment: [EnvironmentVariable]?

    public init(instanceType: String, imageUri: String? = nil, environment: [EnvironmentVariable]? = nil) {
        self.instanceType = instanceType
        self.imageUri = imageUri
        self.environment = environment
    }
}
