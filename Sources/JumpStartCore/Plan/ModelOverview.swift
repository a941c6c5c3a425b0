/// Everything `show` and the wizard's detail pane say about one entry in one region.
public struct ModelOverview: Sendable {
    public struct InstanceTypeStatus: Sendable, Equatable {
        public var instanceType: String
        public var isDefault: Bool
        /// Nil when it deploys in the region (the EULA aside).
        public var problem: PlanError?
        public var deploys: Bool { problem == nil }
    }

    public var entry: CatalogEntry
    public var region: String
    /// Every version of the model, newest first.
    public var versions: [ModelVersion]
    public var isNewest: Bool
    public var instanceTypes: [InstanceTypeStatus]
    /// Regions where the default instance type deploys.
    public var regionsWithDefault: [String]
    /// Regions where at least one supported instance type deploys.
    public var regionsWithAny: [String]
    /// The entry's own environment merged with the default instance type's variant, as deployed.
    public var defaultEnvironment: [MergedVariable]
    public var eulaURL: String?
    /// When this entry doesn't deploy in the region on its default type: the newest version that does.
    public var newestDeployable: EntrySummary?

    public var deploysWithDefault: Bool { instanceTypes.first { $0.isDefault }?.deploys ?? false }

    public init(catalog: Catalog, summary: EntrySummary, region: String) throws(CatalogError) {
        let entry = try catalog.entry(summary)
        let planner = catalog.planner
        self.entry = entry
        self.region = region
        let all = try catalog.versions(of: summary.modelId)
        self.versions = all.reversed().map(\.version)
        self.isNewest = all.last?.version == summary.version
        self.instanceTypes = entry.instanceTypes.map {
            InstanceTypeStatus(instanceType: $0, isDefault: $0 == entry.defaultInstanceType,
                               problem: planner.check(entry, region: region, instanceType: $0))
        }
        let names = catalog.regions.names
        self.regionsWithDefault = names.enumerated().filter { summary.deploysWithDefault(regionIndex: $0.offset) }.map(\.element)
        self.regionsWithAny = names.enumerated().filter { summary.deploysOnAnyType(regionIndex: $0.offset) }.map(\.element)
        self.defaultEnvironment = entry.isModelPackage ? [] :
            DeploymentPlanner.mergedEnvironment(entry, instanceType: entry.defaultInstanceType, user: [])
        self.eulaURL = entry.requiresEula.flatMap { key in
            (catalog.regions[region] ?? catalog.regions["us-east-1"]).map { $0.contentURL(forKey: key) }
        }
        let deploys = summary.deploysWithDefault(regionIndex: catalog.regions.index(of: region))
        self.newestDeployable = deploys ? nil : try catalog.newestDeployableVersion(of: summary.modelId, region: region)
    }
}
