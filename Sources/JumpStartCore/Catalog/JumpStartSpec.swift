/// Turns one JumpStart spec file (as the content bucket serves it at a manifest's `spec_key`) into
/// a catalog entry, resolving it the way the SageMaker Python SDK deploys it
/// (`sagemaker/core/jumpstart/types.py` and `artifacts/`, read at commit 3203e49):
///
/// - configs: each inference config is the spec's base fields deep-overridden by its components in
///   `component_names` order (`deep_override_dict`: objects merge key by key, anything else — lists
///   included — is replaced; a base `null` is dropped; `model_id`, `version`, `deprecated`,
///   `gated_bucket` and the SDK's other denied keys are never overridden). The default is the first
///   of the `overall` ranking, else the first config name in sorted order.
/// - image, per instance type: the exact type's `regional_properties.image_uri`, else its family's
///   (`ml.g5.2xlarge` → `g5`); a `$alias` looked up in `regional_aliases[region]`; anything else is
///   no image (the SDK returns None for an alias without `$`).
/// - environment: the defaults of `inference_environment_variables` marked
///   `required_for_model_class` (what `JumpStartModel` passes, `include_aws_sdk_env_vars=False`),
///   as strings (Python's `str`: `True`, `3600`), overlaid by the family variant's
///   `properties.environment_variables`, then the exact type's. Model packages get none.
/// - model data: `hosting_prepacked_artifact_key`, else `hosting_artifact_key`, in the gated bucket
///   when `gated_bucket`.
///
/// The construct's catalog form can't express everything a spec can; such a spec (or config) is
/// left out with its reason rather than resolved into a template that deploys something else.
public enum JumpStartSpec {
    /// Why a spec that arrived intact is not in the catalog.
    public enum LeftOut: String, Error, Sendable, CaseIterable, Comparable {
        case deprecated
        case script = "needs-inference-script"
        case noModelData = "no-model-data"
        case additionalDataSources = "additional-data-sources"
        case instanceSpecificModelData = "instance-specific-model-data"
        case instanceSpecificPackage = "instance-specific-model-package"
        case noInstanceTypes = "no-instance-types"
        case noImage = "no-image"

        /// In words, for the summary and `catalog status`.
        public var text: String {
            switch self {
            case .deprecated: return "deprecated"
            case .script: return "needs an inference script (hosting_use_script_uri, no prepacked artifact)"
            case .noModelData: return "no model data and no model package"
            case .additionalDataSources: return "additional model data sources (e.g. a speculative-decoding draft model)"
            case .instanceSpecificModelData: return "model data that differs by instance type"
            case .instanceSpecificPackage: return "a model package that differs by instance type"
            case .noInstanceTypes: return "no supported inference instance type"
            case .noImage: return "no container image for any supported instance type"
            }
        }

        public static func < (a: LeftOut, b: LeftOut) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// The outcome of reading one spec.
    public enum Outcome: Sendable, Equatable {
        case kept(CatalogEntry)
        /// Intact, but not something a template here can deploy faithfully.
        case leftOut(LeftOut, framework: String?)
    }

    /// A spec that is not usable as data: wrong JSON types, missing keys, another model's spec.
    public struct Malformed: Error, Sendable, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Keys `deep_override_dict` never takes from a component (`OVERRIDING_DENY_LIST`).
    static let denied: Set<String> = [
        "model_id", "url", "version", "min_sdk_version", "deprecated", "deprecated_message", "deprecate_warn_message",
        "resource_name_base", "gated_bucket", "training_supported", "incremental_training_supported",
    ]

