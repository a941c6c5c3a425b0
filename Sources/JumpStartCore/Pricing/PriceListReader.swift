import Foundation

/// The one reader of AWS Price List JSON for SageMaker, used by `pricing import` (files of any
/// size, streamed from disk) and `pricing update` (one region's offer file at a time). It keeps
/// real-time hosting on-demand prices only — `productFamily` "ML Instance", `attributes.component`
/// "Hosting", a usage type (when given) of the form `<PREFIX>-Host:<instance>`, unit `Hrs`, USD —
/// so training, notebook, processing, batch and serverless rows for the same instance names are
/// never taken for hosting prices.
///
/// Two forms: the bulk offer file (`products` keyed by SKU, then `terms.OnDemand` keyed by SKU, a
/// top-level `version` and `publicationDate`), walked without building the tree; and the JSON
/// printed by `aws pricing get-products` (a `PriceList` array of JSON strings, one product each).
public enum PriceListReader {
    /// The highest hourly price taken as real: AWS's largest hosting instances cost about $100 an
    /// hour; a figure far above that is a damaged or hostile file, refused row by row.
    public static let plausibleHourly = Money(micros: 10_000 * 1_000_000)

    /// What a hosting product is: its cell.
    struct HostingProduct {
        var region: String
        var instanceType: String
    }

    /// The on-demand hourly USD price of one SKU, or why it has none.
    enum TermOutcome {
        case price(Money)
        /// Only dimensions in another unit or currency.
        case otherUnit(Int)
        /// A USD per-hour price that is not plausible (zero, negative, not a number, too high).
        case implausible
        /// No on-demand term at all.
        case none
    }

    public static func read(_ stream: inout JSONStream, fileName: String) throws(PricingError) -> PriceListImport.Result {
        func fail(_ reason: String) -> PricingError { .malformedPriceList(file: fileName, reason: reason) }
        var reader = Walk(fileName: fileName)
        do {
            guard try stream.peekKind() == .object else { throw fail("it is JSON but not an object") }
            try stream.beginObject()
            while let key = try stream.nextKey() {
                switch key {
                case "publicationDate":
                    guard try stream.peekKind() == .string else { throw fail("publicationDate is not a string") }
                    let date = try stream.readString()
                    guard isDate(date) else { throw fail("publicationDate \(quoted(date)) is not a date like 2026-11-20T00:00:00Z") }
                    reader.publicationDate = date
                case "version":
                    guard try stream.peekKind() == .string else { throw fail("version is not a string") }
                    let version = try stream.readString()
                    guard isVersion(version) else { throw fail("version \(quoted(version)) is not an offer version like 20261120000000") }
                    reader.version = version
                case "products":
                    guard try stream.peekKind() == .object else { throw fail("\"products\" is not an object keyed by SKU") }
                    reader.sawProducts = true
                    try stream.beginObject()
                    while let sku = try stream.nextKey() {
                        guard try stream.peekKind() == .object else { throw fail("product \(sku) is not an object") }
                        try reader.product(sku: sku, try stream.readValue())
                    }
                case "terms":
                    guard try stream.peekKind() == .object else { throw fail("\"terms\" is not an object") }
                    reader.sawTerms = true
                    try stream.beginObject()
                    while let kind = try stream.nextKey() {
                        guard kind == "OnDemand" else { try stream.skipValue(); continue }
                        guard try stream.peekKind() == .object else { throw fail("terms.OnDemand is not an object keyed by SKU") }
                        try stream.beginObject()
                        while let sku = try stream.nextKey() {
                            // Only hosting SKUs matter; when terms come before products (not AWS's
                            // order, but valid JSON), every SKU's outcome is kept until they arrive.
                            if reader.sawProducts && reader.hosting[sku] == nil { try stream.skipValue(); continue }
                            try reader.onDemand(sku: sku, try stream.readValue())
                        }
                    }
                case "PriceList":
                    guard try stream.peekKind() == .array else { throw fail("PriceList is not an array") }
                    reader.sawPriceList = true
                    try stream.beginArray()
                    var index = 0
                    while try stream.nextElement() {
                        index += 1
                        try reader.listItem(index: index, try stream.readValue())
                    }
                default:
                    try stream.skipValue()
                }
            }
            try stream.expectEnd()
        } catch let error as JSONStream.Failure {
            throw fail(error.truncated ? "it ends in the middle (cut off after \(error.offset) bytes)" : "it is not JSON (\(error.reason) at byte \(error.offset))")
        } catch let error as PricingError {
            throw error
        } catch {
            throw fail("\(error)")
        }
        guard reader.sawPriceList || reader.sawProducts else {
            throw fail("it has neither a \"PriceList\" array (aws pricing get-products) nor \"products\" and \"terms\" (an offer file)")
        }
        if reader.sawProducts && !reader.sawTerms { throw fail("it has \"products\" but no \"terms\" object") }
        return reader.result()
    }

    /// The state of one walk over a file.
    struct Walk {
        var fileName: String
        var publicationDate: String?
        var version: String?
        var sawProducts = false, sawTerms = false, sawPriceList = false
        var hosting: [String: HostingProduct] = [:]
        var outcomes: [String: TermOutcome] = [:]
        /// get-products items carry their own publication date.
        var itemDates: [String: String] = [:]
        var skippedProducts = 0

        func fail(_ reason: String) -> PricingError { .malformedPriceList(file: fileName, reason: reason) }

