/// A region where JumpStart serves model data, with its buckets (DESIGN.md §3, `regions.json`).
public struct JumpStartRegion: Sendable, Equatable {
    public var name: String
    public var contentBucket: String
    /// Nil where the catalog names no gated bucket (cn-north-1): gated models can't deploy there.
    public var gatedContentBucket: String?

    public init(name: String, contentBucket: String, gatedContentBucket: String?) {
        self.name = name
        self.contentBucket = contentBucket
        self.gatedContentBucket = gatedContentBucket
    }

    /// The AWS partition's DNS suffix: China regions live under `amazonaws.com.cn`.
    public var dnsSuffix: String { name.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com" }

    /// The web address of a document in this region's content bucket (a EULA, for instance).
    public func contentURL(forKey key: String) -> String {
        "https://\(contentBucket).s3.\(name).\(dnsSuffix)/\(key)"
    }
}

/// The JumpStart regions, in name order, each with a fixed index used by the bundled catalog's
/// deployability masks.
public struct RegionTable: Sendable {
    public let regions: [JumpStartRegion]
    /// Which regions offer the resource types a template creates (`data/cloudformation/`).
    public let cloudFormation: CloudFormationSupport
    private let indexByName: [String: Int]

    public init(regions: [JumpStartRegion], cloudFormation: CloudFormationSupport = .none) {
        self.cloudFormation = cloudFormation
        self.regions = regions.sorted { $0.name < $1.name }
        var index: [String: Int] = [:]
        for (i, r) in self.regions.enumerated() { index[r.name] = i }
        self.indexByName = index
    }

    public var names: [String] { regions.map(\.name) }
    public func index(of name: String) -> Int? { indexByName[name] }
    public subscript(name: String) -> JumpStartRegion? { indexByName[name].map { regions[$0] } }
    public func contains(_ name: String) -> Bool { indexByName[name] != nil }

    /// Bit i set: region i is not known to lack the template's resource types in CloudFormation.
    public var cloudFormationMask: UInt32 {
        var mask: UInt32 = 0
        for (i, r) in regions.enumerated() {
            if case .missing = cloudFormation.offer(region: r.name) { continue }
            mask |= 1 << UInt32(i)
        }
        return mask
    }
}
