import Foundation

/// The JumpStart model catalog, read from the bundled `data/catalog/` (see `CatalogFormat`).
///
/// Loading reads the index and the region table only; an entry's environment, image aliases and
/// model package ARNs are parsed the first time that entry is asked for, and cached.
public final class Catalog: @unchecked Sendable {
    public let regions: RegionTable
    /// Regions not known to lack the template's resource types (`RegionTable.cloudFormationMask`).
    let cloudFormationMask: UInt32
    public let planner: DeploymentPlanner
    /// Every model id, sorted.
    public let modelIds: [String]

    private let index: [UInt8]
    private let lines: [Range<Int>]
    private let rowsByModel: [String: Range<Int>]
    private let tables: [String: LineTable]
    private let lock = NSLock()
    private var summaryCache: [EntrySummary?]
    /// For each row, its model's index in `modelIds`.
    private let rowModel: [Int]
    private var entryCache: [Int: CatalogEntry] = [:]
    /// How messages name this catalog's files: `catalog/` for the bundled one, else the folder.
    private let label: String
    private var entriesPath: String { label + CatalogFormat.entriesFile }

    struct RowDetail {
        var artifactKey: String?
        var prepackedArtifactKey: String?
        var environment: Int
        var variants: Int?
        var aliases: Int?
        var packages: Int?
        var spec: Int?
    }

    /// The catalog bundled with the program (see `DataLocation`). Loaded once per process.
    /// Commands use `inUse()`, which prefers the updated catalog.
    public static func bundled() throws(CatalogError) -> Catalog {
        try LoadedCatalogs.shared.getBundled()
    }

    /// Loads the catalog in `dataDirectory/catalog/`: the region table and the index's line
    /// boundaries and model ids. A row's fields are parsed the first time it is asked for.
    public convenience init(dataDirectory: URL) throws(CatalogError) {
        try self.init(directory: dataDirectory.appendingPathComponent("catalog"), dataDirectory: dataDirectory, source: .bundled)
    }

    /// Which catalog this is: the bundled one, or one `catalog update` wrote.
    public let source: CatalogSource
    /// The folder its files are read from (for an updated catalog, the snapshot the pointer named
    /// when it was loaded: a later update never mixes its files into this one).
    public let directory: URL

