/// Finds the names closest to a mistyped one: those containing it, then by edit distance.
public enum Suggestions {
    public static func closest(to query: String, in names: [String], limit: Int = 3) -> [String] {
        let q = query.lowercased()
        guard !q.isEmpty else { return [] }
        let containing = names.filter { $0.lowercased().contains(q) }.sorted { ($0.count, $0) < ($1.count, $1) }
        if !containing.isEmpty { return Array(containing.prefix(limit)) }
        let qs = Array(q.utf8)
        let scored = names.map { (name: $0, distance: editDistance(qs, Array($0.lowercased().utf8))) }
        let threshold = max(2, qs.count / 2)
        return scored.filter { $0.distance <= threshold }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
            .prefix(limit).map(\.name)
    }

    /// Levenshtein distance over bytes.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
