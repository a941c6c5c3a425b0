import Foundation
import JumpStartCore

/// `pricing update`: fetches AWS's public Price List for SageMaker, region by region, and keeps
/// the real-time hosting prices in the user's data folder (`UpdatedPrices`).
///
/// The region index (`/offers/v1.0/aws/AmazonSageMaker/current/region_index.json`) names each
/// region's current offer file; a region whose offer is the one already held is not fetched
/// again. Regions download in parallel (a small bound), each offer is streamed through the one
/// Price List reader and dropped, and the result is written once, atomically, at the end: a
/// failure or a kill leaves the previous file as it was, and a region that fails keeps exactly
/// the prices it had.
public enum PriceListUpdate {
    public static let defaultEndpoint = "https://pricing.us-east-1.amazonaws.com"
    public static let indexPath = "/offers/v1.0/aws/AmazonSageMaker/current/region_index.json"

    /// What happened to one region.
    public enum Outcome: Sendable, Equatable {
        /// A new offer was read: its hosting prices replace the region's. `skippedRows`: hosting
        /// rows whose price was not a plausible positive USD amount.
        case updated(prices: Int, offerVersion: String, publicationDate: String, skippedRows: Int)
        /// The index names the offer already held.
        case unchanged(prices: Int, publicationDate: String)
        /// Fetching or reading failed; the region keeps `keptPrices` prices it had.
        case failed(reason: String, keptPrices: Int)
        /// The region index does not list it (cn-north-1: China's prices are a separate list, in CNY).
        case notInPriceList

        public var isFailure: Bool { if case .failed = self { return true } else { return false } }
    }

    public struct RegionReport: Sendable, Equatable {
        public var region: String
        public var outcome: Outcome
    }

    /// The summary of one update.
    public struct Report: Sendable, Equatable {
        public var regions: [RegionReport]
        /// Bytes downloaded, the index included.
        public var bytes: Int
        public var seconds: Double
        /// The file written (or that would have been, when nothing changed).
        public var file: URL
        public var wroteFile: Bool
        /// The index's `publicationDate`.
        public var indexPublicationDate: String?
        /// Why the earlier file could not be read, when it was damaged and has been replaced.
        public var replacedDamagedFile: String?

        public var failed: Bool { regions.contains { $0.outcome.isFailure } }
        public func count(_ test: (Outcome) -> Bool) -> Int { regions.filter { test($0.outcome) }.count }
    }

    /// Progress, for a line on a terminal or the wizard's status line.
    public struct Progress: Sendable, Equatable {
        public var regionsDone: Int
        public var regionsTotal: Int
        public var bytes: Int
    }

    /// Why nothing was updated at all.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case index(FetchError)
        case malformedIndex(url: String, reason: String)
        case cannotWrite(path: String, reason: String)

