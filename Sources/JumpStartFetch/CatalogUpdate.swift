import Foundation
import JumpStartCore

/// `catalog update`: reads JumpStart's public manifest, fetches the specs of versions not held
/// yet, resolves each as the SageMaker SDK does (`JumpStartSpec`), and writes the bundled catalog
/// plus every fetched version as a new snapshot of the updated catalog (`UpdatedCatalog`).
///
/// A spec once fetched — kept, or left out for a reason in it — is recorded and never fetched
/// again; one that failed to arrive or to parse is not recorded, so the next update tries it again.
public enum CatalogUpdate {
    public static let defaultEndpoint = "https://jumpstart-cache-prod-us-east-1.s3.us-east-1.amazonaws.com"
    public static let manifestPath = "models_manifest.json"

    /// One version that could not be fetched or read.
    public struct Failed: Error, Sendable, Equatable {
        public var reference: String
        public var reason: String
    }

    public struct Report: Sendable, Equatable {
        /// Versions the manifest lists, and models.
        public var manifestVersions: Int
        public var manifestModels: Int
        /// Versions fetched this time (or that would have been, had they arrived).
        public var selected: Int
        public var added: [String]
        /// Left out this time, by reason (a `JumpStartSpec.LeftOut` raw value).
        public var leftOut: [String: [String]]
        public var failed: [Failed]
        /// Manifest elements whose version is not numbers: not fetched.
        public var unreadableVersions: [String]
        public var bytes: Int
        public var seconds: Double
        /// The snapshot written, nil when nothing changed.
        public var snapshot: URL?
        public var folder: URL
        /// Versions in the catalog now: bundled, and fetched (over every update).
        public var bundledVersions: Int
        public var fetchedVersions: Int
        /// Why the earlier updated catalog was merged again (another bundled catalog, or damaged).
        public var rebuilt: String?

        public var hasFailures: Bool { !failed.isEmpty }
    }

    public struct Progress: Sendable, Equatable {
        public var done: Int
        public var total: Int
        public var bytes: Int
    }

    /// Why nothing was updated at all.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case manifest(FetchError)
        case malformedManifest(url: String, reason: String)
        case busy(path: String)
        case cannotWrite(UpdatedCatalog.WriteFailure)
        case catalog(String)

