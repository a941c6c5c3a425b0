/// JumpStart's `models_manifest.json`: a JSON array of `{model_id, version, min_version, spec_key,
/// deprecated, …}`, one element per published version of every model.
public struct JumpStartManifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var modelId: String
        public var version: ModelVersion
        public var specKey: String
        public var deprecated: Bool

        public init(modelId: String, version: ModelVersion, specKey: String, deprecated: Bool) {
            self.modelId = modelId
            self.version = version
            self.specKey = specKey
            self.deprecated = deprecated
        }

        public var reference: String { "\(modelId)@\(version)" }
    }

    /// Usable entries, in the manifest's order.
    public var entries: [Entry]
    /// Elements whose version is not dot-separated numbers (never seen from JumpStart): named, not fetched.
    public var unreadableVersions: [String]

    /// Why a manifest is refused as a whole (nothing changes then).
    public struct Malformed: Error, Sendable, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Parses the manifest. `min_version` (the SDK's own requirement) and the other fields are
    /// ignored. A spec key must be a relative path within the bucket.
    public static func parse(_ bytes: [UInt8]) throws(Malformed) -> JumpStartManifest {
        var stream = JSONStream(bytes: bytes)
        let value: JSONValue
        do throws(JSONStream.Failure) {
            value = try stream.readValue()
            try stream.expectEnd()
        } catch {
            let start = String(decoding: bytes.prefix(40), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if start.hasPrefix("<!doctype") || start.hasPrefix("<html") || start.hasPrefix("<?xml") {
                throw Malformed(reason: "it is an HTML or XML page, not JSON")
            }
            throw Malformed(reason: "it is not JSON (\(error.description))")
        }
        guard case .array(let items) = value else { throw Malformed(reason: "it is not a JSON array of entries") }
        var entries: [Entry] = []
        var unreadable: [String] = []
        entries.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard case .object = item else { throw Malformed(reason: "element \(i + 1) is not an object") }
            guard let id = item["model_id"]?.stringValue, isModelId(id) else {
                throw Malformed(reason: "element \(i + 1) has no model_id of letters, digits, '-', '_' and '.'")
            }
            guard let versionText = item["version"]?.stringValue else { throw Malformed(reason: "element \(i + 1) (\(id)) has no version string") }
            guard let key = item["spec_key"]?.stringValue, isSpecKey(key) else {
                throw Malformed(reason: "element \(i + 1) (\(id)) has no spec_key that is a relative path in the bucket")
            }
            var deprecated = false
            if let d = item["deprecated"], d != .null {
                guard case .bool(let b) = d else { throw Malformed(reason: "element \(i + 1) (\(id)): deprecated is not true or false") }
                deprecated = b
            }
            guard let version = ModelVersion(versionText) else {
                unreadable.append("\(id)@\(TerminalSafe.text(versionText, limit: 40))")
                continue
            }
            entries.append(Entry(modelId: id, version: version, specKey: key, deprecated: deprecated))
        }
        guard !entries.isEmpty else { throw Malformed(reason: "it lists no model") }
        return JumpStartManifest(entries: entries, unreadableVersions: unreadable)
    }

    /// What an update fetches: for each model, the versions newer than the newest held (every
    /// version not held with `allVersions`); of a model not held at all, only its newest (every
    /// version with `allVersions`). `held` is model id → versions held (bundled, or fetched before).
    public func selection(held: [String: Set<ModelVersion>], allVersions: Bool) -> [Entry] {
        var byModel: [String: [Entry]] = [:]
        var order: [String] = []
        for e in entries {
            if byModel[e.modelId] == nil { order.append(e.modelId) }
            byModel[e.modelId, default: []].append(e)
        }
        var out: [Entry] = []
        for id in order.sorted() {
            var seen: Set<ModelVersion> = []
            let versions = byModel[id]!.sorted { $0.version < $1.version }.filter { seen.insert($0.version).inserted }
            let mine = held[id] ?? []
            if allVersions {
                out += versions.filter { !mine.contains($0.version) }
            } else if let newestHeld = mine.max() {
                out += versions.filter { $0.version > newestHeld }
            } else if let newest = versions.last {
                out.append(newest)
            }
        }
        return out
    }

    static func isModelId(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 200 && s.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    /// `community_models/x/specs_v1.0.0.json`: printable ASCII, relative, no `..`, no query.
    static func isSpecKey(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 512 && !s.hasPrefix("/") && !s.contains("..") && !s.contains("://")
            && s.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"\\\"?#%".unicodeScalars.contains($0) }
    }
}
