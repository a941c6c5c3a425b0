/// The names people know regions by, as AWS's Price List gives them in each product's `location`
/// attribute ("EU (Frankfurt)"), for finding a region by city or country; cn-north-1, which the
/// global Price List does not cover, as AWS China names it.
public enum RegionNames {
    public static let location: [String: String] = [
        "af-south-1": "Africa (Cape Town)", "ap-east-1": "Asia Pacific (Hong Kong)",
        "ap-northeast-1": "Asia Pacific (Tokyo)", "ap-northeast-2": "Asia Pacific (Seoul)",
        "ap-northeast-3": "Asia Pacific (Osaka)", "ap-south-1": "Asia Pacific (Mumbai)",
        "ap-southeast-1": "Asia Pacific (Singapore)", "ap-southeast-2": "Asia Pacific (Sydney)",
        "ap-southeast-3": "Asia Pacific (Jakarta)", "ca-central-1": "Canada (Central)",
        "cn-north-1": "China (Beijing)", "eu-central-1": "EU (Frankfurt)", "eu-north-1": "EU (Stockholm)",
        "eu-south-1": "EU (Milan)", "eu-west-1": "EU (Ireland)", "eu-west-2": "EU (London)",
        "eu-west-3": "EU (Paris)", "il-central-1": "Israel (Tel Aviv)", "me-central-1": "Middle East (UAE)",
        "me-south-1": "Middle East (Bahrain)", "sa-east-1": "South America (Sao Paulo)",
        "us-east-1": "US East (N. Virginia)", "us-east-2": "US East (Ohio)",
        "us-gov-east-1": "AWS GovCloud (US-East)", "us-gov-west-1": "AWS GovCloud (US-West)",
        "us-west-1": "US West (N. California)", "us-west-2": "US West (Oregon)",
    ]

    /// The first of `regions` (in order) whose code or name holds `query`, ignoring case:
    /// "frank" and "eu-c" find eu-central-1.
    public static func firstMatch(_ query: String, in regions: [String]) -> Int? {
        let q = query.lowercased()
        guard !q.isEmpty else { return nil }
        return regions.firstIndex { $0.hasPrefix(q) } ?? regions.firstIndex { r in
            r.contains(q) || (location[r]?.lowercased().contains(q) ?? false)
        }
    }
}
