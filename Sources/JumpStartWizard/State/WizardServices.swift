import Foundation
import JumpStartCore

/// What the wizard asks of the core, gathered in one value the runtime builds once and the
/// reducer and views read. Everything here is a pure lookup over data loaded once.
public struct WizardServices: Sendable {
    public let catalog: Catalog
    /// The models list, computed once per mode so a keystroke only filters. Every version (8,236
    /// rows to parse) waits until someone asks for it, to keep the start fast.
    let newestIndex: ModelIndex
    private let allVersionsIndex: LazyModelIndex
    /// Hardware and prices for the instance table and the running estimate.
    public var pricing: WizardPricing
    /// Builds the template for the current answers (the same code `export` runs).
    public var templates: WizardTemplates

    public init(catalog: Catalog, pricing: WizardPricing, templates: WizardTemplates) throws(CatalogError) {
        self.catalog = catalog
        self.newestIndex = ModelIndex(try catalog.summaries(allVersions: false))
        self.allVersionsIndex = LazyModelIndex(catalog: catalog)
        self.pricing = pricing
        self.templates = templates
    }

    func index(allVersions: Bool) -> ModelIndex { allVersions ? allVersionsIndex.value : newestIndex }
}

/// Every version's index, built on first use.
private final class LazyModelIndex: @unchecked Sendable {
    private let catalog: Catalog
    private let lock = NSLock()
    private var built: ModelIndex?

    init(catalog: Catalog) { self.catalog = catalog }

    var value: ModelIndex {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        // The index was read whole at start; a damaged row would have failed there already for
        // the newest versions, and shows as an empty list here rather than a crash.
        let index = ModelIndex((try? catalog.summaries(allVersions: true)) ?? [])
        built = index
        return index
    }
}

/// The models of one list mode with their ids lowered once, so filtering a keystroke is a byte search.
struct ModelIndex: Sendable {
    let summaries: [EntrySummary]
    let lowered: [[UInt8]]

    init(_ summaries: [EntrySummary]) {
        self.summaries = summaries
        self.lowered = summaries.map { Array($0.modelId.lowercased().utf8) }
    }

    /// Indexes of the models whose id contains every word of the query.
    func filter(_ query: String) -> [Int] {
        let words = query.lowercased().split(separator: " ").map { Array($0.utf8) }
        guard !words.isEmpty else { return Array(summaries.indices) }
        var out: [Int] = []
        out.reserveCapacity(64)
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
