import Foundation

/// Which price table a figure came from. Precedence, cell by cell: the user's own imported prices
/// (they may be private prices), then the updated Price List, then the bundled table.
public enum PriceOrigin: String, Sendable, Equatable {
    /// `data/pricing/prices.csv`, shipped with the program.
    case bundled
    /// AWS's public Price List, fetched by `jumpstart-tui pricing update` into the user's data folder.
    case priceList = "price-list"
    /// The user's own price file, written by `jumpstart-tui pricing import`.
    case user

    /// How outputs name the table: "bundled prices", "AWS Price List (updated)", "your price file".
    public var label: String {
        switch self {
        case .bundled: return "bundled prices"
        case .priceList: return "AWS Price List (updated)"
        case .user: return "your price file"
        }
    }
}

/// The price used for one (region, instance type): the row, which table it came from, and how old it is.
public struct PriceQuote: Sendable, Equatable {
    public var row: PriceRow
    public var origin: PriceOrigin
    /// Days from the price's as-of date to today; nil when the date is unknown.
    public var ageDays: Int?
    /// For a price of your own: the updated Price List's price for the same cell when it is newer.
    public var newerPriceList: PriceRow?

    public init(row: PriceRow, origin: PriceOrigin, ageDays: Int? = nil, newerPriceList: PriceRow? = nil) {
        self.row = row
        self.origin = origin
        self.ageDays = ageDays
        self.newerPriceList = newerPriceList
    }

    public var hourly: Money { row.hourly }
    public var source: String { row.source }
    public var asOf: String { row.asOf }

    /// Prices older than this many days are marked stale.
    public static let staleAfterDays = 180

    /// True when older than `staleAfterDays`; nil when its date is unknown.
    public var isStale: Bool? { ageDays.map { $0 > Self.staleAfterDays } }

    /// "stale: 700 days old", "date unknown", or nil for a current price.
    public var ageNote: String? {
        guard let ageDays else { return "date unknown" }
        return ageDays > Self.staleAfterDays ? "stale: \(ageDays) days old" : nil
    }
}

/// Every price and every instance type's hardware the program knows: the bundled table, the
/// updated Price List over it, and the user's price file over both, cell by cell.
public final class PriceBook: Sendable {
    public let bundledPrices: [PriceRow]
    public let updatedPrices: UpdatedPrices
    public let userPrices: [PriceRow]
    /// Where the user's price file is looked for (whether or not it exists).
    public let userFile: URL?
    /// Where `pricing update` keeps the Price List (whether or not it exists); nil when only
    /// bundled data is used.
    public let updatedFile: URL?
    /// The day prices are aged against.
    public let today: CalendarDay
    /// Every instance type's hardware, by family then size.
    public let hardware: [InstanceHardware]

    private let quotes: [String: PriceQuote]
    private let hardwareByType: [String: InstanceHardware]

    /// The bundled tables (see `DataLocation`) with the updated Price List and the user's price file
    /// laid over them (unless `JUMPSTART_TUI_BUNDLED_DATA=1`), loaded once per process.
    public static func bundled() throws(PricingError) -> PriceBook {
        try BundledPriceBook.shared.get()
    }