    /// Reads `data` (the spec for `modelId@version`, from `specKey`) against the JumpStart regions.
    public static func read(_ data: [UInt8], modelId: String, version: ModelVersion, specKey: String,
                            regions: [String]) throws(Malformed) -> Outcome {
        var stream = JSONStream(bytes: data)
        let spec: JSONValue
        do throws(JSONStream.Failure) {
            spec = try stream.readValue()
            try stream.expectEnd()
        } catch {
            throw Malformed(reason: "not JSON (\(error.description))")
        }
        guard case .object = spec else { throw Malformed(reason: "not a JSON object") }
        if let id = spec["model_id"] {
            guard id.stringValue == modelId else { throw Malformed(reason: "it is the spec of \(TerminalSafe.text(id.stringValue ?? "another model", limit: 80)), not of \(modelId)") }
        }
        if let v = spec["version"] {
            guard v.stringValue == version.text else { throw Malformed(reason: "it is the spec of version \(TerminalSafe.text(v.stringValue ?? "?", limit: 40)), not \(version.text)") }
        }
        let framework = try optionalString(spec["hosting_ecr_specs"]?["framework"], "hosting_ecr_specs.framework")
        if try bool(spec["deprecated"], "deprecated", default: false) { return .leftOut(.deprecated, framework: framework) }

        // The configs, resolved, in ranking order.
        let ranked = try rankedConfigs(spec)
        var configs: [DeploymentConfig] = []
        var firstReason: LeftOut?
        for (rank, name) in ranked.names.enumerated() {
            let resolved = try resolve(spec, config: name)
            let meta = ranked.metadata[name] ?? .object([])
            var config = DeploymentConfig(
                name: name, rank: ranked.isRanked ? rank : nil, benchmarks: try benchmarks(meta["benchmark_metrics"], config: name),
                requirements: try requirements(resolved["hosting_resource_requirements"], "\(name): hosting_resource_requirements"),
                requirementsByType: try requirementsByType(resolved), fields: nil)
            switch try fields(resolved, regions: regions, where: "config \(name)") {
            case .success(let f): config.fields = f
            case .failure(let reason):
                config.leftOut = reason.text
                firstReason = firstReason ?? reason
            }
            configs.append(config)
        }
        let base: ConfigFields
        var configName: String?
        if configs.isEmpty {
            switch try fields(spec, regions: regions, where: "") {
            case .success(let f): base = f
            case .failure(let reason): return .leftOut(reason, framework: framework)
            }
        } else {
            guard let usable = configs.first(where: { $0.fields != nil }) else {
                return .leftOut(firstReason ?? .noImage, framework: framework)
            }
            base = usable.fields!
            configName = usable.name
        }
        return .kept(CatalogEntry(
            modelId: modelId, version: version, defaultInstanceType: base.defaultInstanceType, instanceTypes: base.instanceTypes,
            environment: base.environment, artifactKey: base.artifactKey, prepackedArtifactKey: base.prepackedArtifactKey,
            gatedBucket: base.gatedBucket, requiresEula: base.requiresEula, modelPackageArns: base.modelPackageArns,
            instanceAliases: base.instanceAliases, instanceVariants: base.instanceVariants,
            origin: FetchedOrigin(specKey: specKey, framework: base.framework ?? framework),
            startupTimeouts: base.startup,
            configs: configs.count > 1 ? configs : configs.map { c in var c = c; c.rank = c.rank ?? 0; return c },
            configName: configName))
    }

    // MARK: - Configs

    struct Ranked {
        var names: [String]
        var metadata: [String: JSONValue]
        var isRanked: Bool
    }

    /// `get_top_config_from_ranking`'s order: the `overall` ranking, else the names sorted.
    static func rankedConfigs(_ spec: JSONValue) throws(Malformed) -> Ranked {
        guard let raw = spec["inference_configs"], raw != .null else { return Ranked(names: [], metadata: [:], isRanked: false) }
        guard let members = raw.members else { throw Malformed(reason: "inference_configs is not an object") }
        var metadata: [String: JSONValue] = [:]
        for (name, value) in members {
            guard case .object = value else { throw Malformed(reason: "inference_configs.\(name) is not an object") }
            metadata[name] = value
        }
        if let ranking = spec["inference_config_rankings"]?["overall"]?["rankings"] {
            guard case .array(let items) = ranking else { throw Malformed(reason: "inference_config_rankings.overall.rankings is not a list") }
            var names: [String] = []
            for item in items {
                guard let name = item.stringValue, metadata[name] != nil else {
                    throw Malformed(reason: "inference_config_rankings.overall ranks \(TerminalSafe.text(item.stringValue ?? "a non-string", limit: 60)), which is not one of its inference_configs")
                }
                if !names.contains(name) { names.append(name) }
            }
            // Configs the ranking leaves out can still be chosen by name, after the ranked ones.
            names += metadata.keys.filter { !names.contains($0) }.sorted()
            return Ranked(names: names, metadata: metadata, isRanked: true)
        }
        return Ranked(names: metadata.keys.sorted(), metadata: metadata, isRanked: false)
    }