        public var description: String {
            switch self {
            case .manifest(let e):
                return "Could not fetch JumpStart's model manifest \(e.url): \(e.reason). Nothing was changed; check the network (HTTPS_PROXY is honoured) or give a mirror with --endpoint-url."
            case let .malformedManifest(url, reason):
                return "\(url) is not a JumpStart model manifest: \(reason). Nothing was changed; --endpoint-url must point at JumpStart's content bucket or a mirror of it."
            case .busy(let path):
                return "Another catalog update is running (it holds \(path)). Wait for it to finish; nothing was changed."
            case .cannotWrite(let f):
                return f.description
            case .catalog(let reason):
                return "Could not read the catalog to merge with: \(reason). Nothing was changed."
            }
        }
    }

    /// Runs one update into `folder` (the updated catalog's folder). `bundled` is the program's
    /// own catalog; `bundledData` its data folder.
    public static func run(
        fetcher: HTTPFetcher, folder: URL, bundled: Catalog, bundledData: URL, allVersions: Bool, parallel: Int = 8,
        now: Date = Date(), progress: (@Sendable (Progress) -> Void)? = nil
    ) throws(Failure) -> Report {
        let started = Date()
        let lock = try Lock(folder: folder)
        defer { lock.release() }

        // What is held: the bundled catalog, and what earlier updates fetched.
        var previousState: UpdatedCatalog.State?
        var previousFetched: [CatalogEntry] = []
        var rebuilt: String?
        if let snapshot = UpdatedCatalog.currentSnapshot(in: folder) {
            do throws(CatalogError) {
                guard let state = UpdatedCatalog.State.read(snapshot.appendingPathComponent(UpdatedCatalog.stateFile)) else {
                    throw CatalogError.damaged(file: snapshot.appendingPathComponent(UpdatedCatalog.stateFile).path, line: nil, reason: "not an update record")
                }
                let earlier = try Catalog(directory: snapshot, dataDirectory: bundledData, source: .updated(snapshot: snapshot.path))
                if let expected = UpdatedCatalog.expectedEntries(snapshot), expected != earlier.count {
                    throw CatalogError.damaged(file: snapshot.appendingPathComponent(CatalogFormat.entriesFile).path, line: nil,
                                               reason: "\(earlier.count) entries, not the \(expected) it was written with")
                }
                previousFetched = try earlier.fetchedEntries()
                previousState = state
                if !UpdatedCatalog.matchesBundled(snapshot, bundledData: bundledData) {
                    rebuilt = "it was merged with another bundled catalog; merged again with this program's"
                }
            } catch {
                rebuilt = "the earlier updated catalog could not be read (\(error)); it is replaced, and its specs are fetched again"
                previousFetched = []
            }
        }
        var held: [String: Set<ModelVersion>] = [:]
        let bundledSummaries: [EntrySummary]
        do throws(CatalogError) { bundledSummaries = try bundled.allSummaries() } catch { throw .catalog("\(error)") }
        for s in bundledSummaries { held[s.modelId, default: []].insert(s.version) }
        var records = previousState?.specs ?? []
        for r in records { if let v = ModelVersion(r.version) { held[r.modelId, default: []].insert(v) } }

        // The manifest.
        let manifestBytes: Data
        do throws(FetchError) { manifestBytes = try fetcher.get(manifestPath) } catch { throw .manifest(error) }
        let manifest: JumpStartManifest
        do throws(JumpStartManifest.Malformed) { manifest = try JumpStartManifest.parse([UInt8](manifestBytes)) } catch {
            throw .malformedManifest(url: fetcher.url(manifestPath), reason: error.reason)
        }
        var selected = manifest.selection(held: held, allVersions: allVersions)
        // Versions that failed last time are tried again, even when older than the newest held.
        let retry = Set(previousState?.lastFailed ?? [])
        let chosen = Set(selected.map(\.reference))
        selected += manifest.entries.filter { e in
            retry.contains(e.reference) && !chosen.contains(e.reference) && !(held[e.modelId]?.contains(e.version) ?? false)
        }
        selected.sort { ($0.modelId, $0.version) < ($1.modelId, $1.version) }

        // Deprecated in the manifest: left out without fetching.
        var leftOut: [String: [String]] = [:]
        var toFetch: [JumpStartManifest.Entry] = []
        for e in selected {
            if e.deprecated {
                leftOut[JumpStartSpec.LeftOut.deprecated.rawValue, default: []].append(e.reference)
                records.append(.init(key: e.specKey, modelId: e.modelId, version: e.version.text, outcome: JumpStartSpec.LeftOut.deprecated.rawValue, framework: nil))
            } else {
                toFetch.append(e)
            }
        }
        let counter = DownloadTally(total: toFetch.count, bytes: manifestBytes.count) { Progress(done: $0, total: $1, bytes: $2) }
        progress?(counter.snapshot())
        let regions = bundled.regions.names
        let outcomes = ParallelWork.map(toFetch, parallel: parallel) { e -> Result<JumpStartSpec.Outcome, Failed> in
            defer { progress?(counter.finishOne()) }
            let data: Data
            do throws(FetchError) { data = try fetcher.get(e.specKey) } catch {
                return .failure(Failed(reference: e.reference, reason: error.reason))
            }
            counter.add(bytes: data.count)
            do throws(JumpStartSpec.Malformed) {
                return .success(try JumpStartSpec.read([UInt8](data), modelId: e.modelId, version: e.version, specKey: e.specKey, regions: regions))
            } catch {
                return .failure(Failed(reference: e.reference, reason: "the spec is not usable: \(error.reason)"))
            }
        }
        var added: [CatalogEntry] = []
        var failed: [Failed] = []
        for (e, outcome) in zip(toFetch, outcomes) {
            switch outcome {
            case .success(.kept(let entry)):
                added.append(entry)
                records.append(.init(key: e.specKey, modelId: e.modelId, version: e.version.text, outcome: "kept", framework: entry.origin?.framework))
            case let .success(.leftOut(reason, framework)):
                leftOut[reason.rawValue, default: []].append(e.reference)
                records.append(.init(key: e.specKey, modelId: e.modelId, version: e.version.text, outcome: reason.rawValue, framework: framework))
            case .failure(let f):
                failed.append(f)
            }
        }

        // Write a new snapshot when something was learnt, or the earlier one must be merged again.
        let changed = records.count != (previousState?.specs.count ?? 0) || rebuilt != nil
        var snapshot: URL?
        let fetched = previousFetched + added
        if changed {
            // The bundled catalog's files, kept as they are; the fetched entries are laid over them.
            var base: [String: String] = [:]
            let bundledFolder = bundledData.appendingPathComponent("catalog")
            for name in [CatalogFormat.entriesFile, CatalogFormat.regionsFile, CatalogFormat.environmentsFile, CatalogFormat.variantsFile,
                         CatalogFormat.aliasesFile, CatalogFormat.packagesFile] {
                guard let data = FileManager.default.contents(atPath: bundledFolder.appendingPathComponent(name).path) else {
                    throw .catalog("the bundled \(bundledFolder.path)/\(name) can't be read")
                }
                base[name] = String(decoding: data, as: UTF8.self)
            }
            // A bundled catalog refreshed by `make refresh-data` has fetched rows of its own.
            if let data = FileManager.default.contents(atPath: bundledFolder.appendingPathComponent(CatalogFormat.specsFile).path) {
                base[CatalogFormat.specsFile] = String(decoding: data, as: UTF8.self)
            }
            // Masks by the catalog rules alone, as the bundled rows have them; CloudFormation's offer is laid over them when read.
            var files = CatalogFormat.encode(entries: fetched, regions: RegionTable(regions: bundled.regions.regions), over: base)
            let formatter = ISO8601DateFormatter()
            let state = UpdatedCatalog.State(
                updatedAt: formatter.string(from: now), endpoint: fetcher.base, specs: records, lastAdded: added.count,
                lastLeftOut: leftOut.mapValues(\.count), lastFailed: failed.map(\.reference))
            files[UpdatedCatalog.stateFile] = state.encoded()
            let rows = files[CatalogFormat.entriesFile]!.split(separator: "\n").filter { !$0.hasPrefix("#") }.count
            files[UpdatedCatalog.baseFile] = UpdatedCatalog.baseText(bundledData: bundledData, entries: rows)
            do throws(UpdatedCatalog.WriteFailure) {
                snapshot = try UpdatedCatalog.writeSnapshot(files, in: folder, now: now)
            } catch {
                throw .cannotWrite(error)
            }
        }
        return Report(
            manifestVersions: manifest.entries.count, manifestModels: Set(manifest.entries.map(\.modelId)).count, selected: selected.count,
            added: added.map(\.reference), leftOut: leftOut, failed: failed, unreadableVersions: manifest.unreadableVersions,
            bytes: counter.snapshot().bytes, seconds: Date().timeIntervalSince(started), snapshot: snapshot, folder: folder,
            bundledVersions: bundledSummaries.count - Set(fetched.map(\.reference)).intersection(bundledSummaries.map(\.reference)).count,
            fetchedVersions: fetched.count, rebuilt: rebuilt)
    }

    /// One update at a time per folder: `flock` on `catalog/.lock`, released when the process ends.
    struct Lock {
        let fd: Int32

        init(folder: URL) throws(Failure) {
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
                throw .cannotWrite(UpdatedCatalog.WriteFailure(path: folder.path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription))
            }
            let path = folder.appendingPathComponent(".lock").path
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw .cannotWrite(UpdatedCatalog.WriteFailure(path: path, reason: String(cString: strerror(errno)))) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                close(fd)
                throw .busy(path: path)
            }
            self.fd = fd
        }

        func release() {
            flock(fd, LOCK_UN)
            close(fd)
        }
    }
}