    /// The user's price file: `$XDG_CONFIG_HOME/jumpstart-tui/prices.csv`, else
    /// `~/.config/jumpstart-tui/prices.csv`; nil when neither variable gives a folder.
    public static func userPriceFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        UserFolders.config(environment: environment)?.appendingPathComponent("prices.csv")
    }

    /// Loads the tables this process's environment asks for: the bundled ones, and unless
    /// `JUMPSTART_TUI_BUNDLED_DATA=1`, the updated Price List and the user's price file.
    public static func load(dataDirectory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PricingError) -> PriceBook {
        let bundledOnly = UserFolders.bundledOnly(environment: environment)
        return try load(dataDirectory: dataDirectory, userFile: bundledOnly ? nil : userPriceFile(environment: environment),
                        updatedFile: bundledOnly ? nil : UpdatedPrices.file(environment: environment),
                        today: CalendarDay.today(environment: environment))
    }

    /// Loads `dataDirectory/pricing/` and, when given and present, the updated Price List and the user's price file.
    public static func load(dataDirectory: URL, userFile: URL?, updatedFile: URL? = nil, today: CalendarDay = .today()) throws(PricingError) -> PriceBook {
        let dir = dataDirectory.appendingPathComponent("pricing")
        func bundledText(_ name: String) throws(PricingError) -> String {
            guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) else {
                throw .damaged(file: "pricing/\(name)", line: nil, reason: "the file is missing or unreadable")
            }
            return String(decoding: data, as: UTF8.self)
        }
        let prices: [PriceRow], hardware: [InstanceHardware]
        let pricesText = try bundledText(PriceFiles.pricesFile), instancesText = try bundledText(PriceFiles.instancesFile)
        do throws(PriceFiles.Problem) {
            prices = try PriceFiles.parsePrices(pricesText)
        } catch {
            throw .damaged(file: "pricing/\(PriceFiles.pricesFile)", line: error.line, reason: error.reason)
        }
        do throws(PriceFiles.Problem) {
            hardware = try PriceFiles.parseInstances(instancesText)
        } catch {
            throw .damaged(file: "pricing/\(PriceFiles.instancesFile)", line: error.line, reason: error.reason)
        }
        let user = try userFile.map { url throws(PricingError) in try readUserFile(url) } ?? []
        let updated = try updatedFile.map { url throws(PricingError) in try UpdatedPrices.read(url) } ?? UpdatedPrices()
        return PriceBook(bundled: prices, updated: updated, user: user, userFile: userFile, updatedFile: updatedFile,
                         hardware: hardware, today: today)
    }

    /// The rows of a user price file; empty when it doesn't exist.
    public static func readUserFile(_ url: URL) throws(PricingError) -> [PriceRow] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .damagedUserFile(path: url.path, line: nil, reason: "it is not readable")
        }
        do throws(PriceFiles.Problem) {
            return try PriceFiles.parsePrices(String(decoding: data, as: UTF8.self))
        } catch {
            throw .damagedUserFile(path: url.path, line: error.line, reason: error.reason)
        }
    }

    public init(bundled: [PriceRow], updated: UpdatedPrices = UpdatedPrices(), user: [PriceRow], userFile: URL?,
                updatedFile: URL? = nil, hardware: [InstanceHardware], today: CalendarDay = .today()) {
        self.bundledPrices = bundled
        self.updatedPrices = updated
        self.userPrices = user
        self.userFile = userFile
        self.updatedFile = updatedFile
        self.hardware = hardware
        self.today = today
        // A handful of distinct dates across a thousand rows: parse each once.
        var ages: [String: Int?] = [:]
        func age(_ row: PriceRow) -> Int? {
            if let known = ages[row.asOf] { return known }
            let value = CalendarDay(asOf: row.asOf).map { today.number - $0.number }
            ages[row.asOf] = value
            return value
        }
        var quotes: [String: PriceQuote] = [:]
        quotes.reserveCapacity(bundled.count + updated.regions.values.reduce(0) { $0 + $1.prices.count } + user.count)
        for r in bundled { quotes[Self.key(r.region, r.instanceType)] = PriceQuote(row: r, origin: .bundled, ageDays: age(r)) }
        var listed: [String: PriceRow] = [:]
        for r in updated.unsortedRows {
            let key = Self.key(r.region, r.instanceType)
            listed[key] = r
            quotes[key] = PriceQuote(row: r, origin: .priceList, ageDays: age(r))
        }
        for r in user {
            let key = Self.key(r.region, r.instanceType)
            var newer: PriceRow?
            // A price of your own older than the Price List's for the same cell: outputs say so.
            if let l = listed[key], let lDay = CalendarDay(asOf: l.asOf), CalendarDay(asOf: r.asOf).map({ $0 < lDay }) ?? true { newer = l }
            quotes[key] = PriceQuote(row: r, origin: .user, ageDays: age(r), newerPriceList: newer)
        }
        self.quotes = quotes
        var byType: [String: InstanceHardware] = [:]
        for h in hardware { byType[h.instanceType] = h }
        self.hardwareByType = byType
    }

    private static func key(_ region: String, _ type: String) -> String { region + " " + type }

    /// The price used for a region and instance type: the user's, else the updated Price List's, else the bundled one.
    public func quote(region: String, instanceType: String) -> PriceQuote? {
        quotes[Self.key(region, instanceType)]
    }

    /// Every price in use (user prices replacing bundled ones), by region then instance type.
    public var quotesInUse: [PriceQuote] {
        quotes.values.sorted { a, b in
            a.row.region != b.row.region ? a.row.region < b.row.region : PriceFiles.instanceOrder(a.row.instanceType, b.row.instanceType)
        }
    }

    public func hardware(for instanceType: String) -> InstanceHardware? { hardwareByType[instanceType] }

    /// Every instance type with hardware or a price, by family then size.
    public var instanceTypes: [String] {
        Set(hardware.map(\.instanceType) + quotes.values.map(\.row.instanceType)).sorted(by: PriceFiles.instanceOrder)
    }

    /// Throws unless the instance type has hardware or a price somewhere.
    public func checkKnown(instanceType: String) throws(PricingError) {
        if hardwareByType[instanceType] != nil || quotes.values.contains(where: { $0.row.instanceType == instanceType }) { return }
        throw .unknownInstanceType(instanceType, suggestions: Suggestions.closest(to: instanceType, in: instanceTypes))
    }

    /// What `count` instances of a type cost in a region running `hoursPerMonth` a month; unknown
    /// (with the reason) when there is no price for that cell. Never a guess, never zero.
    public func costEstimate(
        region: String, instanceType: String, count: Int = 1, hoursPerMonth: HoursPerMonth = .standard
    ) throws(PricingError) -> CostEstimate {
        try CostEstimate(quote: quote(region: region, instanceType: instanceType), region: region,
                         instanceType: instanceType, count: count, hoursPerMonth: hoursPerMonth)
    }
}

