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

    /// `config`: one of the entry's deployment configurations (nil: its default).
    public init(catalog: Catalog, summary: EntrySummary, region: String, config: String? = nil) throws(OverviewError) {
        var entry: CatalogEntry
        do throws(CatalogError) { entry = try catalog.entry(summary) } catch { throw .catalog(error) }
        let chosen = config.map { $0 != entry.configName } ?? false
        if let config, chosen {
            do throws(ConfigChoiceError) { entry = try entry.applying(config: config) } catch { throw .config(error) }
        }
        let planner = catalog.planner
        self.entry = entry
        self.region = region
        let all: [EntrySummary]
        do throws(CatalogError) { all = try catalog.versions(of: summary.modelId) } catch { throw .catalog(error) }
        self.versions = all.reversed().map(\.version)
        self.isNewest = all.last?.version == summary.version
        self.instanceTypes = entry.instanceTypes.map {
            InstanceTypeStatus(instanceType: $0, isDefault: $0 == entry.defaultInstanceType,
                               problem: planner.check(entry, region: region, instanceType: $0))
        }
        let names = catalog.regions.names
        if chosen {
            // The index's masks are the default config's; another config's regions are worked out here.
            let byType = entry.instanceTypes.map { Set(planner.deployableRegions(entry, instanceType: $0)) }
            let def = entry.instanceTypes.firstIndex(of: entry.defaultInstanceType).map { byType[$0] } ?? []
            self.regionsWithDefault = names.filter { def.contains($0) }
            self.regionsWithAny = names.filter { r in byType.contains { $0.contains(r) } }
        } else {
            self.regionsWithDefault = names.enumerated().filter { summary.deploysWithDefault(regionIndex: $0.offset) }.map(\.element)
            self.regionsWithAny = names.enumerated().filter { summary.deploysOnAnyType(regionIndex: $0.offset) }.map(\.element)
        }
        self.defaultEnvironment = entry.isModelPackage ? [] :
            DeploymentPlanner.mergedEnvironment(entry, instanceType: entry.defaultInstanceType, user: [])
        self.eulaURL = entry.requiresEula.flatMap { key in
            (catalog.regions[region] ?? catalog.regions["us-east-1"]).map { $0.contentURL(forKey: key) }
        }
        let deploys = chosen ? regionsWithDefault.contains(region) : summary.deploysWithDefault(regionIndex: catalog.regions.index(of: region))
        do throws(CatalogError) {
            self.newestDeployable = deploys ? nil : try catalog.newestDeployableVersion(of: summary.modelId, region: region)
        } catch { throw .catalog(error) }
    }
}

/// Why an overview can't be given: the catalog, or a config that can't be chosen.
public enum OverviewError: Error, Sendable, Equatable, CustomStringConvertible {
    case catalog(CatalogError)
    case config(ConfigChoiceError)

    public var description: String {
        switch self {
        case .catalog(let e): return e.description
        case .config(let e): return e.description
        }
    }
}
