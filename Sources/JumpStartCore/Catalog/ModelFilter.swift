/// Filters a list of entries by the words of a query over their model ids (case-insensitive,
/// every word must appear). A word `name@version` also asks for versions starting with
/// `version`, and a bare version (`2.2.0`, `2.2` — digits and dots, with a dot) for versions
/// starting with it. The ids are lowered once, so each query is a byte search: the CLI's
/// `search` and the wizard's per-keystroke filter share it.
public struct ModelFilter: Sendable {
    public let summaries: [EntrySummary]
    private let lowered: [[UInt8]]
    private let versions: [[UInt8]]

    public init(_ summaries: [EntrySummary]) {
        self.summaries = summaries
        self.lowered = summaries.map { Array($0.modelId.lowercased().utf8) }
        self.versions = summaries.map { Array($0.version.description.utf8) }
    }

    /// One word of a query: a part of the id, a version prefix, or both.
    struct Word {
        var id: [UInt8] = []
        var version: [UInt8]?

        init(_ text: Substring) {
            if let at = text.firstIndex(of: "@") {
                id = Array(text[..<at].utf8)
                version = Array(text[text.index(after: at)...].utf8)
            } else if text.contains("."), text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
                version = Array(text.utf8)
            } else {
                id = Array(text.utf8)
            }
        }
    }

    /// Whether a query asks for particular versions (then every version should be searched).
    public static func asksForVersion(_ query: String) -> Bool {
        words(query).contains { $0.version != nil }
    }

    static func words(_ query: String) -> [Word] {
        query.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(Word.init)
    }

    /// Indexes into `summaries` of the entries whose id contains every word of the query (and
    /// whose version starts with every version asked for).
    public func matches(_ query: String) -> [Int] {
        let words = Self.words(query)
        guard !words.isEmpty else { return Array(summaries.indices) }
        var out: [Int] = []
        for (i, id) in lowered.enumerated() where words.allSatisfy({ w in
            Self.contains(id, w.id) && (w.version.map { versions[i].starts(with: $0) } ?? true)
        }) { out.append(i) }
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
