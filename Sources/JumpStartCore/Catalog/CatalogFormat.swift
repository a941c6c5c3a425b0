import Foundation

/// The bundled catalog's on-disk form, in `data/catalog/`, designed so one question reads little:
///
/// - `entries.tsv` — one line per entry (8,236): the facts every list needs (id, version, default
///   and supported instance types, EULA, model package, gated) plus, per supported instance type,
///   the bit set of regions where it deploys, so a whole list can be marked without loading an entry.
///   The rest of an entry is a reference to a line of one of the shared tables below.
/// - `environments.jsonl`, `variants.jsonl`, `aliases.jsonl`, `packages.jsonl` — one JSON value per
///   line, each distinct value once (146 image alias sets serve all 8,236 entries). Only the lines
///   an entry refers to are parsed.
/// - `regions.tsv` — the JumpStart regions and their buckets, in name order; bit *i* of a mask is
///   line *i*.
/// - `specs.jsonl` — only in a catalog `catalog update` wrote: for each entry fetched from
///   JumpStart's specs, a 14th field of its row refers to a line here with the spec key, the
///   framework and the inference configs (benchmarks, requirements, and each config's facts as
///   references to the tables above). Bundled rows have 13 fields.
public enum CatalogFormat {
    public static let entriesFile = "entries.tsv"
    public static let regionsFile = "regions.tsv"
    public static let environmentsFile = "environments.jsonl"
    public static let variantsFile = "variants.jsonl"
    public static let aliasesFile = "aliases.jsonl"
    public static let packagesFile = "packages.jsonl"
    public static let specsFile = "specs.jsonl"

    static let entriesHeader = "# modelId\tversion\tdefaultInstanceType\tinstanceTypes\tregionMasks\tgated\trequiresEula\tartifactKey\tprepackedArtifactKey\tenvironment\tvariants\taliases\tpackages"
    static let regionsHeader = "# region\tcontentBucket\tgatedContentBucket"

