import ArgumentParser
import Foundation
import JumpStartCore
import JumpStartFetch

/// `jumpstart-tui pricing update`: current prices from AWS's public Price List.
struct PricingUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Fetch current SageMaker hosting prices for every region from AWS's public Price List (no credentials).",
        discussion: """
            Reads the Price List region index for AmazonSageMaker \
            (\(PriceListUpdate.defaultEndpoint)\(PriceListUpdate.indexPath)) and, for each region, its \
            current offer file, keeping the real-time hosting on-demand prices (productFamily "ML Instance", \
            component "Hosting", unit Hrs, USD); training, notebook, processing and serverless rows are left out. \
            A region whose offer is the one already held is not downloaded again. Regions download a few at a \
            time, with time-outs and retries; a region that fails keeps the prices it had and makes the exit \
            status 1, the others still update. A JumpStart region the index does not list (cn-north-1: China's \
            prices are a separate list, in CNY) is reported as not in the Price List.

            The prices are written, whole or not at all, to $XDG_DATA_HOME/jumpstart-tui/pricing/price-list.csv \
            (else ~/.local/share/jumpstart-tui/pricing/price-list.csv); the bundled data is never changed. \
            Precedence, cell by cell: your own imported prices, then this Price List, then the bundled table. \
            Only this command and the wizard's u key touch the network; HTTPS_PROXY, http_proxy and NO_PROXY are \
            honoured (libcurl, loaded when a fetch starts).
            """)

    @Option(name: .long, help: ArgumentHelp("all (the default: every JumpStart region) or a comma-separated list.", valueName: "all|r1,r2,…"))
    var regions: String?

    @Option(name: .customLong("endpoint-url"), help: ArgumentHelp(
        "The Price List host, or a mirror of it (paths from the index are appended as given).", valueName: "url"))
    var endpointURL: String = PriceListUpdate.defaultEndpoint

    @OptionGroup var fetchOptions: FetchOptions

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard format == .table || format == .json else {
            throw ValidationError("--format \(format.rawValue) is not offered by pricing update; use table or json.")
        }
        if let problem = HTTPFetcher.validate(endpoint: endpointURL) { throw ValidationError("--endpoint-url: \(problem).") }
    }

    func run() throws {
        let table = try RegionTable.bundled()
        let names = try RegionList.parse(regions, table: table, option: "--regions")
        guard let file = UpdatedPrices.file() else {
            throw CommandFailure("Neither XDG_DATA_HOME nor HOME is set, so there is no place for the updated prices.")
        }
        let fetcher = HTTPFetcher(base: endpointURL, timeout: fetchOptions.timeout, retries: fetchOptions.retries)
        let line = ProgressLine(label: "pricing update")
        let report = try PriceListUpdate.run(regions: names, allRegions: table.names, fetcher: fetcher, file: file) { p in
            line.show("\(p.regionsDone)/\(p.regionsTotal) regions, \(ByteCount.text(p.bytes))")
        }
        line.clear()
        if regions != nil, report.replacedDamagedFile != nil {
            note("Your updated Price List \(file.path) can't be read, so every region is fetched again, not only --regions.")
        }
        switch format {
        case .json: emit(JSONText.pretty(Self.json(report)))
        default: emit(Self.table(report, width: outputWidth()))
        }
        if UserFolders.bundledOnly() {
            note("Note: \(UserFolders.bundledOnlyVariable) is set, so the commands use the bundled prices only until it is unset.")
        }
        if report.failed {
            let failed = report.regions.filter { $0.outcome.isFailure }.map { $0.region }
            note("error: \(failed.count) region\(failed.count == 1 ? "" : "s") failed (\(failed.joined(separator: ", "))); their earlier prices are kept. Run the same command again to retry them.")
            throw ExitCode(1)
        }
    }

    /// The summary; `width` nil (output not a terminal) leaves the table's lines whole.
    static func table(_ report: PriceListUpdate.Report, width tableWidth: Int?) -> String {
        let width = tableWidth ?? 100
        var t = TextTable([.init(title: "REGION"), .init(title: "RESULT"), .init(title: "PRICES", alignment: .right),
                           .init(title: "PUBLISHED"), .init(title: "DETAIL", flexible: true, minWidth: 12)])
        for r in report.regions {
            switch r.outcome {
            case let .updated(prices, version, published, skipped):
                t.add([r.region, "updated", String(prices), String(published.prefix(10)),
                       "offer \(version)" + (skipped > 0 ? "; \(skipped) implausible price\(skipped == 1 ? "" : "s") skipped" : "")])
            case let .unchanged(prices, published):
                t.add([r.region, "unchanged", String(prices), String(published.prefix(10)), "already current"])
            case let .failed(_, kept):
                t.add([r.region, "FAILED", String(kept), "-", kept == 0 ? "see below; had no prices" : "see below; kept its prices"])
            case .notInPriceList:
                t.add([r.region, "not listed", "-", "-", r.region.hasPrefix("cn-") ? "China: a separate list (CNY)" : "not in the region index"])
            }
        }
        var lines = t.render(width: tableWidth)
        // Failure reasons in full, below the table, so a narrow terminal never cuts them.
        for r in report.regions {
            guard case let .failed(reason, kept) = r.outcome else { continue }
            let text = "\(r.region) failed: \(TerminalSafe.text(reason)); " + (kept == 0 ? "it had no prices before." : "it keeps the \(kept) prices it had.")
            lines += tableWidth == nil ? [text] : proseLines(text, width: width)
        }
        lines.append("")
        let updated = report.count { if case .updated = $0 { return true } else { return false } }
        let unchanged = report.count { if case .unchanged = $0 { return true } else { return false } }
        let failed = report.count(\.isFailure)
        let notListed = report.count { $0 == .notInPriceList }
        var summary = "\(updated) region\(updated == 1 ? "" : "s") updated, \(unchanged) unchanged, \(failed) failed"
        if notListed > 0 { summary += ", \(notListed) not in the Price List" }
        summary += "; \(ByteCount.text(report.bytes)) fetched in \(String(format: "%.1f", report.seconds)) s."
        lines += proseLines(summary, width: width)
        if let date = report.indexPublicationDate { lines += proseLines("Region index published \(date).", width: width) }
        if let damaged = report.replacedDamagedFile { lines += proseLines("The earlier file could not be read (\(damaged)) and was replaced.", width: width) }
        lines += proseLines(report.wroteFile ? "Saved to \(report.file.path)." : "Nothing new: \(report.file.path) is as it was.", width: width)
        if failed > 0 { lines += proseLines("Run the same command again to retry the failed regions; the others won't be fetched again.", width: width) }
        return lines.joined(separator: "\n")
    }

    static func json(_ report: PriceListUpdate.Report) -> JSONText.Value {
        .object([
            ("file", .string(report.file.path)),
            ("wroteFile", .bool(report.wroteFile)),
            ("bytes", .int(report.bytes)),
            ("seconds", .double((report.seconds * 1000).rounded() / 1000)),
            ("indexPublicationDate", report.indexPublicationDate.map { .string($0) } ?? .null),
            ("failed", .bool(report.failed)),
            ("regions", .array(report.regions.map { r in
                var fields: [(String, JSONText.Value)] = [("region", .string(r.region))]
                switch r.outcome {
                case let .updated(prices, version, published, skipped):
                    fields += [("result", .string("updated")), ("prices", .int(prices)), ("offerVersion", .string(version)),
                               ("publicationDate", .string(published)), ("skippedRows", .int(skipped))]
                case let .unchanged(prices, published):
                    fields += [("result", .string("unchanged")), ("prices", .int(prices)), ("publicationDate", .string(published))]
                case let .failed(reason, kept):
                    fields += [("result", .string("failed")), ("reason", .string(reason)), ("keptPrices", .int(kept))]
                case .notInPriceList:
                    fields += [("result", .string("not-in-price-list"))]
                }
                return .object(fields)
            })),
        ])
    }
}

