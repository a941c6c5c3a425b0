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
    /// Where a fetched entry came from (`catalog update`); nil for the bundled catalog.
    public var origin: FetchedOrigin?
    /// `deploy_kwargs` start-up times of the fields below (fetched entries only).
    public var startupTimeouts = StartupTimeouts()
    /// The spec's inference configs, ranked (empty for the bundled catalog and single-config specs).
    public var configs: [DeploymentConfig]
    /// The config whose facts the fields above hold (nil: the spec has no configs).
    public var configName: String?

    public init(
        modelId: String, version: ModelVersion, defaultInstanceType: String, instanceTypes: [String],
        environment: [EnvironmentVariable], artifactKey: String? = nil, prepackedArtifactKey: String? = nil,
        gatedBucket: Bool = false, requiresEula: String? = nil, modelPackageArns: [String: String]? = nil,
        instanceAliases: [RegionAliases]? = nil, instanceVariants: [InstanceVariant]? = nil,
        origin: FetchedOrigin? = nil, startupTimeouts: StartupTimeouts = StartupTimeouts(), configs: [DeploymentConfig] = [],
        configName: String? = nil
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
        self.origin = origin
        self.startupTimeouts = startupTimeouts
        self.configs = configs
        self.configName = configName
    }

    /// The entry with another of its configs' facts; nil when it has no config of that name.
    /// A config that is left out throws its reason.
    public func applying(config name: String) throws(ConfigChoiceError) -> CatalogEntry {
        guard let config = configs.first(where: { $0.name == name }) else {
            throw .unknown(name: name, model: reference, available: configs.map { $0.fields == nil ? "\($0.name) (left out)" : $0.name })
        }
        guard let f = config.fields else { throw .leftOut(name: name, model: reference, reason: config.leftOut ?? "it can't be expressed in a template") }
        var e = self
        e.defaultInstanceType = f.defaultInstanceType
        e.instanceTypes = f.instanceTypes
        e.environment = f.environment
        e.artifactKey = f.artifactKey
        e.prepackedArtifactKey = f.prepackedArtifactKey
        e.gatedBucket = f.gatedBucket
        e.requiresEula = f.requiresEula
        e.modelPackageArns = f.modelPackageArns
        e.instanceAliases = f.instanceAliases
        e.instanceVariants = f.instanceVariants
        e.startupTimeouts = f.startup
        e.configName = name
        return e
    }

    /// The start-up times the spec's `deploy_kwargs` give (fetched entries only).
    public var startup: StartupTimeouts { fields.startup }

    /// The config these fields come from, when the spec has configs.
    public var config: DeploymentConfig? { configName.flatMap { n in configs.first { $0.name == n } } }

    /// The config used when none is chosen: the best-ranked one a template can express.
    public var defaultConfigName: String? { configs.first { $0.fields != nil }?.name }

    /// This entry's own deployment facts as a config's fields.
    public var fields: ConfigFields {
        ConfigFields(defaultInstanceType: defaultInstanceType, instanceTypes: instanceTypes, environment: environment,
                     artifactKey: artifactKey, prepackedArtifactKey: prepackedArtifactKey, gatedBucket: gatedBucket,
                     requiresEula: requiresEula, modelPackageArns: modelPackageArns, instanceAliases: instanceAliases,
                     instanceVariants: instanceVariants, framework: origin?.framework, startup: startupTimeouts)
    }

    /// `MODEL@VERSION`, the form every command accepts.
    public var reference: String { "\(modelId)@\(version)" }
    /// Whether the entry deploys a SageMaker model package rather than an image plus model data.
    public var isModelPackage: Bool { modelPackageArns != nil }
    /// The key of the model data in the bucket: the prepacked artifact when there is one.
    public var modelDataKey: String? { prepackedArtifactKey ?? artifactKey }
}

/// A fetched entry's source: the spec JumpStart serves for it.
public struct FetchedOrigin: Sendable, Equatable {
    /// The manifest's `spec_key`.
    public var specKey: String
    /// `hosting_ecr_specs.framework` of the resolved spec.
    public var framework: String?

    public init(specKey: String, framework: String?) {
        self.specKey = specKey
        self.framework = framework
    }
}

/// Why `--config NAME` can't be used.
public enum ConfigChoiceError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknown(name: String, model: String, available: [String])
    case leftOut(name: String, model: String, reason: String)

    public var description: String {
        switch self {
        case let .unknown(name, model, available):
            if available.isEmpty { return "\(model) has no deployment configurations to choose from, so there is no config \(TerminalSafe.text(name, limit: 60)); leave --config out." }
            return "\(model) has no deployment configuration \(TerminalSafe.text(name, limit: 60)). Its configurations: \(available.joined(separator: ", ")) (`jumpstart-tui show \(model)` lists them with their benchmarks)."
        case let .leftOut(name, model, reason):
            return "The deployment configuration \(name) of \(model) can't be deployed from a template: \(reason)."
        }
    }
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
