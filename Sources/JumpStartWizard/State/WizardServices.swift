import Foundation
import JumpStartCore

/// What the wizard asks of the core, gathered in one value the runtime builds once and the
/// reducer and views read. Everything here is a pure lookup over data loaded once.
public struct WizardServices: Sendable {
    public let catalog: Catalog
    /// The models list, computed once per mode so a keystroke only filters. Every version (8,236
    /// rows to parse) waits until someone asks for it, to keep the start fast.
    let newestIndex: ModelFilter
    private let allVersionsIndex: LazyModelIndex
    /// Hardware and prices for the instance table and the running estimate.
    public var pricing: WizardPricing
    /// Builds the template for the current answers (the same code `export` runs).
    public var templates: WizardTemplates

    public init(catalog: Catalog, pricing: WizardPricing, templates: WizardTemplates) throws(CatalogError) {
        self.catalog = catalog
        self.newestIndex = ModelFilter(try catalog.summaries(allVersions: false))
        self.allVersionsIndex = LazyModelIndex(catalog: catalog)
        self.pricing = pricing
        self.templates = templates
    }

    func index(allVersions: Bool) -> ModelFilter { allVersions ? allVersionsIndex.value : newestIndex }
}

/// Every version's index, built on first use.
private final class LazyModelIndex: @unchecked Sendable {
    private let catalog: Catalog
    private let lock = NSLock()
    private var built: ModelFilter?

    init(catalog: Catalog) { self.catalog = catalog }

    var value: ModelFilter {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        // The index was read whole at start; a damaged row would have failed there already for
        // the newest versions, and shows as an empty list here rather than a crash.
        let index = ModelFilter((try? catalog.summaries(allVersions: true)) ?? [])
        built = index
        return index
    }
}
