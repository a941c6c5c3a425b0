/// Applies every rule of DESIGN.md §2 to a request, in the construct's order, and answers
/// deployability questions with the same rules.
public struct DeploymentPlanner: Sendable {
    public let regions: RegionTable

    public init(regions: RegionTable) {
        self.regions = regions
    }

    /// The environment variable the construct always drops from the merged environment.
    public static let droppedVariable = "SAGEMAKER_SUBMIT_DIRECTORY"

    /// `ml.g5.2xlarge` → `g5`: the key of the image alias in `instanceVariants`.
    public static func family(of instanceType: String) -> String {
        let parts = instanceType.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count > 1 ? String(parts[1]) : instanceType
    }

    /// Resolves the request, or says which rule it breaks and what would work instead.
    public func plan(_ request: DeploymentRequest) -> Result<DeploymentPlan, PlanError> {
        let entry = request.entry
        let region = request.region
        // Rule 1: the EULA.
        if let eula = entry.requiresEula, !request.eulaAccepted {
            return .failure(.eulaNotAccepted(
                model: entry.modelId, version: entry.version.text, eulaKey: eula,
                eulaURL: regions[region]?.contentURL(forKey: eula)))
        }
        // Rule 2: the instance type.
        let instanceType = request.instanceType ?? entry.defaultInstanceType
        guard entry.instanceTypes.contains(instanceType) else {
            return .failure(.unsupportedInstanceType(
                instanceType: instanceType, defaultInstanceType: entry.defaultInstanceType,
                supported: entry.instanceTypes, deployableInRegion: deployableInstanceTypes(entry, in: region)))
        }
        guard request.instanceCount >= 1 else { return .failure(.invalidInstanceCount(request.instanceCount)) }
        // Rule 3: model packages take no environment.
        if entry.isModelPackage, !request.environment.isEmpty {
            return .failure(.environmentNotAllowedForModelPackage(names: request.environment.map(\.name)))
        }
        switch resolveSource(entry, region: region, instanceType: instanceType) {
        case .failure(let error):
            return .failure(error)
        case .success(let source):
            let environment: [MergedVariable]
            if case .modelPackage = source {
                environment = []
            } else {
                environment = Self.mergedEnvironment(entry, instanceType: instanceType, user: request.environment)
            }
            var plan = DeploymentPlan(
                entry: entry, region: region, instanceType: instanceType, instanceCount: request.instanceCount,
                source: source, environment: environment, eulaAccepted: request.eulaAccepted)
            plan.capacity = .fixed(request.instanceCount)
            return .success(plan)
        }
    }

    /// Rules 3 and 4 for one supported instance type, without the EULA or the environment:
    /// whether this (entry, region, instance type) can deploy at all.
    public func check(_ entry: CatalogEntry, region: String, instanceType: String) -> PlanError? {
        if case .failure(let error) = resolveSource(entry, region: region, instanceType: instanceType) { return error }
        return nil
    }

    /// The entry's supported instance types that deploy in the region, in catalog order.
    public func deployableInstanceTypes(_ entry: CatalogEntry, in region: String) -> [String] {
        entry.instanceTypes.filter { locate(entry, region: region, instanceType: $0) == nil }
    }

    /// The JumpStart regions where the entry deploys on this instance type.
    public func deployableRegions(_ entry: CatalogEntry, instanceType: String) -> [String] {
        regions.names.filter { locate(entry, region: $0, instanceType: instanceType) == nil }
    }

    /// For each supported instance type, in catalog order, the bit set of region indexes
    /// (`RegionTable.index(of:)`) where it deploys. The bundled index stores these so a list of
    /// every entry can be marked without loading any entry.
    public func regionMasks(_ entry: CatalogEntry) -> [UInt32] {
        entry.instanceTypes.map { type in
            var mask: UInt32 = 0
            for (i, r) in regions.regions.enumerated() where locate(entry, region: r.name, instanceType: type) == nil {
                mask |= 1 << UInt32(i)
            }
            return mask
        }
    }

    /// The merged environment: entry, then the exact instance type's variant, then the person's;
    /// `SAGEMAKER_SUBMIT_DIRECTORY` dropped; in name order.
    public static func mergedEnvironment(
        _ entry: CatalogEntry, instanceType: String, user: [EnvironmentVariable]
    ) -> [MergedVariable] {
        var merged: [String: MergedVariable] = [:]
        for v in entry.environment {
            merged[v.name] = MergedVariable(name: v.name, value: v.value.description, origin: .model, replaced: nil)
        }
        if let variant = entry.instanceVariants?.first(where: { $0.instanceType == instanceType }) {
            for v in variant.environment ?? [] {
                merged[v.name] = MergedVariable(
                    name: v.name, value: v.value.description, origin: .instanceType, replaced: merged[v.name]?.value)
            }
        }
        for v in user {
            let previous = merged[v.name]
            merged[v.name] = MergedVariable(
                name: v.name, value: v.value.description, origin: .user,
                replaced: previous.map { $0.origin == .user ? $0.replaced : $0.value } ?? nil)
        }
        merged[droppedVariable] = nil
        return merged.values.sorted { $0.name < $1.name }
    }

