import ArgumentParser
import JumpStartCore

/// `jumpstart-tui models [QUERY]`: which models exist, and which deploy in the region.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the catalog's models, newest version of each.",
        discussion: """
            QUERY keeps models whose id contains every word of it (case-insensitive). Each row shows the \
            version, the default instance type, whether a EULA must be accepted (EULA), whether the model \
            deploys from a SageMaker model package (PKG), and whether that version deploys in the region on \
            its default instance type (OK).
            """)

    @Argument(help: "Words that must all appear in the model id.")
    var query: [String] = []

    @Flag(name: .long, help: "List every version of each model, newest first.")
    var allVersions = false

    @OptionGroup var regionOption: RegionOption

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard format == .table || format == .json else {
            throw ValidationError("--format \(format.rawValue) is not offered by models; use table or json.")
        }
    }

    func run() throws {
        let catalog = try loadCatalog()
        let region = try regionOption.resolve(catalog)
        let regionIndex = catalog.regions.index(of: region)
        let text = query.joined(separator: " ")
        let rows = try catalog.search(text, allVersions: allVersions)
        // The newest version of a model that can't deploy: say so, and name one that can.
        var stuck: [(EntrySummary, EntrySummary?)] = []
        var newestVersion: [String: ModelVersion] = [:]
        for s in rows where newestVersion[s.modelId] == nil {
            newestVersion[s.modelId] = try catalog.newest(of: s.modelId)?.version
        }
        for s in rows where newestVersion[s.modelId] == s.version && !s.deploysWithDefault(regionIndex: regionIndex) {
            stuck.append((s, try catalog.newestDeployableVersion(of: s.modelId, region: region)))
        }
        switch format {
        case .json:
            let fallback = Dictionary(stuck.map { ($0.0.reference, $0.1) }, uniquingKeysWith: { a, _ in a })
            emit(JSONText.pretty(.object([
                ("region", .string(region)),
                ("query", .string(text)),
                ("allVersions", .bool(allVersions)),
                ("count", .int(rows.count)),
                ("models", .array(rows.map { s in
                    var pairs: [(String, JSONText.Value)] = [
                        ("model", .string(s.modelId)),
                        ("version", .string(s.version.text)),
                        ("newest", .bool(newestVersion[s.modelId] == s.version)),
                        ("defaultInstanceType", .string(s.defaultInstanceType)),
                        ("requiresEula", .bool(s.needsEula)),
                        ("modelPackage", .bool(s.isModelPackage)),
                        ("deploysWithDefaultInstanceType", .bool(s.deploysWithDefault(regionIndex: regionIndex))),
                    ]
                    if let f = fallback[s.reference] {
                        pairs.append(("newestDeployableVersion", f.map { .string($0.version.text) } ?? .null))
                    }
                    return .object(pairs)
                })),
            ])))
        default:
            guard !rows.isEmpty else {
                let hint = Suggestions.closest(to: text, in: catalog.modelIds)
                throw CommandFailure("No model id contains \"\(text)\"." + (hint.isEmpty ? " Run `jumpstart-tui models` to list them all." : " Closest: \(hint.joined(separator: ", "))."))
            }
            var table = TextTable([
                .init(title: "MODEL", flexible: true, minWidth: 20), .init(title: "VERSION"),
                .init(title: "DEFAULT TYPE"), .init(title: "EULA"), .init(title: "PKG"), .init(title: "OK"),
            ])
            for s in rows {
                table.add([
                    s.modelId, s.version.text, s.defaultInstanceType, s.needsEula ? "yes" : "-",
                    s.isModelPackage ? "yes" : "-", s.deploysWithDefault(regionIndex: regionIndex) ? "yes" : "no",
                ])
            }
            let width = outputWidth()
            var lines = table.render(width: width)
            let what = allVersions ? "versions" : "models"
            let matching = text.isEmpty ? "" : " matching \"\(text)\""
            lines.append("")
            let wrap = width ?? Int.max
            lines += "\(rows.count) \(rows.count == 1 ? String(what.dropLast()) : what)\(matching). OK: deploys in \(region) on its default instance type.".wrapped(to: wrap)
            if !stuck.isEmpty {
                lines += "Newest versions that don't deploy in \(region) on their default type, and the newest version that does:".wrapped(to: wrap)
                for (s, f) in stuck {
                    lines += "  \(s.reference) → \(f.map { $0.version.text } ?? "none in \(region)")".wrapped(to: wrap, indent: "      ")
                }
            }
            emit(lines.joined(separator: "\n"))
        }
    }
}