/// `--timeout` and `--retries`, shared by the commands that fetch.
struct FetchOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Seconds to wait for an answer before giving up on a request.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(name: .long, parsing: .unconditional, help: "Times to try a request again after a time-out, a dropped connection or a server error (0 to 10).")
    var retries: Int = 2

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout \(timeout) is not allowed: give seconds from more than 0 to 600.") }
        guard (0...10).contains(retries) else { throw ValidationError("--retries \(retries) is not allowed: give 0 to 10.") }
    }
}

/// `--regions all|r1,r2,…` against the JumpStart regions: unknown names are refused, naming the valid ones.
enum RegionList {
    static func parse(_ text: String?, table: RegionTable, option: String) throws -> [String] {
        guard let text, text != "all" else { return table.names }
        var names: [String] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard !name.isEmpty else { throw CommandFailure("\(option) has an empty name: give all or a comma-separated list of regions.") }
            guard table.contains(name) else {
                throw CatalogError.unknownRegion(name, suggestions: Suggestions.closest(to: name, in: table.names), source: option)
            }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }
}

/// One line of progress on standard error, rewritten in place, only when it is a terminal.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var shown = false

    init(label: String) { self.label = label }

    func show(_ text: String) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        shown = true
        StandardStreams.err("\r\u{1B}[K\(label): \(text)")
    }

    func clear() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        if shown { StandardStreams.err("\r\u{1B}[K") }
        shown = false
    }
}