    // MARK: - Rules 3 and 4

    private enum Problem {
        case packageNotInRegion
        case notJumpStartRegion
        case noGatedBucket
        case noVariant
        case noImageInRegion
        case notOfferedByCloudFormation
    }

    /// The cheap form of rules 3–4 used for bulk questions: nil when it deploys.
    private func locate(_ entry: CatalogEntry, region: String, instanceType: String) -> Problem? {
        if let arns = entry.modelPackageArns {
            if arns[region] == nil { return .packageNotInRegion }
            return cloudFormationMissing(region) == nil ? nil : .notOfferedByCloudFormation
        }
        if regions.contains(region), cloudFormationMissing(region) != nil { return .notOfferedByCloudFormation }
        guard let r = regions[region] else { return .notJumpStartRegion }
        if entry.gatedBucket, r.gatedContentBucket == nil { return .noGatedBucket }
        guard let alias = imageAlias(entry, instanceType: instanceType) else { return .noVariant }
        guard entry.instanceAliases?.first(where: { $0.region == region })?.imageUri(forAlias: alias) != nil else {
            return .noImageInRegion
        }
        return cloudFormationMissing(region) == nil ? nil : .notOfferedByCloudFormation
    }

    /// The template's resource types CloudFormation doesn't offer in the region; nil when it does or it's unknown.
    func cloudFormationMissing(_ region: String) -> [String]? {
        if case .missing(let types) = regions.cloudFormation.offer(region: region) { return types }
        return nil
    }

    /// The exact type's image alias, else its family's. (The construct looks at the family only;
    /// no bundled entry gives an exact type an image, and fetched entries follow the SDK's order.)
    private func imageAlias(_ entry: CatalogEntry, instanceType: String) -> String? {
        let family = Self.family(of: instanceType)
        guard let uri = entry.instanceVariants?.first(where: { $0.instanceType == instanceType && $0.imageUri != nil })?.imageUri
            ?? entry.instanceVariants?.first(where: { $0.instanceType == family })?.imageUri else { return nil }
        return uri.hasPrefix("$") ? String(uri.dropFirst()) : uri
    }

    /// The construct's rules 3–4, then CloudFormation's offer in the region: a template
    /// CloudFormation would refuse there is refused here first.
    private func resolveSource(_ entry: CatalogEntry, region: String, instanceType: String) -> Result<ModelSource, PlanError> {
        // The region first: no choice of model or type makes a stack CloudFormation refuses there.
        guard regions.contains(region), entry.modelPackageArns == nil || entry.modelPackageArns?[region] != nil,
              let missing = cloudFormationMissing(region) else {
            return resolveCatalogSource(entry, region: region, instanceType: instanceType)
        }
        let working = deployableRegions(entry, instanceType: instanceType).filter { regions.cloudFormation.offer(region: $0) == .offered }
        return .failure(.notOfferedByCloudFormation(
            region: region, missingTypes: missing, source: regions.cloudFormation.source,
            nearest: RegionGeography.nearest(to: region, among: working)))
    }

    private func resolveCatalogSource(_ entry: CatalogEntry, region: String, instanceType: String) -> Result<ModelSource, PlanError> {
        if let arns = entry.modelPackageArns {
            guard let arn = arns[region] else {
                return .failure(.modelPackageNotInRegion(region: region, availableRegions: arns.keys.sorted()))
            }
            return .success(.modelPackage(arn: arn))
        }
        guard let r = regions[region] else {
            return .failure(.notAJumpStartRegion(region: region, jumpStartRegions: regions.names))
        }
        let bucket: String
        if entry.gatedBucket {
            guard let gated = r.gatedContentBucket else {
                return .failure(.noGatedBucket(
                    region: region, regionsWithGatedBucket: regions.regions.filter { $0.gatedContentBucket != nil }.map(\.name)))
            }
            bucket = gated
        } else {
            bucket = r.contentBucket
        }
        guard let alias = imageAlias(entry, instanceType: instanceType) else {
            return .failure(.noImageForInstanceFamily(
                instanceType: instanceType, family: Self.family(of: instanceType),
                deployableInRegion: deployableInstanceTypes(entry, in: region)))
        }
        guard let image = entry.instanceAliases?.first(where: { $0.region == region })?.imageUri(forAlias: alias) else {
            return .failure(.noImageInRegion(
                instanceType: instanceType, region: region,
                regionsWithImage: deployableRegions(entry, instanceType: instanceType),
                deployableInRegion: deployableInstanceTypes(entry, in: region)))
        }
        let key = entry.modelDataKey ?? ""
        let url = "s3://\(bucket)/\(key)"
        let kind: ModelData.Kind = url.hasSuffix(".tar.gz") ? .compressedArchive : .uncompressedPrefix
        return .success(.container(image: image, modelData: ModelData(url: url, kind: kind, bucket: bucket, key: key)))
    }
}
