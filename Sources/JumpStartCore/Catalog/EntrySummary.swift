/// What a list needs to know about one catalog entry, read from the bundled index without loading
/// the entry itself.
public struct EntrySummary: Sendable, Equatable {
    public let modelId: String
    public let version: ModelVersion
    public let defaultInstanceType: String
    public let instanceTypes: [String]
    /// Per supported instance type, the set of region indexes (`RegionTable.index(of:)`) where it deploys.
    public let regionMasks: [UInt32]
    public let gatedBucket: Bool
    public let requiresEula: String?
    public let isModelPackage: Bool
    /// Row in the bundled index, to load the whole entry.
    let row: Int

    public var reference: String { "\(modelId)@\(version)" }
    public var needsEula: Bool { requiresEula != nil }

    /// Whether the instance type deploys in the region with the given index (ignoring the EULA).
    public func deploys(regionIndex: Int?, instanceType: String) -> Bool {
        guard let regionIndex, let i = instanceTypes.firstIndex(of: instanceType) else { return false }
        return regionMasks[i] & (1 << UInt32(regionIndex)) != 0
    }

    /// Whether the entry's default instance type deploys in that region.
    public func deploysWithDefault(regionIndex: Int?) -> Bool {
        deploys(regionIndex: regionIndex, instanceType: defaultInstanceType)
    }

    /// Whether any supported instance type deploys in that region.
    public func deploysOnAnyType(regionIndex: Int?) -> Bool {
        guard let regionIndex else { return false }
        return regionMasks.contains { $0 & (1 << UInt32(regionIndex)) != 0 }
    }

    /// Indexes of regions where the default instance type deploys.
    public var defaultTypeRegionMask: UInt32 {
        instanceTypes.firstIndex(of: defaultInstanceType).map { regionMasks[$0] } ?? 0
    }
}