    /// `JumpStartMetadataConfig.resolved_config`: the base overridden by each component in turn.
    static func resolve(_ spec: JSONValue, config name: String) throws(Malformed) -> JSONValue {
        guard let list = spec["inference_configs"]?[name]?["component_names"], case .array(let names) = list, !names.isEmpty else {
            throw Malformed(reason: "inference_configs.\(name) has no component_names")
        }
        var resolved = dropNulls(spec)
        for n in names {
            guard let component = n.stringValue, let value = spec["inference_config_components"]?[component], case .object(let members) = value else {
                throw Malformed(reason: "inference_configs.\(name) names the component \(TerminalSafe.text(n.stringValue ?? "?", limit: 60)), which inference_config_components lacks")
            }
            resolved = override(resolved, with: .object(members.filter { !denied.contains($0.0) }))
        }
        return resolved
    }

    /// `deep_override_dict`: objects merge key by key; every other value replaces.
    static func override(_ base: JSONValue, with over: JSONValue) -> JSONValue {
        guard case .object(var members) = base, case .object(let overs) = over else { return over }
        for (key, value) in overs {
            if let i = members.firstIndex(where: { $0.0 == key }) {
                members[i].1 = override(members[i].1, with: value)
            } else {
                members.append((key, value))
            }
        }
        return .object(members)
    }

    /// The base's `null` leaves are dropped before a component is laid over it.
    static func dropNulls(_ value: JSONValue) -> JSONValue {
        guard case .object(let members) = value else { return value }
        return .object(members.compactMap { $0.1 == .null ? nil : ($0.0, dropNulls($0.1)) })
    }

    // MARK: - The deployment facts of one resolved spec or config