    /// Encodes entries into the files above (name → contents). Same input, same bytes.
    ///
    /// `base`: the files of a catalog in this format (the bundled one) that the entries are laid
    /// over. Its rows are kept byte for byte and its table lines keep their numbers (new lines are
    /// appended), so only the new entries are worked out: merging 8,236 bundled entries again
    /// took seconds. An entry with the same id and version as a base row replaces it.
    public static func encode(entries: [CatalogEntry], regions: RegionTable, over base: [String: String]? = nil) -> [String: String] {
        let planner = DeploymentPlanner(regions: regions)
        var environments = Interner(base?[environmentsFile]), variants = Interner(base?[variantsFile])
        var aliases = Interner(base?[aliasesFile]), packages = Interner(base?[packagesFile]), specs = Interner(base?[specsFile])
        let sorted = entries.sorted { ($0.modelId, $0.version) < ($1.modelId, $1.version) }
        let anyFetched = sorted.contains { $0.origin != nil }
        var rows: [(id: Substring, version: ModelVersion, line: String)] = []
        rows.reserveCapacity(sorted.count + 8_300)
        let replaced = Set(sorted.map(\.reference))
        for line in (base?[entriesFile] ?? "").split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard f.count == 3, let v = ModelVersion(String(f[1])), !replaced.contains("\(f[0])@\(f[1])") else { continue }
            rows.append((f[0], v, String(line)))
        }
        for e in sorted {
            let masks = planner.regionMasks(e).map { String($0, radix: 16) }.joined(separator: ",")
            let fields: [String] = [
                e.modelId, e.version.text, e.defaultInstanceType, e.instanceTypes.joined(separator: ","), masks,
                e.gatedBucket ? "1" : "", e.requiresEula ?? "", e.artifactKey ?? "", e.prepackedArtifactKey ?? "",
                String(environments.id(JSONText.compact(envJSON(e.environment)))),
                e.instanceVariants.map { String(variants.id(JSONText.compact(variantsJSON($0)))) } ?? "",
                e.instanceAliases.map { String(aliases.id(JSONText.compact(aliasesJSON($0)))) } ?? "",
                e.modelPackageArns.map { String(packages.id(JSONText.compact(packagesJSON($0)))) } ?? "",
            ]
            var row = fields
            if let origin = e.origin {
                func refs(_ f: ConfigFields) -> JSONText.Value {
                    var pairs: [(String, JSONText.Value)] = [
                        ("defaultInstanceType", .string(f.defaultInstanceType)),
                        ("instanceTypes", .array(f.instanceTypes.map { .string($0) })),
                        ("environment", .int(environments.id(JSONText.compact(envJSON(f.environment))))),
                    ]
                    if let k = f.artifactKey { pairs.append(("artifactKey", .string(k))) }
                    if let k = f.prepackedArtifactKey { pairs.append(("prepackedArtifactKey", .string(k))) }
                    if f.gatedBucket { pairs.append(("gated", .bool(true))) }
                    if let k = f.requiresEula { pairs.append(("requiresEula", .string(k))) }
                    if let v = f.instanceVariants { pairs.append(("variants", .int(variants.id(JSONText.compact(variantsJSON(v)))))) }
                    if let a = f.instanceAliases { pairs.append(("aliases", .int(aliases.id(JSONText.compact(aliasesJSON(a)))))) }
                    if let p = f.modelPackageArns { pairs.append(("packages", .int(packages.id(JSONText.compact(packagesJSON(p)))))) }
                    if let fw = f.framework { pairs.append(("framework", .string(fw))) }
                    pairs += startupJSON(f.startup)
                    return .object(pairs)
                }
                var spec: [(String, JSONText.Value)] = [("specKey", .string(origin.specKey))]
                if let fw = origin.framework { spec.append(("framework", .string(fw))) }
                if let c = e.configName { spec.append(("config", .string(c))) }
                spec += startupJSON(e.startupTimeouts)
                if !e.configs.isEmpty { spec.append(("configs", .array(e.configs.map { configJSON($0, refs) }))) }
                row.append(String(specs.id(JSONText.compact(.object(spec)))))
            } else if anyFetched {
                row.append("")
            }
            rows.append((Substring(e.modelId), e.version, row.joined(separator: "\t")))
        }
        // Grouped by model id, oldest version first within each (what `Catalog` expects).
        rows.sort { $0.id != $1.id ? $0.id < $1.id : $0.version < $1.version }
        var lines = [entriesHeader + (anyFetched || base?[specsFile] != nil ? "\tspec" : "")]
        lines.reserveCapacity(rows.count + 1)
        for r in rows { lines.append(r.line) }
        var regionLines = [regionsHeader]
        for r in regions.regions {
            regionLines.append([r.name, r.contentBucket, r.gatedContentBucket ?? ""].joined(separator: "\t"))
        }
        return [
            entriesFile: lines.joined(separator: "\n") + "\n",
            regionsFile: regionLines.joined(separator: "\n") + "\n",
            environmentsFile: environments.text,
            variantsFile: variants.text,
            aliasesFile: aliases.text,
            packagesFile: packages.text,
        ].merging(anyFetched ? [specsFile: specs.text] : [:]) { a, _ in a }
    }

    static func configJSON(_ c: DeploymentConfig, _ refs: (ConfigFields) -> JSONText.Value) -> JSONText.Value {
        var pairs: [(String, JSONText.Value)] = [("name", .string(c.name))]
        if let r = c.rank { pairs.append(("rank", .int(r))) }
        if !c.benchmarks.isEmpty {
            pairs.append(("benchmarks", .object(c.benchmarks.keys.sorted().map { type in
                (type, .array(c.benchmarks[type]!.map { m in
                    var o: [(String, JSONText.Value)] = [("name", .string(m.name)), ("value", .string(m.value)), ("unit", .string(m.unit))]
                    if let n = m.concurrency { o.append(("concurrency", .int(n))) }
                    return .object(o)
                }))
            })))
        }
        if let r = c.requirements { pairs.append(("requirements", requirementsJSON(r))) }
        if !c.requirementsByType.isEmpty {
            pairs.append(("requirementsByType", .object(c.requirementsByType.keys.sorted().map { ($0, requirementsJSON(c.requirementsByType[$0]!)) })))
        }
        if let f = c.fields { pairs.append(("fields", refs(f))) }
        if let why = c.leftOut { pairs.append(("leftOut", .string(why))) }
        return .object(pairs)
    }

    static func startupJSON(_ s: StartupTimeouts) -> [(String, JSONText.Value)] {
        var out: [(String, JSONText.Value)] = []
        if let n = s.healthCheck { out.append(("healthCheckTimeout", .int(n))) }
        if let n = s.modelDataDownload { out.append(("modelDataDownloadTimeout", .int(n))) }
        return out
    }

    static func requirementsJSON(_ r: ResourceRequirements) -> JSONText.Value {
        var o: [(String, JSONText.Value)] = []
        if let m = r.minMemoryMB { o.append(("minMemoryMB", .int(m))) }
        if let a = r.accelerators { o.append(("accelerators", .int(a))) }
        return .object(o)
    }

    private struct Interner {
        var ids: [String: Int] = [:]
        var lines: [String] = []

        /// Starts with the lines of a table already written, keeping their numbers.
        init(_ text: String? = nil) {
            guard let text else { return }
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
                let l = String(line)
                if ids[l] == nil { ids[l] = lines.count }
                lines.append(l)
            }
        }

        mutating func id(_ line: String) -> Int {
            if let id = ids[line] { return id }
            ids[line] = lines.count
            lines.append(line)
            return lines.count - 1
        }
        var text: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }
    }

    static func envJSON(_ env: [EnvironmentVariable]) -> JSONText.Value {
        .object(env.sorted { $0.name < $1.name }.map { v in
            switch v.value {
            case .string(let s): return (v.name, .string(s))
            case .integer(let i): return (v.name, .int(i))
            }
        })
    }

    static func variantsJSON(_ variants: [InstanceVariant]) -> JSONText.Value {
        .array(variants.map { v in
            var pairs: [(String, JSONText.Value)] = [("instanceType", .string(v.instanceType))]
            if let uri = v.imageUri { pairs.append(("imageUri", .string(uri))) }
            if let env = v.environment { pairs.append(("environment", envJSON(env))) }
            return .object(pairs)
        })
    }

    static func aliasesJSON(_ aliases: [RegionAliases]) -> JSONText.Value {
        .array(aliases.map { a in
            .object([
                ("region", .string(a.region)),
                ("aliases", .object(a.aliases.sorted { $0.alias < $1.alias }.map { ($0.alias, .string($0.imageUri)) })),
            ])
        })
    }

    static func packagesJSON(_ arns: [String: String]) -> JSONText.Value {
        .object(arns.keys.sorted().map { ($0, .string(arns[$0]!)) })
    }

    // MARK: - Decoding one line of a table

    static func decodeEnvironment(_ object: Any) -> [EnvironmentVariable]? {
        guard let dict = object as? [String: Any] else { return nil }
        var out: [EnvironmentVariable] = []
        out.reserveCapacity(dict.count)
        for (name, raw) in dict {
            // Names as a shell and a container accept them; values strings or exact whole numbers.
            guard isEnvironmentName(name) else { return nil }
            if let s = raw as? String {
                out.append(EnvironmentVariable(name: name, value: .string(s)))
            } else if let n = raw as? NSNumber, let whole = exactInteger(n) {
                out.append(EnvironmentVariable(name: name, value: .integer(whole)))
            } else {
                return nil
            }
        }
        return out.sorted { $0.name < $1.name }
    }

    /// `SM_NUM_GPUS`: a letter or _, then letters, digits and _, at most 1024 characters.
    static func isEnvironmentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 1024,
              first == "_" || ("A"..."Z").contains(first) || ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// A JSON number that is exactly a whole number in range (not `true`, `1.5` or `1e30`).
    static func exactInteger(_ n: NSNumber) -> Int? {
        // Booleans arrive as NSNumber too; their type is a char.
        let type = String(cString: n.objCType)
        if type == "c" || type == "B" { return nil }
        let d = n.doubleValue
        guard d.isFinite, d == d.rounded(), abs(d) < 9_007_199_254_740_992 else { return nil }
        return Int(d)
    }

    static func decodeVariants(_ object: Any) -> [InstanceVariant]? {
        guard let list = object as? [[String: Any]] else { return nil }
        var out: [InstanceVariant] = []
        for item in list {
            guard let type = item["instanceType"] as? String else { return nil }
            var env: [EnvironmentVariable]?
            if let rawEnv = item["environment"] {
                guard let decoded = decodeEnvironment(rawEnv) else { return nil }
                env = decoded
            }
            out.append(InstanceVariant(instanceType: type, imageUri: item["imageUri"] as? String, environment: env))
        }
        return out
    }

    static func decodeAliases(_ object: Any) -> [RegionAliases]? {
        guard let list = object as? [[String: Any]] else { return nil }
        var out: [RegionAliases] = []
        for item in list {
            guard let region = item["region"] as? String, let map = item["aliases"] as? [String: String] else { return nil }
            out.append(RegionAliases(region: region, aliases: map.keys.sorted().map { ($0, map[$0]!) }))
        }
        return out
    }

    static func decodePackages(_ object: Any) -> [String: String]? {
        object as? [String: String]
    }
}