    /// Loads the catalog files in `directory`; the CloudFormation offer per region comes from the
    /// bundled `dataDirectory`.
    public init(directory dir: URL, dataDirectory: URL, source: CatalogSource) throws(CatalogError) {
        self.source = source
        self.directory = dir
        let label = source == .bundled ? "catalog/" : dir.path + "/"
        let entriesPath = label + CatalogFormat.entriesFile
        self.label = label
        self.regions = try Self.loadRegions(dir.appendingPathComponent(CatalogFormat.regionsFile), dataDirectory: dataDirectory, label: label)
        self.planner = DeploymentPlanner(regions: regions)
        self.cloudFormationMask = regions.cloudFormationMask
        let bytes = try Self.readBytes(dir.appendingPathComponent(CatalogFormat.entriesFile), label: label)
        var lines: [Range<Int>] = []
        lines.reserveCapacity(8_300)
        var byModel: [String: Range<Int>] = [:]
        var ids: [String] = []
        try bytes.withUnsafeBufferPointer { (buf) throws(CatalogError) in
            var start = 0
            var groupStart = 0
            var groupId: Range<Int>? = nil
            func closeGroup() {
                if let g = groupId, lines.count > groupStart {
                    let id = String(decoding: UnsafeBufferPointer(rebasing: buf[g]), as: UTF8.self)
                    byModel[id] = groupStart..<lines.count
                    ids.append(id)
                }
            }
            while start < buf.count {
                // memchr: a byte loop over the 3 MB index was most of the start-up time.
                let end = memchr(buf.baseAddress! + start, 10, buf.count - start)
                    .map { buf.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? buf.count
                if end > start, buf[start] != 35 /* # */ {
                    var tab = start
                    while tab < end, buf[tab] != 9 { tab += 1 }
                    guard tab < end, tab > start else {
                        throw .damaged(file: entriesPath, line: lines.count + 2, reason: "a line without fields")
                    }
                    let same = groupId.map { g in g.count == tab - start && buf[g].elementsEqual(buf[start..<tab]) } ?? false
                    if !same {
                        closeGroup()
                        groupStart = lines.count
                        groupId = start..<tab
                    }
                    // A CRLF file (edited on another system): the CR is not part of the last field.
                    lines.append(start..<(buf[end - 1] == 13 ? end - 1 : end))
                }
                start = end + 1
            }
            closeGroup()
        }
        guard !lines.isEmpty else { throw .damaged(file: entriesPath, line: nil, reason: "no entries") }
        guard ids.count == byModel.count else {
            throw .damaged(file: entriesPath, line: nil, reason: "entries are not grouped by model id")
        }
        self.index = bytes
        self.lines = lines
        self.rowsByModel = byModel
        self.modelIds = ids
        self.summaryCache = Array(repeating: nil, count: lines.count)
        var rowModel = [Int](repeating: 0, count: lines.count)
        for (i, id) in ids.enumerated() { for row in byModel[id]! { rowModel[row] = i } }
        self.rowModel = rowModel
        var tables: [String: LineTable] = [:]
        for name in [CatalogFormat.environmentsFile, CatalogFormat.variantsFile, CatalogFormat.aliasesFile, CatalogFormat.packagesFile, CatalogFormat.specsFile] {
            tables[name] = LineTable(url: dir.appendingPathComponent(name), label: label + name)
        }
        self.tables = tables
    }

    /// Number of entries (every version of every model).
    public var count: Int { lines.count }

    // MARK: - Lists

    /// Every version of a model, oldest first; empty for an unknown id.
    public func versions(of modelId: String) throws(CatalogError) -> [EntrySummary] {
        guard let range = rowsByModel[modelId] else { return [] }
        var out: [EntrySummary] = []
        out.reserveCapacity(range.count)
        for row in range { out.append(try summary(row: row)) }
        return out
    }

    /// The newest version of a model.
    public func newest(of modelId: String) throws(CatalogError) -> EntrySummary? {
        guard let range = rowsByModel[modelId], let last = range.last else { return nil }
        return try summary(row: last)
    }

    /// Every entry, by model id, oldest version first.
    public func allSummaries() throws(CatalogError) -> [EntrySummary] {
        var out: [EntrySummary] = []
        out.reserveCapacity(lines.count)
        for row in lines.indices { out.append(try summary(row: row)) }
        return out
    }

    /// The newest version of each model, in model id order; or every version (newest first within
    /// each model) when `allVersions` is set.
    public func summaries(allVersions: Bool = false) throws(CatalogError) -> [EntrySummary] {
        var out: [EntrySummary] = []
        for id in modelIds {
            if allVersions {
                out += try versions(of: id).reversed()
            } else if let newest = try newest(of: id) {
                out.append(newest)
            }
        }
        return out
    }

    /// Models whose id contains every word of the query (case-insensitive); all models for an empty query.
    public func search(_ query: String, allVersions: Bool = false) throws(CatalogError) -> [EntrySummary] {
        let filter = ModelFilter(try summaries(allVersions: allVersions))
        return filter.matches(query).map { filter.summaries[$0] }
    }

    /// The entries `catalog update` fetched (rows with a spec reference), in catalog order.
    public func fetchedEntries() throws(CatalogError) -> [CatalogEntry] {
        var out: [CatalogEntry] = []
        for row in lines.indices {
            let f = try fieldRanges(row)
            if f.count > 13, !f[13].isEmpty { out.append(try entry(try summary(row: row))) }
        }
        return out
    }

    /// The newest version of the model whose default instance type deploys in the region.
    public func newestDeployableVersion(of modelId: String, region: String) throws(CatalogError) -> EntrySummary? {
        let index = regions.index(of: region)
        return try versions(of: modelId).last { $0.deploysWithDefault(regionIndex: index) }
    }

    // MARK: - Lookup

    /// `MODEL` (its newest version) or `MODEL@VERSION`.
    public func summary(reference: String) throws(CatalogError) -> EntrySummary {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let modelId = parts.first, !modelId.isEmpty, parts.count == 1 || !parts[1].isEmpty else {
            throw .badReference(reference)
        }
        guard let range = rowsByModel[modelId] else {
            throw .unknownModel(modelId, suggestions: Suggestions.closest(to: modelId, in: modelIds))
        }
        guard parts.count == 2 else { return try summary(row: range.upperBound - 1) }
        let versions = try self.versions(of: modelId)
        if let match = versions.first(where: { $0.version.text == parts[1] }) { return match }
        throw .unknownVersion(model: modelId, version: parts[1], available: versions.reversed().prefix(12).map(\.version.text))
    }

    /// The whole entry for a reference.
    public func entry(reference: String) throws(CatalogError) -> CatalogEntry {
        try entry(try summary(reference: reference))
    }

    /// The whole entry behind a summary, parsing only the table lines it refers to.
    public func entry(_ summary: EntrySummary) throws(CatalogError) -> CatalogEntry {
        lock.lock()
        if let cached = entryCache[summary.row] { lock.unlock(); return cached }
        lock.unlock()
        let d = try detail(row: summary.row)
        let environment: [EnvironmentVariable] = try line(CatalogFormat.environmentsFile, d.environment, CatalogFormat.decodeEnvironment)
        let variants: [InstanceVariant]? = try d.variants.map { i throws(CatalogError) in try line(CatalogFormat.variantsFile, i, CatalogFormat.decodeVariants) }
        let aliases: [RegionAliases]? = try d.aliases.map { i throws(CatalogError) in try line(CatalogFormat.aliasesFile, i, CatalogFormat.decodeAliases) }
        let packages: [String: String]? = try d.packages.map { i throws(CatalogError) in try line(CatalogFormat.packagesFile, i, CatalogFormat.decodePackages) }
        var entry = CatalogEntry(
            modelId: summary.modelId, version: summary.version, defaultInstanceType: summary.defaultInstanceType,
            instanceTypes: summary.instanceTypes, environment: environment, artifactKey: d.artifactKey,
            prepackedArtifactKey: d.prepackedArtifactKey, gatedBucket: summary.gatedBucket,
            requiresEula: summary.requiresEula, modelPackageArns: packages, instanceAliases: aliases,
            instanceVariants: variants)
        if let specLine = d.spec {
            let spec: [String: Any] = try line(CatalogFormat.specsFile, specLine) { $0 as? [String: Any] }
            guard let key = spec["specKey"] as? String else { throw .damaged(file: label + CatalogFormat.specsFile, line: specLine + 1, reason: "no specKey") }
            entry.origin = FetchedOrigin(specKey: key, framework: spec["framework"] as? String)
            entry.configName = spec["config"] as? String
            entry.startupTimeouts = Self.startup(spec)
            for raw in spec["configs"] as? [[String: Any]] ?? [] {
                entry.configs.append(try config(raw, line: specLine))
            }
        }
        lock.lock()
        entryCache[summary.row] = entry
        lock.unlock()
        return entry
    }

    static func startup(_ o: [String: Any]) -> StartupTimeouts {
        StartupTimeouts(healthCheck: (o["healthCheckTimeout"] as? NSNumber).flatMap { CatalogFormat.exactInteger($0) },
                        modelDataDownload: (o["modelDataDownloadTimeout"] as? NSNumber).flatMap { CatalogFormat.exactInteger($0) })
    }

    /// One config of a fetched entry's `specs.jsonl` line, its facts read from the shared tables.
    private func config(_ o: [String: Any], line specLine: Int) throws(CatalogError) -> DeploymentConfig {
        let damaged = CatalogError.damaged(file: label + CatalogFormat.specsFile, line: specLine + 1, reason: "a config is not in the expected shape")
        guard let name = o["name"] as? String else { throw damaged }
        func int(_ v: Any?) -> Int? { (v as? NSNumber).flatMap { CatalogFormat.exactInteger($0) } }
        func requirements(_ v: Any?) -> ResourceRequirements? {
            guard let r = v as? [String: Any] else { return nil }
            return ResourceRequirements(minMemoryMB: int(r["minMemoryMB"]), accelerators: int(r["accelerators"]))
        }
        var benchmarks: [String: [BenchmarkMetric]] = [:]
        for (type, list) in o["benchmarks"] as? [String: [[String: Any]]] ?? [:] {
            benchmarks[type] = list.compactMap { m in
                guard let n = m["name"] as? String, let v = m["value"] as? String, let u = m["unit"] as? String else { return nil }
                return BenchmarkMetric(name: n, value: v, unit: u, concurrency: int(m["concurrency"]))
            }
        }
        var byType: [String: ResourceRequirements] = [:]
        for (type, r) in o["requirementsByType"] as? [String: Any] ?? [:] { byType[type] = requirements(r) }
        var fields: ConfigFields?
        if let f = o["fields"] as? [String: Any] {
            guard let def = f["defaultInstanceType"] as? String, let types = f["instanceTypes"] as? [String], let env = int(f["environment"]) else { throw damaged }
            fields = ConfigFields(
                defaultInstanceType: def, instanceTypes: types,
                environment: try line(CatalogFormat.environmentsFile, env, CatalogFormat.decodeEnvironment),
                artifactKey: f["artifactKey"] as? String, prepackedArtifactKey: f["prepackedArtifactKey"] as? String,
                gatedBucket: f["gated"] as? Bool ?? false, requiresEula: f["requiresEula"] as? String,
                modelPackageArns: try int(f["packages"]).map { i throws(CatalogError) in try line(CatalogFormat.packagesFile, i, CatalogFormat.decodePackages) },
                instanceAliases: try int(f["aliases"]).map { i throws(CatalogError) in try line(CatalogFormat.aliasesFile, i, CatalogFormat.decodeAliases) },
                instanceVariants: try int(f["variants"]).map { i throws(CatalogError) in try line(CatalogFormat.variantsFile, i, CatalogFormat.decodeVariants) },
                framework: f["framework"] as? String, startup: Self.startup(f))
        }
        return DeploymentConfig(name: name, rank: int(o["rank"]), benchmarks: benchmarks, requirements: requirements(o["requirements"]),
                                requirementsByType: byType, fields: fields, leftOut: o["leftOut"] as? String)
    }

    private func line<T>(_ file: String, _ index: Int, _ decode: (Any) -> T?) throws(CatalogError) -> T {
        guard let table = tables[file] else { throw .damaged(file: file, line: nil, reason: "unknown table") }
        let object = try table.object(at: index, file: file)
        guard let value = decode(object) else {
            let what = file == CatalogFormat.environmentsFile
                ? "an environment must map names (letters, digits and _) to strings or whole numbers"
                : "unexpected JSON shape"
            throw .damaged(file: label + file, line: index + 1, reason: what)
        }
        return value
    }

    /// Parses the fields a list needs from one index row (once; cached). The rest of the row
    /// (artifact keys, table references) waits for `entry(_:)`: listing every version parses all
    /// 8,236 rows, so each String not made here is 8,236 allocations saved.
    private func summary(row: Int) throws(CatalogError) -> EntrySummary {
        lock.lock()
        if let cached = summaryCache[row] { lock.unlock(); return cached }
        lock.unlock()
        let n = row + 2  // the header is line 1
        let f = try fieldRanges(row)
        func text(_ i: Int) -> String { String(decoding: index[f[i]], as: UTF8.self) }
        let versionText = text(1)
        guard let version = ModelVersion(versionText) else { throw .damaged(file: entriesPath, line: n, reason: "bad version \(versionText)") }
        let types = index[f[3]].split(separator: 44 /* , */).map { String(decoding: $0, as: UTF8.self) }
        var masks: [UInt32] = []
        masks.reserveCapacity(types.count)
        for piece in index[f[4]].split(separator: 44) {
            var value: UInt32 = 0
            for byte in piece {
                let digit: UInt32
                switch byte {
                case 48...57: digit = UInt32(byte - 48)
                case 97...102: digit = UInt32(byte - 87)
                default: throw .damaged(file: entriesPath, line: n, reason: "bad region mask")
                }
                value = value << 4 | digit
            }
            // The stored masks follow the construct's rules; CloudFormation's offer per region is laid over them.
            masks.append(value & cloudFormationMask)
        }
        let regionCount = UInt32(regions.regions.count)
        guard !types.isEmpty, masks.count == types.count, masks.allSatisfy({ $0 >> regionCount == 0 }) else {
            throw .damaged(file: entriesPath, line: n, reason: "instance types and region masks don't match")
        }
        let summary = EntrySummary(
            modelId: modelIds[rowModel[row]], version: version, defaultInstanceType: text(2), instanceTypes: types,
            regionMasks: masks, gatedBucket: index[f[5]].elementsEqual([49]), requiresEula: f[6].isEmpty ? nil : text(6),
            isModelPackage: !f[12].isEmpty, row: row)
        lock.lock()
        summaryCache[row] = summary
        lock.unlock()
        return summary
    }

    /// The artifact keys and table references of a row.
    private func detail(row: Int) throws(CatalogError) -> RowDetail {
        let n = row + 2
        let f = try fieldRanges(row)
        func text(_ i: Int) -> String { String(decoding: index[f[i]], as: UTF8.self) }
        func ref(_ i: Int) throws(CatalogError) -> Int? {
            if f[i].isEmpty { return nil }
            guard let value = Int(text(i)), value >= 0 else { throw .damaged(file: entriesPath, line: n, reason: "bad reference \(text(i))") }
            return value
        }
        guard let env = try ref(9) else { throw .damaged(file: entriesPath, line: n, reason: "bad environment reference") }
        return RowDetail(
            artifactKey: f[7].isEmpty ? nil : text(7), prepackedArtifactKey: f[8].isEmpty ? nil : text(8),
            environment: env, variants: try ref(10), aliases: try ref(11), packages: try ref(12), spec: f.count > 13 ? try ref(13) : nil)
    }

    /// The byte ranges of a row's 13 tab-separated fields (14 for a fetched entry).
    private func fieldRanges(_ row: Int) throws(CatalogError) -> [Range<Int>] {
        let line = lines[row]
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(13)
        var start = line.lowerBound
        for i in line where index[i] == 9 {
            ranges.append(start..<i)
            start = i + 1
        }
        ranges.append(start..<line.upperBound)
        guard ranges.count == 13 || ranges.count == 14 else {
            throw .damaged(file: entriesPath, line: row + 2, reason: "expected 13 or 14 tab-separated fields, found \(ranges.count)")
        }
        return ranges
    }

    // MARK: - Regions

    /// The region a command runs in: the flag, else `AWS_REGION`, else `AWS_DEFAULT_REGION`, else us-east-1.
    public func resolveRegion(
        _ flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CatalogError) -> String {
        try regions.resolve(flag, environment: environment)
    }

    // MARK: - Reading the files

    static func readBytes(_ url: URL, label: String) throws(CatalogError) -> [UInt8] {
        // Read straight into the array: going through Data costs a second 3 MB copy, about 2 ms
        // of a 20 ms `compare`.
        guard let bytes = readFile(url.path) else {
            throw .damaged(file: label + url.lastPathComponent, line: nil, reason: "the file is missing or unreadable")
        }
        return bytes
    }

    static func loadRegions(_ url: URL, dataDirectory: URL, label: String = "catalog/") throws(CatalogError) -> RegionTable {
        var list: [JumpStartRegion] = []
        let text = String(decoding: try readBytes(url, label: label), as: UTF8.self)
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 3, !f[0].isEmpty, !f[1].isEmpty else {
                throw .damaged(file: label + CatalogFormat.regionsFile, line: i + 1, reason: "expected 3 tab-separated fields")
            }
            list.append(JumpStartRegion(name: f[0], contentBucket: f[1], gatedContentBucket: f[2].isEmpty ? nil : f[2]))
        }
        guard !list.isEmpty else { throw .damaged(file: label + CatalogFormat.regionsFile, line: nil, reason: "no regions") }
        // data/cloudformation/ of the bundled data; without it every region's support is unknown.
        let support = dataDirectory.appendingPathComponent(CloudFormationSupport.folder).appendingPathComponent(CloudFormationSupport.fileName)
        var cloudFormation = CloudFormationSupport.none
        if let bytes = readFile(support.path) {
            cloudFormation = try CloudFormationSupport.parse(String(decoding: bytes, as: UTF8.self),
                                                             file: "\(CloudFormationSupport.folder)/\(CloudFormationSupport.fileName)")
        }
        return RegionTable(regions: list, cloudFormation: cloudFormation)
    }
}