    static func fields(_ spec: JSONValue, regions: [String], where place: String) throws(Malformed) -> Result<ConfigFields, LeftOut> {
        func fail(_ why: String) -> Malformed { Malformed(reason: place.isEmpty ? why : "\(place): \(why)") }
        let framework = try optionalString(spec["hosting_ecr_specs"]?["framework"], "hosting_ecr_specs.framework")
        if let extra = spec["hosting_additional_data_sources"], extra != .null {
            guard let members = extra.members else { throw fail("hosting_additional_data_sources is not an object") }
            if members.contains(where: { if case .array(let a) = $0.1 { return !a.isEmpty } else { return $0.1 != .null } }) {
                return .failure(.additionalDataSources)
            }
        }
        guard let typesValue = spec["supported_inference_instance_types"], case .array(let typeItems) = typesValue else {
            if spec["supported_inference_instance_types"] == nil || spec["supported_inference_instance_types"] == .null { return .failure(.noInstanceTypes) }
            throw fail("supported_inference_instance_types is not a list")
        }
        var types: [String] = []
        for t in typeItems {
            guard let s = t.stringValue, isInstanceType(s) else { throw fail("supported_inference_instance_types holds \(TerminalSafe.text(t.stringValue ?? "a non-string", limit: 40)), not an instance type like ml.g5.2xlarge") }
            if !types.contains(s) { types.append(s) }
        }
        guard !types.isEmpty else { return .failure(.noInstanceTypes) }
        let defaultValue = spec["default_inference_instance_type"]
        guard let defaultType = defaultValue?.stringValue, isInstanceType(defaultType) else {
            throw fail("default_inference_instance_type is missing or not an instance type")
        }
        let packages = try stringMap(spec["hosting_model_package_arns"], "hosting_model_package_arns")
        let artifactKey = try optionalString(spec["hosting_artifact_key"], "hosting_artifact_key")
        let prepacked = try optionalString(spec["hosting_prepacked_artifact_key"], "hosting_prepacked_artifact_key")
        let eula = try optionalString(spec["hosting_eula_key"], "hosting_eula_key")
        let gated = try bool(spec["gated_bucket"], "gated_bucket", default: false)
        let variants = try Variants(spec["hosting_instance_type_variants"], place: place)
        if variants.hasInstanceSpecific("model_package_arn", regional: true) { return .failure(.instanceSpecificPackage) }
        let isPackage = !(packages ?? [:]).isEmpty
        if !isPackage {
            if variants.hasInstanceSpecific("artifact_key", regional: false) || variants.hasInstanceSpecific("prepacked_artifact_key", regional: false) {
                return .failure(.instanceSpecificModelData)
            }
            guard (prepacked ?? artifactKey).map({ !$0.isEmpty }) == true else { return .failure(.noModelData) }
            // `use_inference_script_uri`: a prepacked artifact carries its script; otherwise the flag (default true) asks for one.
            if prepacked == nil, try bool(spec["hosting_use_script_uri"], "hosting_use_script_uri", default: true) { return .failure(.script) }
        }

        var environment: [EnvironmentVariable] = []
        if !isPackage {
            if let list = spec["inference_environment_variables"], list != .null {
                guard case .array(let items) = list else { throw fail("inference_environment_variables is not a list") }
                var byName: [String: String] = [:]
                for item in items {
                    guard let name = item["name"]?.stringValue, CatalogFormat.isEnvironmentName(name) else {
                        throw fail("inference_environment_variables has an entry without a valid name")
                    }
                    guard let value = item["default"] else { throw fail("inference_environment_variables.\(name) has no default") }
                    if try bool(item["required_for_model_class"], "inference_environment_variables.\(name).required_for_model_class", default: false) {
                        guard let text = pythonString(value) else { throw fail("the default of \(name) is not a string, number or boolean") }
                        byName[name] = text
                    }
                }
                environment = byName.keys.sorted().map { EnvironmentVariable(name: $0, value: .string(byName[$0]!)) }
            }
        }

        // Per instance type: the family's image alias, the exact type's own image, and the
        // environment the SDK lays over the defaults (family, then exact type).
        var instanceVariants: [InstanceVariant] = []
        var usedAliases: Set<String> = []
        var anyImage = false
        let families = Set(types.map(DeploymentPlanner.family(of:)))
        for family in families.sorted() {
            if let alias = try variants.imageAlias(family) {
                instanceVariants.append(InstanceVariant(instanceType: family, imageUri: "$" + alias))
                usedAliases.insert(alias)
            }
        }
        for type in types {
            let exactImage = try variants.imageAlias(type)
            var env: [String: String] = [:]
            if !isPackage {
                for (k, v) in try variants.environment(DeploymentPlanner.family(of: type)) { env[k] = v }
                for (k, v) in try variants.environment(type) { env[k] = v }
            }
            if exactImage != nil || !env.isEmpty {
                instanceVariants.append(InstanceVariant(
                    instanceType: type, imageUri: exactImage.map { "$" + $0 },
                    environment: env.isEmpty ? nil : env.keys.sorted().map { EnvironmentVariable(name: $0, value: .string(env[$0]!)) }))
            }
            if let a = exactImage { usedAliases.insert(a) }
            let familyImage = try variants.imageAlias(DeploymentPlanner.family(of: type))
            if exactImage != nil || familyImage != nil { anyImage = true }
        }
        var aliases: [RegionAliases] = []
        for region in regions {
            guard let map = variants.regionalAliases[region] else { continue }
            let kept = map.filter { usedAliases.contains($0.0) }.sorted { $0.0 < $1.0 }
            if !kept.isEmpty { aliases.append(RegionAliases(region: region, aliases: kept.map { ($0.0, $0.1) })) }
        }
        if !isPackage, !anyImage || aliases.isEmpty { return .failure(.noImage) }
        // `deploy_kwargs`, as the SDK passes them to deploy(); only values the API accepts (60–3600 s).
        func seconds(_ key: String) -> Int? {
            guard let v = spec["deploy_kwargs"]?[key], let text = scalarText(v), let n = Int(text), (60...3600).contains(n) else { return nil }
            return n
        }
        return .success(ConfigFields(
            defaultInstanceType: defaultType, instanceTypes: types, environment: environment, artifactKey: isPackage ? nil : artifactKey,
            prepackedArtifactKey: isPackage ? nil : prepacked, gatedBucket: gated, requiresEula: eula,
            modelPackageArns: isPackage ? packages : nil, instanceAliases: isPackage ? nil : aliases,
            instanceVariants: isPackage ? nil : instanceVariants, framework: framework,
            startup: StartupTimeouts(healthCheck: seconds("container_startup_health_check_timeout"),
                                     modelDataDownload: seconds("model_data_download_timeout"))))
    }