        mutating func product(sku: String, _ product: JSONValue) throws(PricingError) {
            let attributes = product["attributes"]
            guard product["productFamily"]?.stringValue == "ML Instance", attributes?["component"]?.stringValue == "Hosting" else {
                skippedProducts += 1
                return
            }
            guard let region = attributes?["regionCode"]?.stringValue, PriceFiles.isRegionName(region) else {
                throw fail("hosting product \(quoted(sku)) has no regionCode")
            }
            guard let type = attributes?["instanceName"]?.stringValue, PriceFiles.isInstanceType(type) else {
                throw fail("hosting product \(quoted(sku)) has no instanceName like ml.g5.2xlarge")
            }
            // `USE1-Host:ml.g5.2xlarge`; other hosting usage (e.g. serverless memory) is not an instance-hour.
            if let usage = attributes?["usagetype"]?.stringValue, !(usage == "Host:" + type || usage.hasSuffix("-Host:" + type)) {
                skippedProducts += 1
                return
            }
            hosting[sku] = HostingProduct(region: region, instanceType: type)
        }

        mutating func onDemand(sku: String, _ terms: JSONValue) throws(PricingError) {
            guard let offers = terms.members else { throw fail("the on-demand terms of \(quoted(sku)) are not an object") }
            var outcome = TermOutcome.none
            var otherUnit = 0
            for (offerKey, offer) in offers.sorted(by: { $0.0 < $1.0 }) {
                guard let dimensions = offer["priceDimensions"]?.members else {
                    throw fail("the on-demand term \(quoted(offerKey)) of \(quoted(sku)) has no priceDimensions")
                }
                for (_, dim) in dimensions.sorted(by: { $0.0 < $1.0 }) {
                    guard dim["unit"]?.stringValue == "Hrs", let usd = dim["pricePerUnit"]?["USD"] else {
                        otherUnit += 1
                        continue
                    }
                    guard case .string(let text) = usd, let price = Money(decimal: text), price > .zero, price <= plausibleHourly else {
                        if case .price = outcome {} else { outcome = .implausible }
                        continue
                    }
                    if case .price = outcome { continue }
                    outcome = .price(price)
                }
            }
            if case .none = outcome, otherUnit > 0 { outcome = .otherUnit(otherUnit) }
            outcomes[sku] = outcome
        }

        mutating func listItem(index: Int, _ item: JSONValue) throws(PricingError) {
            var value = item
            if case .string(let text) = item {
                var inner = JSONStream(bytes: Array(text.utf8))
                do throws(JSONStream.Failure) {
                    value = try inner.readValue()
                    try inner.expectEnd()
                } catch {
                    throw fail("PriceList item \(index) is not a JSON product (an object with a \"product\")")
                }
            }
            guard let product = value["product"], case .object = product else {
                throw fail("PriceList item \(index) is not a JSON product (an object with a \"product\")")
            }
            let sku = product["sku"]?.stringValue ?? "item \(index)"
            try self.product(sku: sku, product)
            guard hosting[sku] != nil else { return }
            if let date = value["publicationDate"]?.stringValue {
                guard isDate(date) else { throw fail("the publicationDate \(quoted(date)) of item \(index) is not a date") }
                itemDates[sku] = date
            }
            if let terms = value["terms"]?["OnDemand"] {
                try onDemand(sku: sku, terms)
            } else {
                outcomes[sku] = TermOutcome.none
            }
        }

        func result() -> PriceListImport.Result {
            var rows: [String: PriceRow] = [:]
            var skippedPrices = 0, implausible = 0, skippedProducts = self.skippedProducts
            // Products whose terms were kept although they turned out not to be hosting ones.
            for sku in hosting.keys.sorted() {
                let product = hosting[sku]!
                switch outcomes[sku] ?? TermOutcome.none {
                case .none: skippedPrices += 1  // a hosting product without an on-demand term
                case .otherUnit(let n): skippedPrices += n
                case .implausible: implausible += 1
                case .price(let price):
                    let published = itemDates[sku] ?? publicationDate
                    let date = published.map { String($0.prefix(10)) } ?? "unknown"
                    let source = "AWS Price List \(fileName) (" + (published.map { "publication date \($0)" } ?? "no publication date") + ")"
                    let key = product.region + " " + product.instanceType
                    // Two hosting products for one cell: the lower SKU wins, so the answer never depends on order.
                    if rows[key] != nil { skippedProducts += 1; continue }
                    rows[key] = PriceRow(region: product.region, instanceType: product.instanceType, hourly: price, source: source, asOf: date)
                }
            }
            return PriceListImport.Result(
                rows: PriceFiles.sorted(Array(rows.values)), skippedProducts: skippedProducts, skippedPrices: skippedPrices,
                implausiblePrices: implausible, offerVersion: version, publicationDate: publicationDate)
        }
    }

    /// `2026-11-20`, `2026-11-20T00:00:00Z`, `2026-11-20T00:00:00.123Z`.
    public static func isDate(_ s: String) -> Bool {
        let b = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.upperBound <= b.count && b[r].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard b.count >= 10, digits(0..<4), b[4] == UInt8(ascii: "-"), digits(5..<7), b[7] == UInt8(ascii: "-"), digits(8..<10) else { return false }
        if b.count == 10 { return true }
        guard b.count >= 20, b[10] == UInt8(ascii: "T"), digits(11..<13), b[13] == UInt8(ascii: ":"), digits(14..<16),
              b[16] == UInt8(ascii: ":"), digits(17..<19), b.last == UInt8(ascii: "Z") else { return false }
        if b.count == 20 { return true }
        return b[19] == UInt8(ascii: ".") && b.count <= 30 && digits(20..<(b.count - 1))
    }

    /// An offer version: 1 to 32 letters and digits.
    public static func isVersion(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 32 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// A string from a file, safe to show: quoted, control characters escaped, at most 80 characters.
    static func quoted(_ s: String) -> String {
        "\"" + TerminalSafe.text(s, limit: 80) + "\""
    }
}