/// One JSON value per line, read whole on first use and parsed line by line on demand.
final class LineTable: @unchecked Sendable {
    private let url: URL
    /// How messages name the file.
    private let label: String
    private let lock = NSLock()
    private var bytes: Data?
    private var offsets: [Int] = []
    private var parsed: [Int: Any] = [:]

    init(url: URL, label: String) {
        self.url = url
        self.label = label
    }

    func object(at index: Int, file: String) throws(CatalogError) -> Any {
        lock.lock()
        defer { lock.unlock() }
        if let cached = parsed[index] { return cached }
        if bytes == nil {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw .damaged(file: label, line: nil, reason: "the file is missing or unreadable")
            }
            bytes = data
            var starts = [0]
            // memchr rather than a byte loop: this runs over up to 900 KB on every export.
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                guard let base = raw.baseAddress else { return }
                var at = 0
                while at < raw.count, let hit = memchr(base + at, 10, raw.count - at) {
                    let i = base.distance(to: UnsafeRawPointer(hit))
                    if i + 1 < raw.count { starts.append(i + 1) }
                    at = i + 1
                }
            }
            offsets = starts
        }
        guard let data = bytes, index >= 0, index < offsets.count else {
            throw .damaged(file: label, line: index + 1, reason: "the line an entry refers to is missing")
        }
        let start = offsets[index]
        var end = index + 1 < offsets.count ? offsets[index + 1] - 1 : data.count
        if end > start, data[data.startIndex + end - 1] == 10 { end -= 1 }
        let slice = data.subdata(in: (data.startIndex + start)..<(data.startIndex + end))
        guard let object = try? JSONSerialization.jsonObject(with: slice, options: [.fragmentsAllowed]) else {
            throw .damaged(file: label, line: index + 1, reason: "not valid JSON")
        }
        parsed[index] = object
        return object
    }
}

