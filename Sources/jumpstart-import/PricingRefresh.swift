import Foundation
import JumpStartCore
import JumpStartFetch

/// `make refresh-data`: rewrites `data/pricing/prices.csv` (and its SOURCE.md) from AWS's public
/// Price List with the same code as `jumpstart-tui pricing update`, one source per region naming
/// the offer version and its publication date. Regions the Price List doesn't have, or that fail,
/// keep their rows. Without network nothing is written.
enum PricingRefresh {
    static func run(output: URL, endpoint: String) throws -> String {
        if let problem = HTTPFetcher.validate(endpoint: endpoint) { throw ImportError("--endpoint-url: \(problem)") }
        let dir = output.appendingPathComponent("pricing")
        let pricesURL = dir.appendingPathComponent(PriceFiles.pricesFile)
        let instancesURL = dir.appendingPathComponent(PriceFiles.instancesFile)
        let existing: [PriceRow], hardware: [InstanceHardware]
        do throws(PriceFiles.Problem) { existing = try PriceFiles.parsePrices(try PricingImport.text(pricesURL)) } catch { throw PricingImport.failure(pricesURL, error) }
        do throws(PriceFiles.Problem) { hardware = try PriceFiles.parseInstances(try PricingImport.text(instancesURL)) } catch { throw PricingImport.failure(instancesURL, error) }
        let catalog = try Catalog(dataDirectory: output)

        // The update writes to a scratch file, never to a user's folder.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jumpstart-refresh-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent(UpdatedPrices.fileName)
        let report: PriceListUpdate.Report
        do {
            report = try PriceListUpdate.run(regions: catalog.regions.names, allRegions: catalog.regions.names, fetcher: HTTPFetcher(base: endpoint, timeout: 30, retries: 2), file: file) { p in
                FileHandle.standardError.write(Data("\rrefresh-data: \(p.regionsDone)/\(p.regionsTotal) regions, \(ByteCount.text(p.bytes))".utf8))
            }
            FileHandle.standardError.write(Data("\n".utf8))
        } catch {
            throw ImportError("\(error) data/pricing/ was left as it was.")
        }
        let updated = try UpdatedPrices.read(file)
        let base = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        var rows = existing.filter { updated.regions[$0.region] == nil }
        for region in updated.regions.values {
            let source = "AWS Price List, AmazonSageMaker offer \(region.offerVersion) for \(region.region) (\(base)\(region.versionURL)), published \(region.publicationDate)"
            for (type, price) in region.prices {
                rows.append(PriceRow(region: region.region, instanceType: type, hourly: price, source: source, asOf: region.asOf))
            }
        }
        var catalogTypes = Set<String>()
        for s in try catalog.allSummaries() { catalogTypes.formUnion(s.instanceTypes) }
        try writeAtomically(PriceFiles.encodePrices(rows), to: pricesURL)
        try writeAtomically(PricingImport.sourceNote(prices: PriceFiles.sortedRows(rows), hardware: hardware, catalogTypes: catalogTypes,
                                                     regions: catalog.regions.names, origin: .priceList),
                            to: dir.appendingPathComponent("SOURCE.md"))
        let failed = report.regions.filter { $0.outcome.isFailure }.map(\.region)
        var summary = "pricing: \(rows.count) prices, \(updated.regions.count) regions from the Price List → \(pricesURL.path)"
        if !failed.isEmpty { summary += "; failed (kept as they were): \(failed.joined(separator: ", "))" }
        return summary
    }
}
