import ArgumentParser
import Foundation
import JumpStartCore

/// `jumpstart-tui pricing …`: the user's own prices and what is known.
struct PricingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricing",
        abstract: "Import AWS's own price list, and see which prices are known.",
        discussion: """
            Your price file is $XDG_CONFIG_HOME/jumpstart-tui/prices.csv (else ~/.config/jumpstart-tui/prices.csv). \
            Its prices take precedence over the bundled ones, region by region and instance type by instance type.
            """,
        subcommands: [PricingUpdateCommand.self, PricingImportCommand.self, PricingStatusCommand.self])
}

/// `jumpstart-tui pricing import FILE…`.
struct PricingImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import SageMaker hosting prices from AWS Price List files into your price file.",
        discussion: """
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
        let result = try PriceListImport.read(files: urls)
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
        note("Skipped \(result.skippedProducts) products that are not real-time hosting instances and \(result.skippedPrices) prices not in USD per hour. `jumpstart-tui pricing status` shows every price now in use.")
    }
}

/// `jumpstart-tui pricing status`.
struct PricingStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show which prices are known: regions × instance types, from which source, as of when.")

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard format == .table || format == .json else {
            throw ValidationError("--format \(format.rawValue) is not offered by pricing status; use table or json.")
        }
    }

    func run() throws {
        let catalog = try loadCatalog()
        let prices = try loadPrices()
        let quotes = prices.quotesInUse
        let types = prices.instanceTypes
        let userPath = prices.userFile?.path
        if format == .json {
            emit(JSONText.pretty(.object([
                ("userFile", userPath.map { .string($0) } ?? .null),
                ("userFileExists", .bool(prices.userFile.map { FileManager.default.fileExists(atPath: $0.path) } ?? false)),
                ("userPrices", .int(prices.userPrices.count)),
                ("bundledPrices", .int(prices.bundledPrices.count)),
                ("instanceTypes", .int(types.count)),
                ("regions", .array(catalog.regions.names.map { region in
                    let here = quotes.filter { $0.row.region == region }
                    return .object([
                        ("region", .string(region)),
                        ("known", .int(here.count)),
                        ("prices", .array(here.map { q in
                            .object([
                                ("instanceType", .string(q.row.instanceType)),
                                ("hourly", q.hourly.jsonPrecise),
                                ("currency", .string("USD")),
                                ("origin", .string(q.origin.rawValue)),
                                ("source", .string(q.source)),
                                ("asOf", .string(q.asOf)),
                            ])
                        })),
                    ])
                })),
            ])))
            return
        }
        let width = outputWidth() ?? 100
        var lines: [String] = []
        let userNote: String
        if let userPath {
            userNote = prices.userPrices.isEmpty ? "Your price file: none yet (\(userPath))." : "Your price file: \(prices.userPrices.count) prices (\(userPath))."
        } else {
            userNote = "Your price file: no place for one (neither XDG_CONFIG_HOME nor HOME is set)."
        }
        lines += userNote.wrapped(to: width, indent: "  ")
        lines += "Bundled: \(prices.bundledPrices.count) prices (data/pricing/prices.csv). Known: \(quotes.count) region × instance type cells of \(catalog.regions.names.count) × \(types.count).".wrapped(to: width, indent: "  ")
        lines.append("")
        var summary = TextTable([.init(title: "REGION"), .init(title: "KNOWN", alignment: .right), .init(title: "BUNDLED", alignment: .right),
                                 .init(title: "YOURS", alignment: .right), .init(title: "AS OF", flexible: true, minWidth: 10)])
        var none: [String] = []
        for region in catalog.regions.names {
            let here = quotes.filter { $0.row.region == region }
            guard !here.isEmpty else { none.append(region); continue }
            let dates = Set(here.map(\.asOf)).sorted()
            let asOf = dates.count == 1 ? dates[0] : "\(dates.first!) … \(dates.last!)"
            summary.add([region, "\(here.count)/\(types.count)", String(here.filter { $0.origin == .bundled }.count),
                         String(here.filter { $0.origin == .user }.count), asOf])
        }
        lines += summary.render(width: width)
        if !none.isEmpty {
            lines.append("")
            lines += "No price at all in: \(none.joined(separator: ", ")).".wrapped(to: width, indent: "  ")
        }
        lines.append("")
        var cells = TextTable([.init(title: "REGION"), .init(title: "TYPE"), .init(title: "$/HOUR", alignment: .right),
                               .init(title: "FROM"), .init(title: "AS OF"), .init(title: "SOURCE", flexible: true, minWidth: 10)])
        for q in quotes {
            cells.add([q.row.region, q.row.instanceType, q.hourly.formattedPrecise, q.origin == .user ? "yours" : "bundled", q.asOf, q.source])
        }
        lines += cells.render(width: width)
        emit(lines.joined(separator: "\n"))
    }
}