/// Loads the catalogs once per process, on first use.
private final class LoadedCatalogs: @unchecked Sendable {
    static let shared = LoadedCatalogs()
    private let lock = NSLock()
    private var bundled: Result<Catalog, CatalogError>?
    private var inUse: Result<Catalog, CatalogError>?

    func getBundled() throws(CatalogError) -> Catalog {
        lock.lock()
        defer { lock.unlock() }
        return try bundledLocked()
    }

    private func bundledLocked() throws(CatalogError) -> Catalog {
        if let bundled { return try bundled.get() }
        let loaded: Result<Catalog, CatalogError>
        do throws(CatalogError) {
            loaded = .success(try Catalog(dataDirectory: try DataLocation.cached()))
        } catch {
            loaded = .failure(error)
        }
        bundled = loaded
        return try loaded.get()
    }

    func getInUse() throws(CatalogError) -> Catalog {
        lock.lock()
        defer { lock.unlock() }
        if let inUse { return try inUse.get() }
        let loaded: Result<Catalog, CatalogError>
        do throws(CatalogError) {
            loaded = .success(try Catalog.choose(environment: ProcessInfo.processInfo.environment) { () throws(CatalogError) in try bundledLocked() })
        } catch {
            loaded = .failure(error)
        }
        inUse = loaded
        return try loaded.get()
    }
}

