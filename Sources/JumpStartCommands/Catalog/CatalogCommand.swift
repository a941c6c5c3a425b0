import ArgumentParser
import Foundation
import JumpStartCore
import JumpStartFetch

/// `jumpstart-tui catalog …`: the model catalog, and its update from JumpStart's public specs.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Update the model catalog from JumpStart's public specs, and see which catalog is in use.",
        discussion: """
            The bundled catalog is the CDK construct's copy of JumpStart (2026-07-31). `catalog update` adds the \
            versions JumpStart has published since, resolved as the SageMaker Python SDK resolves them, into \
            $XDG_DATA_HOME/jumpstart-tui/catalog/ (else ~/.local/share/jumpstart-tui/catalog/); every command and \
            the wizard then use it. JUMPSTART_TUI_BUNDLED_DATA=1 uses the bundled catalog only.
            """,
        subcommands: [CatalogUpdateCommand.self, CatalogStatusCommand.self])
}

/// `jumpstart-tui catalog update`.
struct CatalogUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Fetch the JumpStart model versions published since the catalog in use (no credentials).",
        discussion: """
            Reads JumpStart's manifest (\(CatalogUpdate.defaultEndpoint)/\(CatalogUpdate.manifestPath)) and fetches, \
            for each model, the specs of the versions newer than the newest one held (bundled or fetched before); \
            of a model not held at all, its newest version only. --all-versions fetches every version not held. \
            A spec once fetched is never fetched again (versions don't change); one that fails to arrive is \
            tried again next time, and makes the exit status 1.

            Each spec is resolved as the SageMaker SDK deploys it: the top-ranked inference config (the \
            "overall" ranking) over the base fields; the image for the exact instance type, else its family; \
            the environment defaults the SDK passes (required_for_model_class), then the family's and the exact \
            type's variables. A spec is left out, with the reason counted, when it is deprecated, needs an \
            inference script, has no model data, or needs what a template here can't express (additional model \
            data sources, model data or packages that differ by instance type).

            The result — the bundled catalog plus every fetched version — is written as a new folder and then \
            switched to in one step: a kill at any moment leaves the previous catalog in use and intact. Only \
            this command touches the network; HTTPS_PROXY and NO_PROXY are honoured.
            """)

    @Option(name: .customLong("endpoint-url"), help: ArgumentHelp(
        "JumpStart's content bucket, or a mirror of it (models_manifest.json and the spec keys are read below it).", valueName: "url"))
    var endpointURL: String = CatalogUpdate.defaultEndpoint

    @Flag(name: .customLong("all-versions"), help: "Fetch every version not held, not only the ones newer than the newest held.")
    var allVersions = false

    @OptionGroup var fetchOptions: FetchOptions

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard format == .table || format == .json else {
            throw ValidationError("--format \(format.rawValue) is not offered by catalog update; use table or json.")
        }
        if let problem = HTTPFetcher.validate(endpoint: endpointURL) {
            throw ValidationError("--endpoint-url: \(problem.replacingOccurrences(of: "https://pricing.us-east-1.amazonaws.com", with: CatalogUpdate.defaultEndpoint)).")
        }
    }

    func run() throws {
        guard let folder = UpdatedCatalog.folder() else {
            throw CommandFailure("Neither XDG_DATA_HOME nor HOME is set, so there is no place for the updated catalog.")
        }
        let bundled = try Catalog.bundled()
        let data = try DataLocation.cached()
        let fetcher = HTTPFetcher(base: endpointURL, timeout: fetchOptions.timeout, retries: fetchOptions.retries)
        let line = ProgressLine(label: "catalog update")
        let report: CatalogUpdate.Report
        do {
            report = try CatalogUpdate.run(fetcher: fetcher, folder: folder, bundled: bundled, bundledData: data, allVersions: allVersions) { p in
                line.show(p.total == 0 ? "manifest read" : "\(p.done)/\(p.total) specs, \(ByteCount.text(p.bytes))")
            }
        } catch {
            line.clear()
            throw CommandFailure(error.description)
        }
        line.clear()
        switch format {
        case .json: emit(JSONText.pretty(Self.json(report)))
        default: emit(Self.table(report, width: outputWidth()))
        }
        if UserFolders.bundledOnly() {
            note("Note: \(UserFolders.bundledOnlyVariable) is set, so the commands use the bundled catalog only until it is unset.")
        }
        if report.hasFailures {
            note("error: \(report.failed.count) version\(report.failed.count == 1 ? "" : "s") could not be fetched or read (\(report.failed.prefix(5).map(\.reference).joined(separator: ", "))\(report.failed.count > 5 ? ", …" : "")); run the same command again to retry them.")
            throw ExitCode(1)
        }
    }

    static func table(_ r: CatalogUpdate.Report, width tableWidth: Int?) -> String {
        let width = tableWidth ?? 100
        var lines: [String] = []
        func say(_ text: String) { lines += proseLines(text, width: width) }
        say("Manifest: \(r.manifestVersions) versions of \(r.manifestModels) models; \(r.selected == 0 ? "nothing" : "\(r.selected) version\(r.selected == 1 ? "" : "s")") new to fetch.")
        if !r.added.isEmpty {
            say("Added \(r.added.count) version\(r.added.count == 1 ? "" : "s"): \(preview(r.added)).")
        } else if r.selected > 0 {
            say("No version added.")
        }
        let leftOutCount = r.leftOut.values.reduce(0) { $0 + $1.count }
        if leftOutCount > 0 {
            say("Left out \(leftOutCount):")
            for key in r.leftOut.keys.sorted(by: reasonOrder) {
                let refs = r.leftOut[key]!
                lines += proseLines("  \(refs.count) \(reasonText(key)): \(preview(refs))", width: width, indent: "    ")
            }
        }
        if !r.failed.isEmpty {
            say("Failed \(r.failed.count) (tried again next time):")
            for f in r.failed { lines += proseLines("  \(f.reference): \(TerminalSafe.text(f.reason))", width: width, indent: "    ") }
        }
        if !r.unreadableVersions.isEmpty {
            say("Not fetched, their version is not numbers: \(preview(r.unreadableVersions)).")
        }
        if let why = r.rebuilt { say("The earlier updated catalog: \(why).") }
        lines.append("")
        say("\(ByteCount.text(r.bytes)) fetched in \(String(format: "%.1f", r.seconds)) s.")
        if let s = r.snapshot {
            say("Catalog now: \(r.bundledVersions) bundled + \(r.fetchedVersions) fetched versions, in \(s.path).")
        } else {
            say("Nothing new: the catalog in use is as it was (\(r.bundledVersions) bundled + \(r.fetchedVersions) fetched versions).")
        }
        return lines.joined(separator: "\n")
    }

    static func preview(_ refs: [String]) -> String {
        refs.count <= 6 ? refs.joined(separator: ", ") : refs.prefix(5).joined(separator: ", ") + ", … (\(refs.count - 5) more; --format json lists all)"
    }

    static func reasonText(_ raw: String) -> String {
        JumpStartSpec.LeftOut(rawValue: raw)?.text ?? raw
    }

    static func reasonOrder(_ a: String, _ b: String) -> Bool {
        switch (JumpStartSpec.LeftOut(rawValue: a), JumpStartSpec.LeftOut(rawValue: b)) {
        case let (x?, y?): return x < y
        default: return a < b
        }
    }

    static func json(_ r: CatalogUpdate.Report) -> JSONText.Value {
        .object([
            ("folder", .string(r.folder.path)),
            ("snapshot", r.snapshot.map { .string($0.path) } ?? .null),
            ("manifestVersions", .int(r.manifestVersions)),
            ("manifestModels", .int(r.manifestModels)),
            ("selected", .int(r.selected)),
            ("added", .array(r.added.map { .string($0) })),
            ("leftOut", .object(r.leftOut.keys.sorted(by: reasonOrder).map { key in
                (key, .object([("reason", .string(reasonText(key))), ("versions", .array(r.leftOut[key]!.map { .string($0) }))]))
            })),
            ("failed", .array(r.failed.map { .object([("version", .string($0.reference)), ("reason", .string($0.reason))]) })),
            ("unreadableVersions", .array(r.unreadableVersions.map { .string($0) })),
            ("bytes", .int(r.bytes)),
            ("seconds", .double((r.seconds * 1000).rounded() / 1000)),
            ("bundledVersions", .int(r.bundledVersions)),
            ("fetchedVersions", .int(r.fetchedVersions)),
            ("rebuilt", r.rebuilt.map { .string($0) } ?? .null),
        ])
    }
}

