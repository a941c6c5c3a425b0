/// One of a JumpStart spec's inference configs ("deployment configurations" in Studio): the spec's
/// base fields overridden by the config's components, resolved as the SageMaker SDK resolves
/// them (`JumpStartSpec`). Entries from the bundled catalog have none.
public struct DeploymentConfig: Sendable, Equatable {
    public var name: String
    /// Its place in the spec's `overall` ranking (0 = JumpStart's default), nil when the spec ranks none.
    public var rank: Int?
    /// Benchmarks JumpStart publishes, by instance type, in the spec's order.
    public var benchmarks: [String: [BenchmarkMetric]]
    /// `hosting_resource_requirements` of the config (the default instance type's needs).
    public var requirements: ResourceRequirements?
    /// Per instance type, the variant's own `resource_requirements`.
    public var requirementsByType: [String: ResourceRequirements]
    /// The resolved deployment facts; nil when the config is left out (`leftOut` says why).
    public var fields: ConfigFields?
    /// Why this config can't be deployed from a template here (e.g. additional model data sources).
    public var leftOut: String?

    public init(name: String, rank: Int?, benchmarks: [String: [BenchmarkMetric]] = [:], requirements: ResourceRequirements? = nil,
                requirementsByType: [String: ResourceRequirements] = [:], fields: ConfigFields?, leftOut: String? = nil) {
        self.name = name
        self.rank = rank
        self.benchmarks = benchmarks
        self.requirements = requirements
        self.requirementsByType = requirementsByType
        self.fields = fields
        self.leftOut = leftOut
    }

    /// The output throughput to price tokens by on an instance type: JumpStart's throughput figure
    /// at the lowest concurrency it was measured at, when it is a positive number of tokens per second.
    public func throughput(on instanceType: String) -> BenchmarkMetric? {
        benchmarks[instanceType]?.filter { $0.isThroughput && $0.numericValue != nil }
            .min { ($0.concurrency ?? Int.max) < ($1.concurrency ?? Int.max) }
    }

    /// The latency measured at the same concurrency as `throughput(on:)`.
    public func latency(on instanceType: String) -> BenchmarkMetric? {
        guard let t = throughput(on: instanceType) else { return benchmarks[instanceType]?.first { $0.name == "latency" } }
        return benchmarks[instanceType]?.first { $0.name == "latency" && $0.concurrency == t.concurrency }
    }
}

/// The deployment facts a config decides: what a catalog entry's row holds for its default config.
public struct ConfigFields: Sendable, Equatable {
    public var defaultInstanceType: String
    public var instanceTypes: [String]
    public var environment: [EnvironmentVariable]
    public var artifactKey: String?
    public var prepackedArtifactKey: String?
    public var gatedBucket: Bool
    public var requiresEula: String?
    public var modelPackageArns: [String: String]?
    public var instanceAliases: [RegionAliases]?
    public var instanceVariants: [InstanceVariant]?
    /// `hosting_ecr_specs.framework` (djl-lmi, huggingface-llm, vllm…), for `catalog status`.
    public var framework: String?
    /// `deploy_kwargs`: the start-up times the SDK deploys with, in seconds.
    public var startup: StartupTimeouts

    public init(defaultInstanceType: String, instanceTypes: [String], environment: [EnvironmentVariable], artifactKey: String? = nil,
                prepackedArtifactKey: String? = nil, gatedBucket: Bool = false, requiresEula: String? = nil,
                modelPackageArns: [String: String]? = nil, instanceAliases: [RegionAliases]? = nil,
                instanceVariants: [InstanceVariant]? = nil, framework: String? = nil, startup: StartupTimeouts = StartupTimeouts()) {
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
        self.framework = framework
        self.startup = startup
    }
}

/// A spec's `deploy_kwargs`: how long the SDK lets the container start
/// (`container_startup_health_check_timeout`) and the model data download
/// (`model_data_download_timeout`); nil where the spec says nothing (the bundled catalog never does).
public struct StartupTimeouts: Sendable, Equatable {
    public var healthCheck: Int?
    public var modelDataDownload: Int?

    public init(healthCheck: Int? = nil, modelDataDownload: Int? = nil) {
        self.healthCheck = healthCheck
        self.modelDataDownload = modelDataDownload
    }
}

/// One figure of a config's `benchmark_metrics`: `{"name": "throughput", "unit": "tokens/sec",
/// "value": "37.4", "concurrency": "4"}`, kept as JumpStart writes it. The SDK reads a throughput as
/// P50 output tokens per second *per user* and a latency as P50 time to first token
/// (`_normalize_benchmark_metric_column_name`), each at `concurrency` users at once.
public struct BenchmarkMetric: Sendable, Equatable {
    public var name: String
    public var value: String
    public var unit: String
    public var concurrency: Int?

    public init(name: String, value: String, unit: String, concurrency: Int?) {
        self.name = name
        self.value = value
        self.unit = unit
        self.concurrency = concurrency
    }

    public var numericValue: Double? {
        guard let d = Double(value), d.isFinite, d > 0 else { return nil }
        return d
    }

    /// Output tokens per second (JumpStart writes "tokens/sec").
    public var isThroughput: Bool {
        name.lowercased() == "throughput" && ["tokens/sec", "tokens/s", "tokens per second"].contains(unit.lowercased())
    }
}

/// What a config says it needs of an instance (`hosting_resource_requirements`).
public struct ResourceRequirements: Sendable, Equatable {
    public var minMemoryMB: Int?
    public var accelerators: Int?

    public init(minMemoryMB: Int?, accelerators: Int?) {
        self.minMemoryMB = minMemoryMB
        self.accelerators = accelerators
    }

    /// "8 accelerators, 576 GiB memory".
    public var text: String {
        var parts: [String] = []
        if let a = accelerators { parts.append("\(a) accelerator\(a == 1 ? "" : "s")") }
        if let m = minMemoryMB { parts.append(m % 1024 == 0 ? "\(m / 1024) GiB memory" : "\(m) MiB memory") }
        return parts.joined(separator: ", ")
    }
}
