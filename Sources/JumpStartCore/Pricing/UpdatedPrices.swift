import Foundation

/// The prices `pricing update` fetched from AWS's public Price List, region by region, kept in
/// one file in the user's data folder (`$XDG_DATA_HOME/jumpstart-tui/pricing/price-list.csv`):
/// a region's rows carry the offer version, its publication date and the `currentVersionUrl`
/// they came from, so the next update knows which regions are current without fetching them.
public struct UpdatedPrices: Sendable, Equatable {
    /// One region's prices from one offer file.
    public struct Region: Sendable, Equatable {
        public var region: String
        /// The offer's `version` (`20261120000000`).
        public var offerVersion: String
        /// The offer's `publicationDate` as AWS wrote it (`2026-11-20T00:00:00Z`).
        public var publicationDate: String
        /// The region index's `currentVersionUrl` for this offer (a path on the Price List host).
        public var versionURL: String
        /// Instance type → on-demand hosting price per hour.
        public var prices: [String: Money]

        public init(region: String, offerVersion: String, publicationDate: String, versionURL: String, prices: [String: Money]) {
            self.region = region
            self.offerVersion = offerVersion
            self.publicationDate = publicationDate
            self.versionURL = versionURL
            self.prices = prices
        }

        /// `2026-11-20`.
        public var asOf: String { String(publicationDate.prefix(10)) }

        /// How a price from this offer names its source (the table, "AWS Price List (updated)", is named beside it).
        public var source: String { "AmazonSageMaker offer \(offerVersion) for \(region), published \(publicationDate)" }
    }

    public var regions: [String: Region]

    public init(regions: [String: Region] = [:]) { self.regions = regions }

    public static let fileName = "price-list.csv"
    public static let header = ["region", "instance_type", "usd_per_hour", "offer_version", "publication_date", "version_url"]

    /// `$XDG_DATA_HOME/jumpstart-tui/pricing/price-list.csv`, else under `~/.local/share`; nil
    /// when neither variable gives a folder.
    public static func file(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        UserFolders.data(environment: environment)?.appendingPathComponent("pricing").appendingPathComponent(fileName)
    }

    /// Every price as a row of the price book, sorted.
    public var rows: [PriceRow] { PriceFiles.sorted(unsortedRows) }

    /// Every price as a row, in no order (the price book indexes them; sorting is for display).
    public var unsortedRows: [PriceRow] {
        regions.values.flatMap { r in
            let source = r.source, asOf = r.asOf
            return r.prices.map { PriceRow(region: r.region, instanceType: $0.key, hourly: $0.value, source: source, asOf: asOf) }
        }
    }

    /// The file's text: a header, then one line per price, by region then instance type.
    public func encoded() -> String {
        var out = CSV.line(Self.header)
        for name in regions.keys.sorted() {
            let r = regions[name]!
            for type in r.prices.keys.sorted(by: PriceFiles.instanceOrder) {
                out += CSV.line([name, type, r.prices[type]!.plainDecimal, r.offerVersion, r.publicationDate, r.versionURL])
            }
        }
        return out
    }

    /// Reads the file; empty when it does not exist.
    public static func read(_ url: URL) throws(PricingError) -> UpdatedPrices {
        guard let bytes = readFile(url.path) else {
            if FileManager.default.fileExists(atPath: url.path) {
                throw .damagedUpdatedFile(path: url.path, line: nil, reason: "it is not readable")
            }
            return UpdatedPrices()
        }
        do throws(PriceFiles.Problem) {
            return try parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw .damagedUpdatedFile(path: url.path, line: error.line, reason: error.reason)
        }
    }