/// `jumpstart-tui catalog status`.
struct CatalogStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Which catalog is in use, as of when, and what updates added or left out.")

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard format == .table || format == .json else {
            throw ValidationError("--format \(format.rawValue) is not offered by catalog status; use table or json.")
        }
    }

    struct Status {
        var inUse: String
        var folder: String?
        var updatedAt: String?
        var endpoint: String?
        var versions: Int
        var models: Int
        var fetched: Int
        var leftOut: [String: Int]
        var frameworks: [String: Int]
        var lastFailed: [String]
        var problem: String?
        var bundledOnly: Bool
    }

    func run() throws {
        // Not loadCatalog(): the status says itself why an updated catalog is not used.
        let catalog = try Catalog.inUse()
        var status = Status(inUse: "bundled", versions: catalog.count, models: catalog.modelIds.count, fetched: 0, leftOut: [:], frameworks: [:],
                            lastFailed: [], problem: Catalog.updatedCatalogProblem(), bundledOnly: UserFolders.bundledOnly())
        status.folder = UpdatedCatalog.folder()?.path
        if case .updated(let snapshot) = catalog.source {
            status.inUse = "updated"
            status.folder = snapshot
            if let state = UpdatedCatalog.State.read(URL(fileURLWithPath: snapshot).appendingPathComponent(UpdatedCatalog.stateFile)) {
                status.updatedAt = state.updatedAt
                status.endpoint = state.endpoint
                status.fetched = state.kept.count
                status.leftOut = state.leftOutByReason
                status.frameworks = state.frameworks
                status.lastFailed = state.lastFailed
            }
        }
        switch format {
        case .json: emit(JSONText.pretty(Self.json(status)))
        default: emit(Self.text(status, width: outputWidth() ?? 100))
        }
    }

    static func text(_ s: Status, width: Int) -> String {
        var lines: [String] = []
        func say(_ text: String, indent: String = "  ") { lines += proseLines(text, width: width, indent: indent) }
        if s.inUse == "updated" {
            say("In use: the updated catalog, \(s.updatedAt.map { "updated \($0)" } ?? "update time unknown")\(s.endpoint.map { " from \($0)" } ?? "").")
            say("Folder: \(s.folder ?? "?")")
            say("\(s.versions) versions of \(s.models) models: \(s.versions - s.fetched) bundled (the CDK construct's copy of 2026-07-31) + \(s.fetched) fetched from JumpStart's specs.")
            if !s.frameworks.isEmpty {
                say("Fetched by framework: " + s.frameworks.keys.sorted().map { "\($0) \(s.frameworks[$0]!)" }.joined(separator: ", ") + ".")
            }
            let left = s.leftOut.values.reduce(0, +)
            if left > 0 {
                say("Left out \(left):")
                for key in s.leftOut.keys.sorted(by: CatalogUpdateCommand.reasonOrder) {
                    say("  \(s.leftOut[key]!) \(CatalogUpdateCommand.reasonText(key))", indent: "    ")
                }
            }
            if !s.lastFailed.isEmpty {
                say("The last update could not fetch \(s.lastFailed.count): \(CatalogUpdateCommand.preview(s.lastFailed)); the next update tries them again.")
            }
        } else {
            say("In use: the bundled catalog, the CDK construct's copy of JumpStart as of 2026-07-31: \(s.versions) versions of \(s.models) models.")
            if s.bundledOnly {
                say("\(UserFolders.bundledOnlyVariable) is set: the bundled catalog is used whatever was fetched.")
            } else if let problem = s.problem {
                say("An updated catalog exists but is not used: \(problem).")
            } else {
                say("Run `jumpstart-tui catalog update` to add the versions JumpStart has published since\(s.folder.map { " (into \($0))" } ?? "").")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ s: Status) -> JSONText.Value {
        .object([
            ("inUse", .string(s.inUse)),
            ("folder", s.folder.map { .string($0) } ?? .null),
            ("updatedAt", s.updatedAt.map { .string($0) } ?? .null),
            ("endpoint", s.endpoint.map { .string($0) } ?? .null),
            ("versions", .int(s.versions)),
            ("models", .int(s.models)),
            ("bundledVersions", .int(s.versions - s.fetched)),
            ("fetchedVersions", .int(s.fetched)),
            ("leftOut", .object(s.leftOut.keys.sorted(by: CatalogUpdateCommand.reasonOrder).map { ($0, .int(s.leftOut[$0]!)) })),
            ("frameworks", .object(s.frameworks.keys.sorted().map { ($0, .int(s.frameworks[$0]!)) })),
            ("lastFailed", .array(s.lastFailed.map { .string($0) })),
            ("problem", s.problem.map { .string($0) } ?? .null),
            ("bundledOnly", .bool(s.bundledOnly)),
        ])
    }
}
