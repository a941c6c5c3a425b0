import Foundation

/// Reads AWS Price List files for SageMaker and keeps the real-time hosting on-demand prices:
/// products of family "ML Instance" with component "Hosting", priced per `Hrs` in USD.
///
/// Two forms are read (shared/data/README.md): the JSON printed by `aws pricing get-products`
/// (a `PriceList` array of JSON strings, one product each, with `terms.OnDemand` keyed by
/// `SKU.OFFERTERM`) and the bulk offer file (`products` keyed by SKU, `terms.OnDemand` keyed by SKU,
/// a top-level `publicationDate`).
public enum PriceListImport {
    /// What a set of files yielded.
    public struct Result: Sendable, Equatable {
        /// One row per (region, instance type), sorted.
        public var rows: [PriceRow]
        /// Products that were not hosting instances (training, notebooks, storage…).
        public var skippedProducts: Int
        /// Hosting price dimensions in another unit or another currency, or of zero.
        public var skippedPrices: Int
    }

    /// Reads the files in order; the first malformed one stops everything.
    public static func read(files: [URL]) throws(PricingError) -> Result {
        var rows: [String: PriceRow] = [:]
        var skippedProducts = 0, skippedPrices = 0
        for url in files {
            let name = url.lastPathComponent
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw .malformedPriceList(file: url.path, reason: "the file does not exist or can't be read")
            }
            let result: Result
            do throws(PricingError) { result = try read(data, fileName: name) } catch {
                // Name the file as it was given, so two files of the same name can be told apart.
                if case .malformedPriceList(_, let reason) = error { throw .malformedPriceList(file: url.path, reason: reason) }
                throw error
            }
            skippedProducts += result.skippedProducts
            skippedPrices += result.skippedPrices
            for row in result.rows {
                let key = row.region + " " + row.instanceType
                // The same cell twice (several pages or files): the newer publication wins.
                if let old = rows[key], old.asOf >= row.asOf { continue }
                rows[key] = row
            }
        }
        return Result(rows: PriceFiles.sorted(Array(rows.values)), skippedProducts: skippedProducts, skippedPrices: skippedPrices)
    }

    /// Reads one file's bytes; `fileName` names it in sources and errors.
    public static func read(_ data: Data, fileName: String) throws(PricingError) -> Result {
        func fail(_ reason: String) -> PricingError { .malformedPriceList(file: fileName, reason: reason) }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw fail("it is not JSON")
        }
        guard let top = object as? [String: Any] else { throw fail("it is JSON but not an object") }
        var products: [(sku: String, product: [String: Any], onDemand: Any?, published: String?)] = []
        if let list = top["PriceList"] {
            guard let items = list as? [Any] else { throw fail("PriceList is not an array") }
            for (i, item) in items.enumerated() {
                let parsed: Any?
                if let text = item as? String {
                    parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8))
                } else {
                    parsed = item
                }
                guard let p = parsed as? [String: Any], let product = p["product"] as? [String: Any] else {
                    throw fail("PriceList item \(i + 1) is not a JSON product (an object with a \"product\")")
                }
                let sku = product["sku"] as? String ?? "item \(i + 1)"
                products.append((sku, product, (p["terms"] as? [String: Any])?["OnDemand"], p["publicationDate"] as? String))
            }
        } else if let byKey = top["products"] {
            guard let byKey = byKey as? [String: Any] else { throw fail("\"products\" is not an object keyed by SKU") }
            guard let terms = top["terms"] as? [String: Any] else { throw fail("it has \"products\" but no \"terms\" object") }
            let onDemand = terms["OnDemand"] as? [String: Any] ?? [:]
            let published = top["publicationDate"] as? String
            for sku in byKey.keys.sorted() {
                guard let product = byKey[sku] as? [String: Any] else { throw fail("product \(sku) is not an object") }
                products.append((sku, product, onDemand[sku], published))
            }
        } else {
            throw fail("it has neither a \"PriceList\" array (aws pricing get-products) nor \"products\" and \"terms\" (an offer file)")
        }

        var rows: [PriceRow] = []
        var skippedProducts = 0, skippedPrices = 0
        for (sku, product, onDemand, published) in products {
            let attributes = product["attributes"] as? [String: Any] ?? [:]
            guard product["productFamily"] as? String == "ML Instance", attributes["component"] as? String == "Hosting" else {
                skippedProducts += 1
                continue
            }
            guard let region = attributes["regionCode"] as? String, PriceFiles.isRegionName(region) else {
                throw fail("hosting product \(sku) has no regionCode")
            }
            guard let type = attributes["instanceName"] as? String, PriceFiles.isInstanceType(type) else {
                throw fail("hosting product \(sku) has no instanceName like ml.g5.2xlarge")
            }
            guard let offers = onDemand as? [String: Any] else {
                skippedPrices += 1  // a hosting product without an on-demand term
                continue
            }
            var found: Money?
            for offerKey in offers.keys.sorted() {
                guard let offer = offers[offerKey] as? [String: Any],
                      let dimensions = offer["priceDimensions"] as? [String: Any] else {
                    throw fail("the on-demand term \(offerKey) of \(sku) has no priceDimensions")
                }
                for dimKey in dimensions.keys.sorted() {
                    guard let dim = dimensions[dimKey] as? [String: Any] else { throw fail("price dimension \(dimKey) is not an object") }
                    guard dim["unit"] as? String == "Hrs", let perUnit = dim["pricePerUnit"] as? [String: Any],
                          let usd = perUnit["USD"] else {
                        skippedPrices += 1
                        continue
                    }
                    guard let text = usd as? String, let price = Money(decimal: text) else {
                        throw fail("the USD price of \(sku) (\(dimKey)) is not a decimal number")
                    }
                    if price == .zero { skippedPrices += 1; continue }
                    if found == nil { found = price }
                }
            }
            guard let price = found else { continue }
            let date = published.map { String($0.prefix(10)) } ?? "unknown"
            let source = "AWS Price List \(fileName) (" + (published.map { "publication date \($0)" } ?? "no publication date") + ")"
            rows.append(PriceRow(region: region, instanceType: type, hourly: price, source: source, asOf: date))
        }
        return Result(rows: rows, skippedProducts: skippedProducts, skippedPrices: skippedPrices)
    }

    /// The user's prices after an import: the imported cells replace the same cells; the user's
    /// other cells stay unless `replacing` is set.
    public static func merge(existing: [PriceRow], imported: [PriceRow], replacing: Bool) -> [PriceRow] {
        var byCell: [String: PriceRow] = [:]
        if !replacing { for r in existing { byCell[r.region + " " + r.instanceType] = r } }
        for r in imported { byCell[r.region + " " + r.instanceType] = r }
        return PriceFiles.sorted(Array(byCell.values))
    }

    /// Writes the user's price file through a temporary file in the same folder and a rename:
    /// a reader sees the old file or the new one, never half of one.
    public static func writeUserFile(_ rows: [PriceRow], to url: URL) throws(PricingError) {
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(PriceFiles.encodePrices(rows).utf8).write(to: temp)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw .cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        guard rename(temp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw .cannotWrite(path: url.path, reason: reason)
        }
    }
}
