import ArgumentParser
import Foundation
import JumpStartCore

/// `jumpstart-tui pricing …`: the user's own prices and what is known.
struct PricingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricing",
        abstract: "Fetch AWS's public Price List, import price files, and see which prices are known.",
        discussion: """
            Precedence, region by region and instance type by instance type: your own price file \
            ($XDG_CONFIG_HOME/jumpstart-tui/prices.csv, else ~/.config/jumpstart-tui/prices.csv, written by \
            `pricing import`), then the Price List fetched by `pricing update` \
            ($XDG_DATA_HOME/jumpstart-tui/pricing/price-list.csv, else ~/.local/share/…), then the bundled table.
            """,
        subcommands: [PricingUpdateCommand.self, PricingImportCommand.self, PricingStatusCommand.self])
}

/// `jumpstart-tui pricing import FILE…`.
struct PricingImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import SageMaker hosting prices from AWS Price List files into your price file.",
        discussion: """
            Without AWS credentials, `jumpstart-tui pricing update` fetches the same public Price List for every \
            region; import is for files you already have (or private prices in the same format).

            Reads the JSON printed by
              aws pricing get-products --region us-east-1 --service-code AmazonSageMaker \\
                --filters Type=TERM_MATCH,Field=component,Value=Hosting > page1.json
            (several pages or files at once), or the bulk offer file
              https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonSageMaker/current/index.json
            and keeps real-time hosting on-demand prices: productFamily "ML Instance", component "Hosting", \
            unit Hrs, USD. Each price's source is the file and the offer's publication date. Cells already in \
            your price file that the files don't contain are kept unless --replace is given. Nothing is written \
            if any file can't be read.
            """)

    @Argument(help: ArgumentHelp("Price list files (JSON).", valueName: "file"))
    var files: [String]

    @Flag(name: .long, help: "Drop the prices already in your price file instead of keeping the cells not imported.")
    var replace = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one price list file.") }
    }

    func run() throws {
        guard let target = PriceBook.userPriceFile() else {
            throw CommandFailure("Neither XDG_CONFIG_HOME nor HOME is set, so there is no place for your price file.")
        }
        let urls = files.map { URL(fileURLWithPath: $0) }
        let line = ProgressLine(label: "pricing import")
        let result = try PriceListImport.read(files: urls) { file, read, size in
            line.show("\(URL(fileURLWithPath: file).lastPathComponent) \(size > 0 ? read * 100 / size : 0)% (\(ByteCount.text(read)) of \(ByteCount.text(size)))")
        }
        line.clear()
        guard !result.rows.isEmpty else {
            throw PricingError.noHostingPrices(files: files, skipped: result.skippedProducts + result.skippedPrices)
        }
        let existing = try PriceBook.readUserFile(target)
        let merged = PriceListImport.merge(existing: existing, imported: result.rows, replacing: replace)
        try PriceListImport.writeUserFile(merged, to: target)
        let regions = Set(result.rows.map(\.region)).count
        let kept = merged.count - result.rows.count
        emit("Imported \(result.rows.count) price\(result.rows.count == 1 ? "" : "s") in \(regions) region\(regions == 1 ? "" : "s") into \(target.path)"
             + (kept > 0 ? " (kept \(kept) earlier one\(kept == 1 ? "" : "s"))." : "."))
        var skipped = "Skipped \(result.skippedProducts) product\(result.skippedProducts == 1 ? "" : "s") that \(result.skippedProducts == 1 ? "is" : "are") not real-time hosting"
        if result.skippedPrices > 0 { skipped += ", \(result.skippedPrices) price\(result.skippedPrices == 1 ? "" : "s") not in USD per hour" }
        if result.implausiblePrices > 0 {
            skipped += ", and \(result.implausiblePrices) hosting price\(result.implausiblePrices == 1 ? "" : "s") that \(result.implausiblePrices == 1 ? "is" : "are") not a plausible positive USD amount"
        }
        note(skipped + ". `jumpstart-tui pricing status` shows every price now in use.")
    }
}