    static func prefix(_ place: String) -> String { place.isEmpty ? "" : place + ": " }

    /// `hosting_instance_type_variants`: `variants` by exact type or family, and `regional_aliases`.
    struct Variants {
        var variants: [String: JSONValue] = [:]
        var regionalAliases: [String: [(String, String)]] = [:]
        let place: String

        init(_ value: JSONValue?, place: String) throws(Malformed) {
            self.place = place
            guard let value, value != .null else { return }
            guard case .object = value else { throw Malformed(reason: prefix(place) + "hosting_instance_type_variants is not an object") }
            if let v = value["variants"], v != .null {
                guard let members = v.members else { throw Malformed(reason: prefix(place) + "hosting_instance_type_variants.variants is not an object") }
                for (k, item) in members { variants[k] = item }
            }
            if let r = value["regional_aliases"], r != .null {
                guard let members = r.members else { throw Malformed(reason: prefix(place) + "hosting_instance_type_variants.regional_aliases is not an object") }
                for (region, map) in members {
                    guard let pairs = map.members else { throw Malformed(reason: prefix(place) + "regional_aliases.\(region) is not an object") }
                    var list: [(String, String)] = []
                    for (alias, uri) in pairs {
                        guard let s = uri.stringValue else { throw Malformed(reason: prefix(place) + "regional_aliases.\(region).\(alias) is not a string") }
                        list.append((alias, s))
                    }
                    regionalAliases[region] = list
                }
            }
        }

        /// `regional_properties.image_uri` of a type or family, without its `$`; nil without one or without the `$`.
        func imageAlias(_ key: String) throws(Malformed) -> String? {
            guard let raw = variants[key]?["regional_properties"]?["image_uri"], raw != .null else { return nil }
            guard let s = raw.stringValue else { throw Malformed(reason: prefix(place) + "variants.\(key).regional_properties.image_uri is not a string") }
            guard s.hasPrefix("$"), s.count > 1 else { return nil }
            return String(s.dropFirst())
        }

        func environment(_ key: String) throws(Malformed) -> [(String, String)] {
            guard let raw = variants[key]?["properties"]?["environment_variables"], raw != .null else { return [] }
            guard let members = raw.members else { throw Malformed(reason: prefix(place) + "variants.\(key).properties.environment_variables is not an object") }
            var out: [(String, String)] = []
            for (name, value) in members {
                guard CatalogFormat.isEnvironmentName(name), let text = pythonString(value) else {
                    throw Malformed(reason: prefix(place) + "variants.\(key) sets \(TerminalSafe.text(name, limit: 60)) to something that is not a string, number or boolean")
                }
                out.append((name, text))
            }
            return out
        }

        func hasInstanceSpecific(_ property: String, regional: Bool) -> Bool {
            variants.values.contains { v in
                let value = v[regional ? "regional_properties" : "properties"]?[property]
                return value != nil && value != .null
            }
        }
    }

