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
        /// Hosting price dimensions in another unit or another currency.
        public var skippedPrices: Int
        /// Hosting prices per hour in USD that are not a plausible positive amount (zero, negative,
        /// not a number, above `PriceListReader.plausibleHourly`).
        public var implausiblePrices: Int
        /// The offer's `version` and `publicationDate`, for an offer file (the last one read).
        public var offerVersion: String? = nil
        public var publicationDate: String? = nil

        public init(rows: [PriceRow], skippedProducts: Int, skippedPrices: Int, implausiblePrices: Int,
                    offerVersion: String? = nil, publicationDate: String? = nil) {
            self.rows = rows
            self.skippedProducts = skippedProducts
            self.skippedPrices = skippedPrices
            self.implausiblePrices = implausiblePrices
            self.offerVersion = offerVersion
            self.publicationDate = publicationDate
        }
    }

    /// Reads the files in order, each streamed (a 275 MB offer file never sits in memory whole);
    /// the first malformed one stops everything. `progress` is told each file's bytes read so far.
    public static func read(files: [URL], progress: ((_ file: String, _ bytesRead: Int, _ size: Int) -> Void)? = nil) throws(PricingError) -> Result {
        var rows: [String: PriceRow] = [:]
        var skippedProducts = 0, skippedPrices = 0, implausiblePrices = 0
        for url in files {
            let result: Result
            do throws(PricingError) {
                result = try readFile(url, progress: progress.map { report in { report(url.path, $0, $1) } })
            } catch {
                // Name the file as it was given, so two files of the same name can be told apart.
                if case .malformedPriceList(_, let reason) = error { throw .malformedPriceList(file: url.path, reason: reason) }
                throw error
            }
            skippedProducts += result.skippedProducts
            skippedPrices += result.skippedPrices
            implausiblePrices += result.implausiblePrices
            for row in result.rows {
                let key = row.region + " " + row.instanceType
                // The same cell twice (several pages or files): the newer publication wins.
                if let old = rows[key], old.asOf >= row.asOf { continue }
                rows[key] = row
            }
        }
        return Result(rows: PriceFiles.sorted(Array(rows.values)), skippedProducts: skippedProducts, skippedPrices: skippedPrices,
                      implausiblePrices: implausiblePrices)
    }

    /// Streams one file from disk.
    static func readFile(_ url: URL, progress: ((_ bytesRead: Int, _ size: Int) -> Void)?) throws(PricingError) -> Result {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            throw .malformedPriceList(file: url.path, reason: "the file does not exist or can't be read")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .malformedPriceList(file: url.path, reason: "it is not a regular file")
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw .malformedPriceList(file: url.path, reason: "the file can't be opened for reading")
        }
        defer { try? handle.close() }
        let size = Int(info.st_size)
        var stream = JSONStream.file(handle, progress: progress.map { report in { report($0, size) } })
        return try PriceListReader.read(&stream, fileName: url.lastPathComponent)
    }

    /// Reads one file's bytes; `fileName` names it in sources and errors.
    public static func read(_ data: Data, fileName: String) throws(PricingError) -> Result {
        var stream = JSONStream(bytes: [UInt8](data))
        return try PriceListReader.read(&stream, fileName: fileName)
    }

    /// The user's prices after an import: the imported cells replace the same cells; the user's
    /// other cells stay unless `replacing` is set.
    public static func merge(existing: [PriceRow], imported: [PriceRow], replacing: Bool) -> [PriceRow] {
        var byCell: [String: PriceRow] = [:]
        if !replacing { for r in existing { byCell[r.region + " " + r.instanceType] = r } }
        for r in imported { byCell[r.region + " " + r.instanceType] = r }
        return PriceFiles.sorted(Array(byCell.values))
    }

    /// Writes the user's price file whole or not at all (`AtomicFile`: fsync, rename, stale
    /// temporaries of killed runs removed).
    public static func writeUserFile(_ rows: [PriceRow], to url: URL) throws(PricingError) {
        do throws(AtomicFile.Failure) {
            try AtomicFile.write(Array(PriceFiles.encodePrices(rows).utf8), to: url)
        } catch {
            throw .cannotWrite(path: url.path, reason: error.reason)
        }
    }
}
