import Foundation

extension RegionTable {
    /// The bundled region table alone (`data/catalog/regions.tsv`), for answers that need the
    /// JumpStart regions but no model: reading it skips the 3 MB catalog index.
    public static func bundled() throws(CatalogError) -> RegionTable {
        let data = try DataLocation.cached()
        return try Catalog.loadRegions(data.appendingPathComponent("catalog").appendingPathComponent(CatalogFormat.regionsFile), dataDirectory: data)
    }

    /// The region a command runs in: the flag, else `AWS_REGION`, else `AWS_DEFAULT_REGION`, else us-east-1.
    public func resolve(
        _ flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CatalogError) -> String {
        let (name, source): (String, String)
        if let flag {
            // An empty --region is a mistake (an unset shell variable), not a request for the default.
            guard !flag.isEmpty else { throw .unknownRegion("", suggestions: [], source: "--region") }
            (name, source) = (flag, "--region")
        } else if let r = environment["AWS_REGION"], !r.isEmpty {
            (name, source) = (r, "AWS_REGION")
        } else if let r = environment["AWS_DEFAULT_REGION"], !r.isEmpty {
            (name, source) = (r, "AWS_DEFAULT_REGION")
        } else {
            (name, source) = ("us-east-1", "the default")
        }
        guard contains(name) else {
            throw .unknownRegion(name, suggestions: Suggestions.closest(to: name, in: names), source: source)
        }
        return name
    }
}