    // MARK: - Benchmarks and requirements

    static func benchmarks(_ value: JSONValue?, config: String) throws(Malformed) -> [String: [BenchmarkMetric]] {
        guard let value, value != .null else { return [:] }
        guard let members = value.members else { throw Malformed(reason: "inference_configs.\(config).benchmark_metrics is not an object") }
        var out: [String: [BenchmarkMetric]] = [:]
        for (type, list) in members {
            guard case .array(let items) = list else { throw Malformed(reason: "benchmark_metrics.\(type) of \(config) is not a list") }
            var metrics: [BenchmarkMetric] = []
            for item in items {
                guard let name = item["name"]?.stringValue, let value = item["value"].flatMap(scalarText), let unit = item["unit"].flatMap(scalarText) else {
                    throw Malformed(reason: "benchmark_metrics.\(type) of \(config) has a figure without name, value or unit")
                }
                metrics.append(BenchmarkMetric(name: name, value: value, unit: unit, concurrency: item["concurrency"].flatMap(scalarText).flatMap { Int($0) }))
            }
            out[type] = metrics
        }
        return out
    }

    static func requirements(_ value: JSONValue?, _ what: String) throws(Malformed) -> ResourceRequirements? {
        guard let value, value != .null else { return nil }
        guard case .object = value else { throw Malformed(reason: "\(what) is not an object") }
        let memory = value["min_memory_mb"].flatMap(scalarText).flatMap { Int($0) }
        let accelerators = value["num_accelerators"].flatMap(scalarText).flatMap { Int($0) }
        return memory == nil && accelerators == nil ? nil : ResourceRequirements(minMemoryMB: memory, accelerators: accelerators)
    }

    static func requirementsByType(_ spec: JSONValue) throws(Malformed) -> [String: ResourceRequirements] {
        guard let variants = spec["hosting_instance_type_variants"]?["variants"]?.members else { return [:] }
        var out: [String: ResourceRequirements] = [:]
        for (type, v) in variants where type.hasPrefix("ml.") {
            if let r = try requirements(v["properties"]?["resource_requirements"], "variants.\(type).resource_requirements") { out[type] = r }
        }
        return out
    }

    // MARK: - Values

    /// Python's `str()` of a JSON scalar, as the SDK turns a default into a value.
    static func pythonString(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s
        case .bool(let b): return b ? "True" : "False"
        case .number(let text):
            if text.allSatisfy({ $0.isNumber || $0 == "-" }), let i = Int(text) { return String(i) }
            guard let d = Double(text), d.isFinite else { return nil }
            return d == d.rounded() && abs(d) < 1e16 ? String(format: "%.1f", d) : String(d)
        default: return nil
        }
    }

    static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let n): return n
        default: return nil
        }
    }

    static func optionalString(_ value: JSONValue?, _ what: String) throws(Malformed) -> String? {
        guard let value, value != .null else { return nil }
        guard let s = value.stringValue else { throw Malformed(reason: "\(what) is not a string") }
        return s
    }

    static func bool(_ value: JSONValue?, _ what: String, default fallback: Bool) throws(Malformed) -> Bool {
        guard let value, value != .null else { return fallback }
        guard case .bool(let b) = value else { throw Malformed(reason: "\(what) is not true or false") }
        return b
    }

    static func stringMap(_ value: JSONValue?, _ what: String) throws(Malformed) -> [String: String]? {
        guard let value, value != .null else { return nil }
        guard let members = value.members else { throw Malformed(reason: "\(what) is not an object") }
        var out: [String: String] = [:]
        for (k, v) in members {
            guard let s = v.stringValue else { throw Malformed(reason: "\(what).\(k) is not a string") }
            out[k] = s
        }
        return out
    }

    /// `ml.g5.2xlarge`: what a supported type must look like before it goes into a template.
    static func isInstanceType(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0] == "ml" && s.utf8.count <= 64
            && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
    }
}