/// The cost of running `count` instances of a type in a region for a month of `hoursPerMonth`,
/// on demand; or unknown, with the reason.
public struct CostEstimate: Sendable, Equatable {
    public var region: String
    public var instanceType: String
    public var count: Int
    public var hoursPerMonth: HoursPerMonth
    /// The price used; nil when unknown.
    public var quote: PriceQuote?

    /// The price of one instance for one hour.
    public var unitHourly: Money?
    /// All `count` instances for one hour.
    public var hourly: Money?
    /// All instances for 24 hours.
    public var daily: Money?
    /// All instances for `hoursPerMonth` hours.
    public var monthly: Money?
    /// Twelve such months.
    public var yearly: Money?

    public var currency: String { "USD" }
    public var known: Bool { quote != nil }
    public var source: String? { quote?.source }
    public var asOf: String? { quote?.asOf }
    public var origin: PriceOrigin? { quote?.origin }
    /// Why the cost is unknown; nil when known.
    public var reason: String? {
        known ? nil : "no price for \(instanceType) in \(region)"
    }

    public init(quote: PriceQuote?, region: String, instanceType: String, count: Int, hoursPerMonth: HoursPerMonth) throws(PricingError) {
        guard count >= 1, count <= PricingError.maximumCount else { throw .invalidCount(count) }
        self.region = region
        self.instanceType = instanceType
        self.count = count
        self.hoursPerMonth = hoursPerMonth
        self.quote = quote
        guard let price = quote?.hourly.micros else { return }
        let n = Int64(count)
        // At most $999,999,999.999999/h × 744,000 milli-hours × 1,000 × 12 would overflow; a real
        // price (the largest is about $113/h) is six orders of magnitude below that.
        func times(_ a: Int64, _ b: Int64) throws(PricingError) -> Int64 {
            let (r, overflow) = a.multipliedReportingOverflow(by: b)
            if overflow { throw .amountTooLarge(instanceType: instanceType, region: region, hourly: Money(micros: price)) }
            return r
        }
        let perHour = try times(price, n)
        let milliMonth = try times(perHour, hoursPerMonth.milliHours)
        self.unitHourly = Money(micros: price)
        self.hourly = Money(micros: perHour)
        self.daily = Money(micros: try times(perHour, 24))
        self.monthly = Money(micros: (milliMonth + 500) / 1_000)
        self.yearly = Money(micros: (try times(milliMonth, 12) + 500) / 1_000)
    }
}

private final class BundledPriceBook: @unchecked Sendable {
    static let shared = BundledPriceBook()
    private let lock = NSLock()
    private var result: Result<PriceBook, PricingError>?

    func get() throws(PricingError) -> PriceBook {
        lock.lock()
        defer { lock.unlock() }
        if let result { return try result.get() }
        let loaded: Result<PriceBook, PricingError>
        do throws(PricingError) {
            let data: URL
            do throws(CatalogError) { data = try DataLocation.cached() } catch {
                throw PricingError.damaged(file: "pricing/\(PriceFiles.pricesFile)", line: nil, reason: "\(error)")
            }
            loaded = .success(try PriceBook.load(dataDirectory: data))
        } catch {
            loaded = .failure(error)
        }
        result = loaded
        return try loaded.get()
    }
}
