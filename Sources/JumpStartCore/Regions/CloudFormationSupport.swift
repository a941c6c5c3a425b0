import Foundation

/// Whether CloudFormation offers, in each region, the resource types our templates create:
/// `data/cloudformation/resource-support.tsv`, derived from cfn-lint's copy of CloudFormation's
/// registry (tools/cloudformation/derive_support.py). A template for a region that lacks them is
/// refused by CloudFormation there (cfn-lint E3006), so the planner refuses it first; a region
/// the data doesn't cover is unknown, never "supported".
public struct CloudFormationSupport: Sendable, Equatable {
    /// What a region offers of the types asked about.
    public enum Offer: Sendable, Equatable {
        case offered
        /// These types are not offered there.
        case missing([String])
        /// No current data for the region.
        case unknown
    }

    public static let folder = "cloudformation"
    public static let fileName = "resource-support.tsv"
    /// The types every endpoint template has.
    public static let endpointTypes = ["AWS::SageMaker::Model", "AWS::SageMaker::EndpointConfig", "AWS::SageMaker::Endpoint"]

    /// Where the table comes from ("cfn-lint 1.51.0"), for messages.
    public let source: String
    private let table: [String: [String: Bool?]]

    public init(source: String, table: [String: [String: Bool?]]) {
        self.source = source
        self.table = table
    }

    /// No data at all: every region unknown.
    public static let none = CloudFormationSupport(source: "no CloudFormation data", table: [:])

    public func offer(region: String, types: [String] = endpointTypes) -> Offer {
        guard let row = table[region] else { return .unknown }
        var missing: [String] = []
        for type in types {
            guard let cell = row[type], let offered = cell else { return .unknown }
            if !offered { missing.append(type) }
        }
        return missing.isEmpty ? .offered : .missing(missing)
    }

    /// Reads the table; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(CatalogError) -> CloudFormationSupport {
        var source = "cfn-lint"
        var columns: [String] = []
        var table: [String: [String: Bool?]] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty { continue }
            if line.hasPrefix("# Source: ") {
                source = String(line.dropFirst("# Source: ".count).prefix { $0 != "," })
                continue
            }
            if line.hasPrefix("# region\t") {
                columns = line.split(separator: "\t").dropFirst().map(String.init)
                continue
            }
            if line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard !columns.isEmpty, f.count == columns.count + 1, PriceFiles.isRegionName(f[0]) else {
                throw .damaged(file: file, line: i + 1, reason: "expected a region and \(columns.count) cells of yes, no or unknown")
            }
            var row: [String: Bool?] = [:]
            for (type, cell) in zip(columns, f.dropFirst()) {
                switch cell {
                case "yes": row[type] = .some(true)
                case "no": row[type] = .some(false)
                case "unknown": row[type] = .some(nil)
                default: throw .damaged(file: file, line: i + 1, reason: "\"\(TerminalSafe.text(cell, limit: 20))\" is not yes, no or unknown")
                }
            }
            table[f[0]] = row
        }
        return CloudFormationSupport(source: source, table: table)
    }
}

/// Where each JumpStart region is, roughly (the city AWS names for it), to suggest the nearest
/// regions that work when one doesn't.
public enum RegionGeography {
    static let places: [String: (latitude: Double, longitude: Double)] = [
        "af-south-1": (-33.9, 18.4), "ap-east-1": (22.3, 114.2), "ap-northeast-1": (35.7, 139.7),
        "ap-northeast-2": (37.6, 127.0), "ap-northeast-3": (34.7, 135.5), "ap-south-1": (19.1, 72.9),
        "ap-southeast-1": (1.35, 103.8), "ap-southeast-2": (-33.9, 151.2), "ap-southeast-3": (-6.2, 106.8),
        "ca-central-1": (45.5, -73.6), "cn-north-1": (39.9, 116.4), "eu-central-1": (50.1, 8.7),
        "eu-north-1": (59.3, 18.1), "eu-south-1": (45.5, 9.2), "eu-west-1": (53.3, -6.3),
        "eu-west-2": (51.5, -0.1), "eu-west-3": (48.9, 2.35), "il-central-1": (32.1, 34.8),
        "me-central-1": (25.2, 55.3), "me-south-1": (26.1, 50.6), "sa-east-1": (-23.5, -46.6),
        "us-east-1": (38.9, -77.4), "us-east-2": (40.0, -83.0), "us-gov-east-1": (40.0, -83.0),
        "us-gov-west-1": (45.6, -121.2), "us-west-1": (37.4, -122.0), "us-west-2": (45.6, -121.2),
    ]

    /// `candidates` ordered by great-circle distance from `region` (unknown places last, by name);
    /// GovCloud and China, separate partitions, only follow their own.
    public static func nearest(to region: String, among candidates: [String], limit: Int = 3) -> [String] {
        func partition(_ r: String) -> String { r.hasPrefix("us-gov-") ? "gov" : r.hasPrefix("cn-") ? "cn" : "aws" }
        let from = places[region]
        func distance(_ r: String) -> Double {
            guard let a = from, let b = places[r] else { return .infinity }
            let (p1, p2) = (a.latitude * .pi / 180, b.latitude * .pi / 180)
            let dl = (b.longitude - a.longitude) * .pi / 180
            let c = sin(p1) * sin(p2) + cos(p1) * cos(p2) * cos(dl)
            return acos(max(-1, min(1, c)))
        }
        let same = candidates.filter { $0 != region && partition($0) == partition(region) }
        let pool = same.isEmpty ? candidates.filter { $0 != region } : same
        return Array(pool.sorted { (distance($0), $0) < (distance($1), $1) }.prefix(limit))
    }
}