    public static func parse(_ text: String) throws(PriceFiles.Problem) -> UpdatedPrices {
        let records = try CSV.parse(text)
        guard let first = records.first?.fields, first == header else {
            throw PriceFiles.Problem(line: 1, reason: "the header must be \(header.joined(separator: ","))")
        }
        var regions: [String: Region] = [:]
        // Version, date and path repeat on every row of a region: check them when they change.
        var last: (String, String, String)?
        for record in records.dropFirst() {
            let f = record.fields
            func problem(_ reason: String) -> PriceFiles.Problem { PriceFiles.Problem(line: record.line, reason: reason) }
            guard f.count == header.count else { throw problem("expected \(header.count) fields, found \(f.count)") }
            guard PriceFiles.isRegionName(f[0]) else { throw problem("\"\(TerminalSafe.text(f[0], limit: 40))\" is not a region name") }
            guard PriceFiles.isInstanceType(f[1]) else { throw problem("\"\(TerminalSafe.text(f[1], limit: 40))\" is not an instance type") }
            guard let price = Money(decimal: f[2]), price > .zero, price <= PriceListReader.plausibleHourly else {
                throw problem("price \"\(TerminalSafe.text(f[2], limit: 40))\" is not a plausible number of dollars an hour")
            }
            if last.map({ $0 != (f[3], f[4], f[5]) }) ?? true {
                guard PriceListReader.isVersion(f[3]) else { throw problem("\"\(TerminalSafe.text(f[3], limit: 40))\" is not an offer version") }
                guard PriceListReader.isDate(f[4]) else { throw problem("\"\(TerminalSafe.text(f[4], limit: 40))\" is not a publication date") }
                guard isVersionPath(f[5]) else { throw problem("\"\(TerminalSafe.text(f[5], limit: 80))\" is not a Price List path") }
                last = (f[3], f[4], f[5])
            }
            if var r = regions[f[0]] {
                guard r.offerVersion == f[3], r.publicationDate == f[4], r.versionURL == f[5] else {
                    throw problem("\(f[0]) has rows from two offers")
                }
                guard r.prices[f[1]] == nil else { throw problem("a second price for \(f[1]) in \(f[0])") }
                r.prices[f[1]] = price
                regions[f[0]] = r
            } else {
                regions[f[0]] = Region(region: f[0], offerVersion: f[3], publicationDate: f[4], versionURL: f[5], prices: [f[1]: price])
            }
        }
        return UpdatedPrices(regions: regions)
    }

    /// A `currentVersionUrl`: an absolute path of printable ASCII, no `..`, at most 300 characters.
    public static func isVersionPath(_ s: String) -> Bool {
        s.hasPrefix("/") && s.utf8.count <= 300 && !s.contains("..")
            && s.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" && $0 != "\"" }
    }
}

/// The user's XDG folders, where what the user fetched or imported lives (never the bundled `data/`).
public enum UserFolders {
    /// `$XDG_DATA_HOME/jumpstart-tui`, else `~/.local/share/jumpstart-tui`.
    public static func data(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        folder(environment["XDG_DATA_HOME"], home: environment["HOME"], fallback: ".local/share")
    }

    /// `$XDG_CONFIG_HOME/jumpstart-tui`, else `~/.config/jumpstart-tui`.
    public static func config(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        folder(environment["XDG_CONFIG_HOME"], home: environment["HOME"], fallback: ".config")
    }

    static func folder(_ xdg: String?, home: String?, fallback: String) -> URL? {
        // The XDG spec: a relative path in the variable is invalid and is ignored.
        if let xdg, xdg.hasPrefix("/") { return URL(fileURLWithPath: xdg).appendingPathComponent("jumpstart-tui") }
        guard let home, home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(fallback).appendingPathComponent("jumpstart-tui")
    }

    /// `JUMPSTART_TUI_BUNDLED_DATA=1`: every command uses the bundled data only, ignoring what the
    /// user fetched or imported (golden outputs and the README tour run this way).
    public static let bundledOnlyVariable = "JUMPSTART_TUI_BUNDLED_DATA"

    public static func bundledOnly(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard let v = environment[bundledOnlyVariable] else { return false }
        return !v.isEmpty && v != "0"
    }
}

/// A calendar day, for the age of a price: `2026-11-20`, or a month (`2023-12`, counted from its
/// first day).
public struct CalendarDay: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let number: Int

    public init?(asOf text: String) {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        var d = 1
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return nil }
            d = day
        }
        number = Self.daysFromCivil(y, m, d)
    }

    public init(number: Int) { self.number = number }

    /// Today in UTC, or `JUMPSTART_TUI_TODAY` (YYYY-MM-DD) when set: tests fix the date with it.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> CalendarDay {
        if let fixed = environment["JUMPSTART_TUI_TODAY"], let day = CalendarDay(asOf: fixed) { return day }
        return CalendarDay(number: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.number < b.number }

    public var description: String {
        let (y, m, d) = Self.civil(fromDays: number)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
