import Foundation

/// Which catalog a `Catalog` was read from.
public enum CatalogSource: Sendable, Equatable {
    /// The catalog bundled with the program (`data/catalog/`).
    case bundled
    /// The catalog `catalog update` wrote into the user's data folder: the snapshot folder.
    case updated(snapshot: String)
}

/// The catalog `catalog update` writes into `$XDG_DATA_HOME/jumpstart-tui/catalog/` (else
/// `~/.local/share/jumpstart-tui/catalog/`), in the same indexed form as the bundled one:
///
/// ```
/// catalog/current                → snapshots/20261126T084012Z-1234   (a symbolic link)
/// catalog/snapshots/<name>/      entries.tsv … specs.jsonl, update.json, base.txt
/// ```
///
/// An update writes a whole new snapshot folder, flushes it, and then switches `current` with one
/// `rename(2)`: a reader (a running wizard reads table lines lazily) keeps the folder it resolved
/// when it loaded, and a kill at any moment leaves the previous snapshot in use and intact.
/// `update.json` records every spec fetched (kept, or left out with its reason), so none is fetched
/// twice; `base.txt` names the bundled catalog it was merged with.
public enum UpdatedCatalog {
    public static let pointerName = "current"
    public static let snapshotsFolder = "snapshots"
    public static let stateFile = "update.json"
    public static let baseFile = "base.txt"