extension Catalog {
    /// The catalog every command and the wizard use: the one `catalog update` wrote when there is
    /// one (and it was merged with this program's bundled catalog), else the bundled one;
    /// `JUMPSTART_TUI_BUNDLED_DATA=1` always means the bundled one. Loaded once per process.
    public static func inUse() throws(CatalogError) -> Catalog {
        try LoadedCatalogs.shared.getInUse()
    }

    /// Why the updated catalog in the user's folder is not the one in use, when there is one
    /// that isn't (for `catalog status` and a note from the commands); nil otherwise.
    public static func updatedCatalogProblem(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard !UserFolders.bundledOnly(environment: environment), let folder = UpdatedCatalog.folder(environment: environment),
              let data = try? DataLocation.cached() else { return nil }
        let pointer = folder.appendingPathComponent(UpdatedCatalog.pointerName).path
        var info = stat()
        guard lstat(pointer, &info) == 0 else { return nil }
        guard let snapshot = UpdatedCatalog.currentSnapshot(in: folder) else {
            return "\(pointer) does not lead to a catalog; run `jumpstart-tui catalog update` to write it again"
        }
        guard UpdatedCatalog.matchesBundled(snapshot, bundledData: data) else {
            return "the updated catalog in \(folder.path) was merged with another bundled catalog than this program's; run `jumpstart-tui catalog update` to merge it again (it fetches only what is new)"
        }
        do throws(CatalogError) {
            let c = try Catalog(directory: snapshot, dataDirectory: data, source: .updated(snapshot: snapshot.path))
            if let expected = UpdatedCatalog.expectedEntries(snapshot), expected != c.count {
                return "the updated catalog's index \(snapshot.path)/\(CatalogFormat.entriesFile) has \(c.count) entries, not the \(expected) it was written with (damaged); run `jumpstart-tui catalog update` to write it again"
            }
        } catch {
            return "\(error)"
        }
        return nil
    }

    static func choose(environment: [String: String], bundled: () throws(CatalogError) -> Catalog) throws(CatalogError) -> Catalog {
        guard !UserFolders.bundledOnly(environment: environment), let folder = UpdatedCatalog.folder(environment: environment),
              let snapshot = UpdatedCatalog.currentSnapshot(in: folder) else { return try bundled() }
        let data = try DataLocation.cached()
        guard UpdatedCatalog.matchesBundled(snapshot, bundledData: data) else { return try bundled() }
        do throws(CatalogError) {
            let c = try Catalog(directory: snapshot, dataDirectory: data, source: .updated(snapshot: snapshot.path))
            if let expected = UpdatedCatalog.expectedEntries(snapshot), expected != c.count { return try bundled() }
            return c
        } catch {
            return try bundled()
        }
    }
}