        public var description: String {
            switch self {
            case .index(let e):
                return "Could not fetch the Price List's region index \(e.url): \(e.reason). Nothing was changed; check the network (HTTPS_PROXY is honoured) or give a mirror with --endpoint-url."
            case let .malformedIndex(url, reason):
                return "\(url) is not a Price List region index: \(reason). Nothing was changed; --endpoint-url must point at a Price List host or a mirror of it."
            case let .cannotWrite(path, reason):
                return "Could not write the updated Price List \(path): \(reason). The previous prices are kept."
            }
        }
    }

    /// Updates `regions` (JumpStart region names, in the order to report them) into `file`. When
    /// the file held is damaged it is replaced whole, so `allRegions` are fetched instead: updating
    /// only some would lose the others.
    public static func run(
        regions requested: [String], allRegions: [String], fetcher: HTTPFetcher, file: URL, parallel: Int = 4,
        progress: (@Sendable (Progress) -> Void)? = nil
    ) throws(Failure) -> Report {
        let started = Date()
        var held = UpdatedPrices()
        var damaged: String?
        do throws(PricingError) { held = try UpdatedPrices.read(file) } catch {
            if case let .damagedUpdatedFile(_, line, reason) = error { damaged = (line.map { "line \($0): " } ?? "") + reason } else { damaged = "\(error)" }
        }
        let regions = damaged == nil ? requested : allRegions

        let indexData: Data
        do throws(FetchError) { indexData = try fetcher.get(indexPath) } catch { throw .index(error) }
        let index = try parseIndex(indexData, url: fetcher.url(indexPath))

        let listed = regions.filter { index.versions[$0] != nil }
        let toFetch = listed.filter { held.regions[$0]?.versionURL != index.versions[$0] }
        let counter = DownloadTally(total: toFetch.count, bytes: indexData.count) { Progress(regionsDone: $0, regionsTotal: $1, bytes: $2) }
        progress?(counter.snapshot())

        let outcomes = ParallelWork.map(toFetch, parallel: parallel) { region in
            let outcome = fetchRegion(region, path: index.versions[region]!, fetcher: fetcher, counter: counter)
            progress?(counter.finishOne())
            return outcome
        }
        let results = Dictionary(uniqueKeysWithValues: zip(toFetch, outcomes))

        var next = held
        var reports: [RegionReport] = []
        for region in regions {
            guard let path = index.versions[region] else {
                reports.append(RegionReport(region: region, outcome: .notInPriceList))
                continue
            }
            guard let result = results[region] else {
                let h = held.regions[region]!
                reports.append(RegionReport(region: region, outcome: .unchanged(prices: h.prices.count, publicationDate: h.publicationDate)))
                continue
            }
            switch result {
            case .success(let (offer, skipped)):
                var r = offer
                r.versionURL = path
                next.regions[region] = r
                reports.append(RegionReport(region: region, outcome: .updated(
                    prices: r.prices.count, offerVersion: r.offerVersion, publicationDate: r.publicationDate, skippedRows: skipped)))
            case .failure(let failure):
                reports.append(RegionReport(region: region, outcome: .failed(reason: failure.reason, keptPrices: held.regions[region]?.prices.count ?? 0)))
            }
        }
        let changed = next != held || damaged != nil
        if changed {
            do throws(AtomicFile.Failure) {
                try AtomicFile.write(Array(next.encoded().utf8), to: file)
            } catch {
                throw .cannotWrite(path: error.path, reason: error.reason)
            }
        }
        return Report(regions: reports, bytes: counter.snapshot().bytes, seconds: Date().timeIntervalSince(started), file: file,
                      wroteFile: changed, indexPublicationDate: index.publicationDate, replacedDamagedFile: damaged)
    }

    /// One region: download, stream through the reader, keep that region's rows.
    static func fetchRegion(_ region: String, path: String, fetcher: HTTPFetcher, counter: DownloadTally<Progress>) -> Result<(UpdatedPrices.Region, Int), RegionFailure> {
        let data: Data
        do throws(FetchError) { data = try fetcher.get(path) } catch { return .failure(RegionFailure(reason: error.reason)) }
        counter.add(bytes: data.count)
        var offset = 0
        let chunk = 1 << 20
        var stream = JSONStream {
            guard offset < data.count else { return [] }
            let end = min(offset + chunk, data.count)
            defer { offset = end }
            return [UInt8](data[data.startIndex + offset ..< data.startIndex + end])
        }
        let result: PriceListImport.Result
        do throws(PricingError) {
            result = try PriceListReader.read(&stream, fileName: "\(region) offer")
        } catch {
            if case .malformedPriceList(_, let reason) = error { return .failure(RegionFailure(reason: "the offer file is not usable: \(reason)")) }
            return .failure(RegionFailure(reason: "\(error)"))
        }
        guard let version = result.offerVersion, let published = result.publicationDate else {
            return .failure(RegionFailure(reason: "the offer file has no version or publicationDate"))
        }
        let rows = result.rows.filter { $0.region == region }
        guard !rows.isEmpty else {
            return .failure(RegionFailure(reason: "the offer file holds no real-time hosting price for \(region) (\(result.skippedProducts) other products)"))
        }
        var prices: [String: Money] = [:]
        for r in rows { prices[r.instanceType] = r.hourly }
        return .success((UpdatedPrices.Region(region: region, offerVersion: version, publicationDate: published, versionURL: path, prices: prices),
                         result.implausiblePrices))
    }

    struct Index {
        var versions: [String: String]
        var publicationDate: String?
    }

    static func parseIndex(_ data: Data, url: String) throws(Failure) -> Index {
        var stream = JSONStream(bytes: [UInt8](data))
        let value: JSONValue
        do throws(JSONStream.Failure) {
            value = try stream.readValue()
            try stream.expectEnd()
        } catch {
            let start = String(decoding: data.prefix(40), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let looksHTML = start.lowercased().hasPrefix("<!doctype") || start.lowercased().hasPrefix("<html")
            throw .malformedIndex(url: url, reason: looksHTML ? "it is an HTML page, not JSON" : "it is not JSON (\(error.description))")
        }
        guard let regions = value["regions"]?.members else {
            throw .malformedIndex(url: url, reason: "it has no \"regions\" object")
        }
        var versions: [String: String] = [:]
        for (name, entry) in regions {
            guard PriceFiles.isRegionName(name) else {
                throw .malformedIndex(url: url, reason: "\"\(TerminalSafe.text(name, limit: 40))\" is not a region name")
            }
            guard let path = entry["currentVersionUrl"]?.stringValue, UpdatedPrices.isVersionPath(path) else {
                throw .malformedIndex(url: url, reason: "region \(name) has no currentVersionUrl path")
            }
            versions[name] = path
        }
        guard !versions.isEmpty else { throw .malformedIndex(url: url, reason: "it lists no region") }
        let date = value["publicationDate"]?.stringValue.flatMap { PriceListReader.isDate($0) ? $0 : nil }
        return Index(versions: versions, publicationDate: date)
    }
}

/// Why one region failed, in words.
struct RegionFailure: Error {
    var reason: String
}