    /// The folder of the updated catalog, or nil when neither XDG_DATA_HOME nor HOME is set.
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        UserFolders.data(environment: environment)?.appendingPathComponent("catalog")
    }

    /// The snapshot `current` points at, resolved now; nil when there is none.
    public static func currentSnapshot(in folder: URL) -> URL? {
        let pointer = folder.appendingPathComponent(pointerName).path
        guard let resolved = realpath(pointer, nil) else { return nil }
        defer { free(resolved) }
        let path = String(cString: resolved)
        guard access(path + "/" + CatalogFormat.entriesFile, R_OK) == 0 else { return nil }
        return URL(fileURLWithPath: path)
    }

    /// What `base.txt` says of the bundled catalog a snapshot was merged with: the size of its
    /// `entries.tsv` (a new bundled catalog, from a newer program, has another).
    public static func baseLine(bundledData: URL) -> String? {
        var info = stat()
        guard stat(bundledData.appendingPathComponent("catalog").appendingPathComponent(CatalogFormat.entriesFile).path, &info) == 0 else { return nil }
        return "bundled-entries-bytes \(info.st_size)"
    }

    /// Whether the snapshot was merged with this bundled catalog.
    public static func matchesBundled(_ snapshot: URL, bundledData: URL) -> Bool {
        guard let first = baseLines(snapshot).first, let expected = baseLine(bundledData: bundledData) else { return false }
        return first == expected
    }

    /// `base.txt`: the bundled catalog's line, then `entries N` (how many rows `entries.tsv` has,
    /// so a cut-short index is noticed rather than read as a smaller catalog).
    public static func baseText(bundledData: URL, entries: Int) -> String {
        (baseLine(bundledData: bundledData) ?? "") + "\nentries \(entries)\n"
    }

    /// The number of entries the snapshot was written with; nil when `base.txt` doesn't say.
    public static func expectedEntries(_ snapshot: URL) -> Int? {
        baseLines(snapshot).dropFirst().first { $0.hasPrefix("entries ") }.flatMap { Int($0.dropFirst("entries ".count)) }
    }

    static func baseLines(_ snapshot: URL) -> [String] {
        guard let bytes = readFile(snapshot.appendingPathComponent(baseFile).path) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    // MARK: - What was fetched

    /// One spec `catalog update` fetched and read.
    public struct SpecRecord: Sendable, Equatable {
        public var key: String
        public var modelId: String
        public var version: String
        /// `kept`, or a `JumpStartSpec.LeftOut` raw value.
        public var outcome: String
        public var framework: String?

        public init(key: String, modelId: String, version: String, outcome: String, framework: String?) {
            self.key = key
            self.modelId = modelId
            self.version = version
            self.outcome = outcome
            self.framework = framework
        }
    }

    /// `update.json`: what the snapshot's updates fetched, and the last run.
    public struct State: Sendable, Equatable {
        public var updatedAt: String
        public var endpoint: String
        public var specs: [SpecRecord]
        /// Versions the last run added, left out (by reason) and could not fetch.
        public var lastAdded: Int
        public var lastLeftOut: [String: Int]
        public var lastFailed: [String]

        public init(updatedAt: String, endpoint: String, specs: [SpecRecord], lastAdded: Int, lastLeftOut: [String: Int], lastFailed: [String]) {
            self.updatedAt = updatedAt
            self.endpoint = endpoint
            self.specs = specs
            self.lastAdded = lastAdded
            self.lastLeftOut = lastLeftOut
            self.lastFailed = lastFailed
        }

        public var kept: [SpecRecord] { specs.filter { $0.outcome == "kept" } }

        /// Left-out counts by reason, over every update of this snapshot.
        public var leftOutByReason: [String: Int] {
            var out: [String: Int] = [:]
            for s in specs where s.outcome != "kept" { out[s.outcome, default: 0] += 1 }
            return out
        }

        /// Kept versions by framework (`unknown` for a spec that names none).
        public var frameworks: [String: Int] {
            var out: [String: Int] = [:]
            for s in specs where s.outcome == "kept" { out[s.framework ?? "unknown", default: 0] += 1 }
            return out
        }

        public func encoded() -> String {
            JSONText.pretty(.object([
                ("format", .int(1)),
                ("updatedAt", .string(updatedAt)),
                ("endpoint", .string(endpoint)),
                ("lastRun", .object([
                    ("added", .int(lastAdded)),
                    ("leftOut", .object(lastLeftOut.keys.sorted().map { ($0, .int(lastLeftOut[$0]!)) })),
                    ("failed", .array(lastFailed.map { .string($0) })),
                ])),
                ("specs", .array(specs.map { s in
                    var o: [(String, JSONText.Value)] = [("key", .string(s.key)), ("model", .string(s.modelId)), ("version", .string(s.version)),
                                                         ("outcome", .string(s.outcome))]
                    if let f = s.framework { o.append(("framework", .string(f))) }
                    return .object(o)
                })),
            ])) + "\n"
        }

        /// Reads `update.json`; nil when it is missing or not in this shape.
        public static func read(_ url: URL) -> State? {
            guard let bytes = readFile(url.path),
                  let o = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
                  o["format"] as? Int == 1, let updatedAt = o["updatedAt"] as? String, let endpoint = o["endpoint"] as? String,
                  let specs = o["specs"] as? [[String: Any]] else { return nil }
            var records: [SpecRecord] = []
            for s in specs {
                guard let key = s["key"] as? String, let model = s["model"] as? String, let version = s["version"] as? String,
                      let outcome = s["outcome"] as? String else { return nil }
                records.append(SpecRecord(key: key, modelId: model, version: version, outcome: outcome, framework: s["framework"] as? String))
            }
            let last = o["lastRun"] as? [String: Any] ?? [:]
            return State(updatedAt: updatedAt, endpoint: endpoint, specs: records, lastAdded: last["added"] as? Int ?? 0,
                         lastLeftOut: last["leftOut"] as? [String: Int] ?? [:], lastFailed: last["failed"] as? [String] ?? [])
        }
    }

    // MARK: - Writing a snapshot

    /// Why a snapshot could not be written; the catalog in use is as it was.
    public struct WriteFailure: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "Could not write the updated catalog \(path): \(reason). The catalog in use is as it was." }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Writes `files` (name → contents) as a new snapshot and switches `current` to it, then
    /// removes snapshots older than the one it replaced (a process that loaded that one may
    /// still be reading it) and folders of killed runs. Returns the new snapshot.
    @discardableResult
    public static func writeSnapshot(_ files: [String: String], in folder: URL, now: Date = Date()) throws(WriteFailure) -> URL {
        let fm = FileManager.default
        let snapshots = folder.appendingPathComponent(snapshotsFolder)
        do { try fm.createDirectory(at: snapshots, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
            throw WriteFailure(path: snapshots.path, reason: AtomicFile.reasonText(error))
        }
        removeAbandoned(in: snapshots)
        let partial = snapshots.appendingPathComponent(".partial-\(getpid())")
        try? fm.removeItem(at: partial)
        guard mkdir(partial.path, 0o755) == 0 else { throw WriteFailure(path: partial.path, reason: AtomicFile.errnoText(folder: snapshots.path)) }
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            do throws(AtomicFile.Failure) {
                try AtomicFile.write(Array(text.utf8), to: partial.appendingPathComponent(name), createFolder: false)
            } catch {
                try? fm.removeItem(at: partial)
                throw WriteFailure(path: error.path, reason: error.reason)
            }
        }
        let previous = currentSnapshot(in: folder)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        var name = "\(formatter.string(from: now))-\(getpid())"
        var n = 1
        while access(snapshots.appendingPathComponent(name).path, F_OK) == 0 {
            n += 1
            name = "\(formatter.string(from: now))-\(getpid())-\(n)"
        }
        let final = snapshots.appendingPathComponent(name)
        guard rename(partial.path, final.path) == 0 else {
            let reason = AtomicFile.errnoText()
            try? fm.removeItem(at: partial)
            throw WriteFailure(path: final.path, reason: reason)
        }
        syncFolder(snapshots.path)
        // The switch: a new link beside `current`, renamed over it (atomic on POSIX).
        let link = folder.appendingPathComponent(".\(pointerName).\(getpid()).tmp").path
        unlink(link)
        guard symlink("\(snapshotsFolder)/\(name)", link) == 0 else {
            throw WriteFailure(path: link, reason: AtomicFile.errnoText(folder: folder.path))
        }
        guard rename(link, folder.appendingPathComponent(pointerName).path) == 0 else {
            let reason = AtomicFile.errnoText()
            unlink(link)
            throw WriteFailure(path: folder.appendingPathComponent(pointerName).path, reason: reason)
        }
        syncFolder(folder.path)
        // Keep the new snapshot and the one it replaced; older ones are no one's anymore.
        let keep: Set<String> = [name, previous?.lastPathComponent].compactMap { $0 }.reduce(into: []) { $0.insert($1) }
        for old in (try? fm.contentsOfDirectory(atPath: snapshots.path)) ?? [] where !old.hasPrefix(".") && !keep.contains(old) {
            try? fm.removeItem(at: snapshots.appendingPathComponent(old))
        }
        return final
    }

    /// `.partial-<pid>` folders of runs that were killed before their switch.
    static func removeAbandoned(in snapshots: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: snapshots.path)) ?? [] where name.hasPrefix(".partial-") {
            guard let pid = Int32(name.dropFirst(".partial-".count)), pid > 0 else { continue }
            if pid == getpid() || kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: snapshots.appendingPathComponent(name))
            }
        }
    }

    static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }
}
