import Foundation
import JumpStartCore

/// Reads `pricing/prices.csv` and `pricing/instances.csv` and writes `data/pricing/`: the same
/// rows and columns, checked, sorted and with LF line ends, plus SOURCE.md saying where the
/// figures come from and how complete they are.
enum PricingImport {
    static func run(source: URL, output: URL) throws -> String {
        let from = source.appendingPathComponent("pricing")
        let pricesURL = from.appendingPathComponent(PriceFiles.pricesFile)
        let instancesURL = from.appendingPathComponent(PriceFiles.instancesFile)
        let prices: [PriceRow], hardware: [InstanceHardware]
        do throws(PriceFiles.Problem) { prices = try PriceFiles.parsePrices(try text(pricesURL)) } catch { throw failure(pricesURL, error) }
        do throws(PriceFiles.Problem) { hardware = try PriceFiles.parseInstances(try text(instancesURL)) } catch { throw failure(instancesURL, error) }
        // The catalog step has just written output/catalog: completeness is measured against its instance types.
        let catalog = try Catalog(dataDirectory: output)
        var catalogTypes = Set<String>()
        for s in try catalog.allSummaries() { catalogTypes.formUnion(s.instanceTypes) }
        let missingHardware = catalogTypes.subtracting(hardware.map(\.instanceType)).sorted()
        guard missingHardware.isEmpty else {
            throw ImportError("instances.csv has no hardware for \(missingHardware.joined(separator: ", ")), which the catalog uses")
        }
        let dir = output.appendingPathComponent("pricing")
        try writeAtomically(PriceFiles.encodePrices(prices), to: dir.appendingPathComponent(PriceFiles.pricesFile))
        try writeAtomically(PriceFiles.encodeInstances(hardware), to: dir.appendingPathComponent(PriceFiles.instancesFile))
        try writeAtomically(sourceNote(prices: prices, hardware: hardware, catalogTypes: catalogTypes, regions: catalog.regions.names),
                            to: dir.appendingPathComponent("SOURCE.md"))
        let regions = Set(prices.map(\.region)).count
        return "pricing: \(prices.count) prices in \(regions) regions, hardware of \(hardware.count) instance types → \(dir.path)"
    }

    static func text(_ url: URL) throws(PriceFiles.Problem) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw PriceFiles.Problem(line: nil, reason: "not found") }
        return String(decoding: data, as: UTF8.self)
    }

    static func failure(_ url: URL, _ problem: PriceFiles.Problem) -> ImportError {
        ImportError("\(url.path)\(problem.line.map { " line \($0)" } ?? ""): \(problem.reason)")
    }

    /// Where data/pricing/prices.csv was made from.
    enum Origin { case sharedData, priceList }

    static func sourceNote(prices: [PriceRow], hardware: [InstanceHardware], catalogTypes: Set<String>, regions: [String],
                           origin: Origin = .sharedData) -> String {
        let byRegion = Dictionary(grouping: prices, by: \.region)
        var coverage = ""
        for region in byRegion.keys.sorted() {
            let rows = byRegion[region]!
            let inCatalog = rows.filter { catalogTypes.contains($0.instanceType) }.count
            let extra = rows.count - inCatalog
            coverage += "- \(region): \(inCatalog) of the catalog's \(catalogTypes.count) instance types"
            coverage += extra > 0 ? " (and \(extra) outside it: \(rows.filter { !catalogTypes.contains($0.instanceType) }.map(\.instanceType).joined(separator: ", ")))" : ""
            coverage += ".\n"
            if region == "us-east-1" {
                let missing = catalogTypes.subtracting(rows.map(\.instanceType)).sorted(by: PriceFiles.instanceOrder)
                coverage += "  Missing there: \(missing.joined(separator: ", ")).\n"
            }
        }
        let unpriced = regions.filter { byRegion[$0] == nil }
        if !unpriced.isEmpty {
            coverage += "- The other \(unpriced.count) JumpStart regions have no price at all: \(unpriced.joined(separator: ", ")).\n"
        }
        var sources = ""
        let bySource = Dictionary(grouping: prices, by: { "\($0.source)\u{0}\($0.asOf)" })
        for key in bySource.keys.sorted() {
            let rows = bySource[key]!
            sources += "- \(rows[0].source) — as of \(rows[0].asOf); \(rows.count) price\(rows.count == 1 ? "" : "s"): "
            sources += rows.map { "\($0.region) \($0.instanceType)" }.joined(separator: ", ") + ".\n"
        }
        // Per-row notes in brackets (how the memory figure was read) stay in instances.csv.
        let hwSources = Dictionary(grouping: hardware, by: { $0.source.components(separatedBy: " [").first ?? $0.source })
            .map { "- \($0.key): \($0.value.count) instance type\($0.value.count == 1 ? "" : "s").\n" }.sorted().joined()
        return """
        # Where the prices and instance hardware come from

        \(origin == .priceList
            ? "prices.csv was refreshed from AWS's public Price List by `make refresh-data` (`jumpstart-import\n--refresh-pricing`), the same code as `jumpstart-tui pricing update`; instances.csv comes from\nshared/data/pricing/ by `make data`, which also rebuilds prices.csv from there."
            : "Imported from shared/data/pricing/ by `make data` (`swift run jumpstart-import`); `make refresh-data`\nrewrites prices.csv from AWS's public Price List instead.") Do not edit these files by hand.
        Precedence, cell by cell: a user's own prices (`jumpstart-tui pricing import`), then the Price
        List as the user last fetched it (`jumpstart-tui pricing update`), then these files, which
        neither command changes.

        ## prices.csv

        SageMaker real-time inference (hosting) on-demand prices per instance-hour in USD, one line per
        region and instance type, with the document each figure was copied from (`source`) and the
        date it was valid (`as_of`; `unknown` where the document gives none). No figure is derived from
        another region, another instance size or an EC2 price: a cell that is not here is unknown, and
        the program says so instead of guessing.

        \(prices.count) figures:

        \(coverage)
        Caveats (from shared/data/README.md): the us-east-1 rows taken from FMBench's
        pricing_fallback.yml (last changed 2025-01-26) agree with every independent figure found, but its
        ml.p4d and ml.p5 prices predate AWS's 2025 price cuts for those families and are probably too
        high. The eu-west-1 rows come from a December 2023 AWS invoice. Rows quoting the AWS Price List
        with a usage type and a date are the most reliable. The ml.c4.2xlarge figure is the one the
        construct's own README implies ($344.16 for 720 h).

        Sources:

        \(sources)
        ## instances.csv

        Hardware of each instance type: vCPUs, memory (GiB), accelerator count, model and total
        accelerator memory per instance (GiB). \(hardware.count) instance types: every one the catalog uses,
        plus ml.c4.2xlarge.

        \(hwSources)
        ## Complete, current prices

        AWS publishes every price in its public Price List (products with productFamily "ML Instance"
        and component "Hosting", unit Hrs). `jumpstart-tui pricing update` fetches it for every region,
        no credentials needed, into the user's data folder.

        """
    }
}