/// `jumpstart-tui pricing status`.
struct PricingStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show which prices are known: per region, how many of the catalog's instance types, from which source, how old.",
        discussion: """
            Precedence, cell by cell: your own imported prices, then AWS's Price List as last fetched by \
            `jumpstart-tui pricing update`, then the bundled table. A price older than 180 days is stale.
            """)

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard format == .table || format == .json else {
            throw ValidationError("--format \(format.rawValue) is not offered by pricing status; use table or json.")
        }
    }

    /// One region's coverage of the catalog's instance types.
    struct RegionCoverage {
        var region: String
        var quotes: [PriceQuote]
        var catalogTypes: Set<String>
        var inCatalog: [PriceQuote] { quotes.filter { catalogTypes.contains($0.row.instanceType) } }
        func count(_ origin: PriceOrigin) -> Int { inCatalog.filter { $0.origin == origin }.count }
        var stale: Int { inCatalog.filter { $0.isStale == true }.count }
        var undated: Int { inCatalog.filter { $0.ageDays == nil }.count }
        var oldest: String? { inCatalog.map(\.asOf).filter { $0 != "unknown" }.min() }
        var newest: String? { inCatalog.map(\.asOf).filter { $0 != "unknown" }.max() }
    }

    func run() throws {
        let catalog = try loadCatalog()
        let prices = try loadPrices()
        var catalogTypes = Set<String>()
        for s in try catalog.allSummaries() { catalogTypes.formUnion(s.instanceTypes) }
        let byRegion = Dictionary(grouping: prices.quotesInUse, by: \.row.region)
        let coverage = catalog.regions.names.map { RegionCoverage(region: $0, quotes: byRegion[$0] ?? [], catalogTypes: catalogTypes) }
        let userPath = prices.userFile?.path
        let updatedPath = prices.updatedFile?.path
        if format == .json {
            emit(JSONText.pretty(.object([
                ("today", .string(prices.today.description)),
                ("staleAfterDays", .int(PriceQuote.staleAfterDays)),
                ("bundledOnly", .bool(UserFolders.bundledOnly())),
                ("userFile", userPath.map { .string($0) } ?? .null),
                ("userFileExists", .bool(prices.userFile.map { FileManager.default.fileExists(atPath: $0.path) } ?? false)),
                ("userPrices", .int(prices.userPrices.count)),
                ("priceListFile", updatedPath.map { .string($0) } ?? .null),
                ("priceListPrices", .int(prices.updatedPrices.rows.count)),
                ("bundledPrices", .int(prices.bundledPrices.count)),
                ("catalogInstanceTypes", .int(catalogTypes.count)),
                ("regions", .array(coverage.map { c in
                    .object([
                        ("region", .string(c.region)),
                        ("priced", .int(c.inCatalog.count)),
                        ("fromYou", .int(c.count(.user))),
                        ("fromPriceList", .int(c.count(.priceList))),
                        ("fromBundled", .int(c.count(.bundled))),
                        ("stale", .int(c.stale)),
                        ("undated", .int(c.undated)),
                        ("priceListPublished", prices.updatedPrices.regions[c.region].map { .string($0.publicationDate) } ?? .null),
                        ("priceListOffer", prices.updatedPrices.regions[c.region].map { .string($0.offerVersion) } ?? .null),
                        ("prices", .array(c.quotes.map { q in
                            .object([
                                ("instanceType", .string(q.row.instanceType)),
                                ("hourly", q.hourly.jsonPrecise),
                                ("currency", .string("USD")),
                                ("origin", .string(q.origin.rawValue)),
                                ("source", .string(q.source)),
                                ("asOf", .string(q.asOf)),
                                ("ageDays", q.ageDays.map { .int($0) } ?? .null),
                                ("stale", q.isStale.map { .bool($0) } ?? .null),
                            ])
                        })),
                    ])
                })),
            ])))
            return
        }
        let width = outputWidth() ?? 100
        var lines: [String] = []
        if UserFolders.bundledOnly() {
            lines += "\(UserFolders.bundledOnlyVariable) is set: only the bundled prices are used.".wrapped(to: width, indent: "  ")
        }
        if let userPath {
            lines += (prices.userPrices.isEmpty ? "Your price file: none yet (\(userPath))." : "Your price file: \(prices.userPrices.count) prices (\(userPath)).").wrapped(to: width, indent: "  ")
        } else if !UserFolders.bundledOnly() {
            lines += "Your price file: no place for one (neither XDG_CONFIG_HOME nor HOME is set).".wrapped(to: width, indent: "  ")
        }
        if let updatedPath {
            let n = prices.updatedPrices.regions.count
            lines += (n == 0 ? "AWS Price List: not fetched yet (`jumpstart-tui pricing update` saves it to \(updatedPath))."
                      : "AWS Price List: \(prices.updatedPrices.rows.count) prices in \(n) region\(n == 1 ? "" : "s") (\(updatedPath)).").wrapped(to: width, indent: "  ")
        }
        lines += "Bundled: \(prices.bundledPrices.count) prices (data/pricing/prices.csv). Ages against \(prices.today); stale after \(PriceQuote.staleAfterDays) days.".wrapped(to: width, indent: "  ")
        lines.append("")
        var summary = TextTable([.init(title: "REGION"), .init(title: "PRICED", alignment: .right), .init(title: "YOURS", alignment: .right),
                                 .init(title: "PRICE LIST", alignment: .right), .init(title: "BUNDLED", alignment: .right),
                                 .init(title: "STALE", alignment: .right), .init(title: "AS OF", flexible: true, minWidth: 10)])
        var none: [String] = []
        for c in coverage {
            guard !c.inCatalog.isEmpty else { none.append(c.region); continue }
            let asOf = c.oldest.map { old in c.newest.map { $0 == old ? old : "\(old) … \($0)" } ?? old } ?? "unknown"
            summary.add([c.region, "\(c.inCatalog.count)/\(catalogTypes.count)", String(c.count(.user)), String(c.count(.priceList)),
                         String(c.count(.bundled)), String(c.stale), asOf + (c.undated > 0 ? ", \(c.undated) undated" : "")])
        }
        lines += summary.render(width: width)
        if !none.isEmpty {
            lines.append("")
            lines += "No price for any of the catalog's \(catalogTypes.count) instance types in: \(none.joined(separator: ", ")). `jumpstart-tui pricing update` fetches them.".wrapped(to: width, indent: "  ")
        }
        lines.append("")
        var cells = TextTable([.init(title: "REGION"), .init(title: "TYPE"), .init(title: "$/HOUR", alignment: .right),
                               .init(title: "FROM"), .init(title: "AS OF"), .init(title: "SOURCE", flexible: true, minWidth: 10)])
        for q in prices.quotesInUse {
            let from: String
            switch q.origin {
            case .user: from = "yours"
            case .priceList: from = "price list"
            case .bundled: from = "bundled"
            }
            cells.add([q.row.region, q.row.instanceType, q.hourly.formattedPrecise, from, q.asOf + (q.isStale == true ? " stale" : ""),
                       TerminalSafe.text(q.source)])
        }
        lines += cells.render(width: width)
        emit(lines.joined(separator: "\n"))
    }
}
