/// Filters a list of entries by the words of a query over their model ids (case-insensitive,
/// every word must appear). The ids are lowered once, so each query is a byte search: the CLI's
/// `search` and the wizard's per-keystroke filter share it.
public struct ModelFilter: Sendable {
    public let summaries: [EntrySummary]
    private let lowered: [[UInt8]]

    public init(_ summaries: [EntrySummary]) {
        self.summaries = summaries
        self.lowered = summaries.map { Array($0.modelId.lowercased().utf8) }
    }

    /// Indexes into `summaries` of the entries whose id contains every word of the query.
    public func matches(_ query: String) -> [Int] {
        let words = query.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map { Array($0.utf8) }
        guard !words.isEmpty else { return Array(summaries.indices) }
        var out: [Int] = []
        for (i, id) in lowered.enumerated() where words.allSatisfy({ Self.contains(id, $0) }) { out.append(i) }
        return out
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count, h = haystack.count
        guard n <= h else { return false }
        if n == 0 { return true }
        let first = needle[0]
        var i = 0
        while i <= h - n {
            if haystack[i] == first {
                var j = 1
                while j < n, haystack[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}
