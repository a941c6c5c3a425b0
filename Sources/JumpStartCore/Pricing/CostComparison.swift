import Foundation

/// Costs side by side: every supported instance type of a model in one region, or one instance
/// type across regions. Rows are sorted by monthly cost, unknown costs last.
public struct CostComparison: Sendable {
    public enum Axis: Sendable, Equatable {
        /// A model's supported instance types in one region.
        case instanceTypes(region: String)
        /// One instance type across regions.
        case regions(instanceType: String)
    }

    public struct Row: Sendable {
        public var region: String
        public var instanceType: String
        public var hardware: InstanceHardware?
        public var estimate: CostEstimate
        /// The model's default instance type (false without a model).
        public var isDefault: Bool
        /// Whether the model deploys on this row; nil without a model.
        public var deployable: Bool?
        /// Why the model doesn't deploy on this row.
        public var problem: PlanError?
        /// The cheapest row with a known price that deploys (without a model: the cheapest known),
        /// claimed only when at least half of the rows that deploy have a price.
        public var isCheapest: Bool
        /// The price of one instance-hour per accelerator; nil without accelerators or a price.
        public var hourlyPerAccelerator: Money?
        /// The price of one instance-hour per GiB of accelerator memory.
        public var hourlyPerAcceleratorGiB: Money?
        /// What a million output tokens cost on one instance at JumpStart's measured throughput;
        /// nil without both a price and a published throughput.
        public var tokenCost: TokenCost?
        /// The month at the comparison's capacity (a range when it autoscales or follows a schedule).
        public var capacityCost: CapacityCost
        /// The figure rows are sorted and "cheapest" is judged by: the low end of the month.
        public var sortKey: Money? { capacityCost.monthlyLow }
    }

    /// `$ per 1M output tokens` = hourly price ÷ (tokens/s × 3,600) × 1,000,000, where tokens/s is
    /// the instance's output at the concurrency JumpStart measured: its per-user throughput (what the
    /// SDK calls "Throughput (P50 in tokens/sec/user)") times that many users — at the lowest
    /// concurrency it measured.
    public struct TokenCost: Sendable, Equatable {
        public var perMillion: Money
        /// Tokens per second per user, as the spec writes it.
        public var tokensPerSecond: String
        /// The concurrency the throughput was measured at (1 when the spec gives none).
        public var concurrency: Int?
        /// The instance's output: per-user throughput × concurrency.
        public var instanceTokensPerSecond: Double
        /// The deployment configuration the benchmark belongs to.
        public var config: String

        public init?(hourly: Money?, config: DeploymentConfig?, instanceType: String) {
            guard let hourly, let config, let metric = config.throughput(on: instanceType), let tps = metric.numericValue else { return nil }
            let users = Double(max(1, metric.concurrency ?? 1))
            let perMillion = Double(hourly.micros) / (tps * users * 3600) * 1_000_000
            self.instanceTokensPerSecond = tps * users
            guard perMillion.isFinite, perMillion < 9e15 else { return nil }
            self.perMillion = Money(micros: Int64(perMillion.rounded()))
            self.tokensPerSecond = metric.value
            self.concurrency = metric.concurrency
            self.config = config.name
        }
    }

    /// Where the prices in a comparison come from: one line per distinct source.
    public struct SourceUse: Sendable, Equatable {
        public var origin: PriceOrigin
        public var source: String
        public var asOf: String
        /// The cells priced from it: instance types, or regions, in row order.
        public var cells: [String]
    }

    public var axis: Axis
    /// `MODEL@VERSION`, when a model was given.
    public var model: String?
    public var count: Int { capacity.initialCount }
    public var capacity: Capacity
    public var hoursPerMonth: HoursPerMonth
    public var rows: [Row]
    /// Whether the month is a range or follows a schedule (anything but a plain fixed count).
    public var capacityIsPlain: Bool { capacity.schedule == nil && !capacity.isAutoscaling }

    /// The distinct price sources the rows use, user's first, then by as-of date, newest first.
    public var sources: [SourceUse] {
        var list: [SourceUse] = []
        for row in rows {
            guard let q = row.estimate.quote else { continue }
            let cell: String
            switch axis {
            case .instanceTypes: cell = row.instanceType
            case .regions: cell = row.region
            }
            if let i = list.firstIndex(where: { $0.origin == q.origin && $0.source == q.source && $0.asOf == q.asOf }) {
                list[i].cells.append(cell)
            } else {
                list.append(SourceUse(origin: q.origin, source: q.source, asOf: q.asOf, cells: [cell]))
            }
        }
        return list.sorted { a, b in
            a.origin != b.origin ? a.origin == .user : (a.asOf != b.asOf ? a.asOf > b.asOf : a.source < b.source)
        }
    }

    /// The cheapest deployable row (without a model, the cheapest known one).
    public var cheapest: Row? { rows.first(where: \.isCheapest) }

    /// Rows that deploy (every row without a model): those a "cheapest" is chosen among.
    public var candidates: [Row] { rows.filter { $0.deployable != false } }
    /// How many of the candidates have a price.
    public var pricedCandidates: Int { candidates.filter(\.estimate.known).count }
    /// How many of the candidates have no price.
    public var unknownCandidates: Int { candidates.count - pricedCandidates }
    /// Rows of any kind without a price.
    public var unknownRows: [Row] { rows.filter { !$0.estimate.known } }
    /// Rows whose price is older than `PriceQuote.staleAfterDays`.
    public var staleRows: [Row] { rows.filter { $0.estimate.quote?.isStale == true } }

    /// "types" or "regions", for sentences about the rows.
    public var rowNoun: String {
        switch axis {
        case .instanceTypes: return "types"
        case .regions: return "regions"
        }
    }

    /// What the cheapest mark claims, honestly: "cheapest", "cheapest of 3 priced types; 7 unknown";
    /// or, when too few candidates have a price to claim one, why none is marked.
    public var cheapestClaim: String? {
        let deploy = model == nil ? "" : " that deploy"
        if cheapest != nil {
            return unknownCandidates == 0 ? "cheapest\(model == nil ? "" : " that deploys")" : "cheapest of \(pricedCandidates) priced \(rowNoun)\(deploy); \(unknownCandidates) unknown"
        }
        guard pricedCandidates > 0 else { return nil }
        return "no cheapest marked: only \(pricedCandidates) of \(candidates.count) \(rowNoun)\(deploy) have a price"
    }

    /// Every supported instance type of `entry` in `region`, with whether it deploys there.
    public init(
        model entry: CatalogEntry, region: String, planner: DeploymentPlanner, prices: PriceBook,
        capacity: Capacity = .fixed(1), hoursPerMonth: HoursPerMonth = .standard
    ) throws(PricingError) {
        let count = capacity.initialCount
        var rows: [Row] = []
        for type in entry.instanceTypes {
            let problem = planner.check(entry, region: region, instanceType: type)
            var row = try Self.row(region: region, instanceType: type, prices: prices, count: count, capacity: capacity, hours: hoursPerMonth,
                                   isDefault: type == entry.defaultInstanceType, problem: problem, hasModel: true)
            row.tokenCost = TokenCost(hourly: row.estimate.unitHourly, config: entry.config, instanceType: type)
            rows.append(row)
        }
        self.init(axis: .instanceTypes(region: region), model: entry.reference, capacity: capacity, hoursPerMonth: hoursPerMonth, rows: rows)
    }

    /// One instance type across `regions`; with a model, whether it deploys in each.
    public init(
        instanceType: String, regions: [String], model entry: CatalogEntry?, planner: DeploymentPlanner,
        prices: PriceBook, capacity: Capacity = .fixed(1), hoursPerMonth: HoursPerMonth = .standard
    ) throws(PricingError) {
        let count = capacity.initialCount
        if let entry, !entry.instanceTypes.contains(instanceType) {
            throw .instanceTypeNotSupported(instanceType: instanceType, model: entry.reference, supported: entry.instanceTypes)
        }
        try prices.checkKnown(instanceType: instanceType)
        var rows: [Row] = []
        for region in regions {
            let problem = entry.flatMap { planner.check($0, region: region, instanceType: instanceType) }
            rows.append(try Self.row(region: region, instanceType: instanceType, prices: prices, count: count, capacity: capacity, hours: hoursPerMonth,
                                     isDefault: entry?.defaultInstanceType == instanceType, problem: problem, hasModel: entry != nil))
        }
        self.init(axis: .regions(instanceType: instanceType), model: entry?.reference, capacity: capacity, hoursPerMonth: hoursPerMonth, rows: rows)
    }

    init(axis: Axis, model: String?, capacity: Capacity, hoursPerMonth: HoursPerMonth, rows unsorted: [Row]) {
        self.axis = axis
        self.model = model
        self.capacity = capacity
        self.hoursPerMonth = hoursPerMonth
        // Stable: known costs ascending, ties and unknowns in the order given (catalog or region order).
        var rows = unsorted.enumerated().sorted { a, b in
            switch (a.element.sortKey, b.element.sortKey) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
        if let i = Self.cheapestIndex(monthly: rows.map(\.sortKey), deploys: rows.map { $0.deployable != false }) {
            rows[i].isCheapest = true
        }
        self.rows = rows
    }

    /// The one rule for marking a choice cheapest, used by every table (CLI and wizard): the lowest
    /// known price among the choices that deploy (ties: the first), and only when at least half of
    /// those choices have a price — "cheapest" among a few priced rows of many would mislead.
    public static func cheapestIndex(monthly: [Money?], deploys: [Bool]) -> Int? {
        let candidates = monthly.indices.filter { deploys[$0] }
        let priced = candidates.filter { monthly[$0] != nil }
        guard !priced.isEmpty, priced.count * 2 >= candidates.count else { return nil }
        return priced.min { monthly[$0]! != monthly[$1]! ? monthly[$0]! < monthly[$1]! : $0 < $1 }
    }

    static func row(
        region: String, instanceType: String, prices: PriceBook, count: Int, capacity: Capacity, hours: HoursPerMonth,
        isDefault: Bool, problem: PlanError?, hasModel: Bool
    ) throws(PricingError) -> Row {
        let estimate = try prices.costEstimate(region: region, instanceType: instanceType, count: count, hoursPerMonth: hours)
        let hardware = prices.hardware(for: instanceType)
        var perAccelerator: Money?, perGiB: Money?
        if let unit = estimate.unitHourly, let h = hardware, h.accelerators > 0, h.acceleratorMemoryGiB > 0 {
            perAccelerator = Money(micros: (unit.micros + Int64(h.accelerators) / 2) / Int64(h.accelerators))
            perGiB = Money(micros: Int64((Double(unit.micros) / h.acceleratorMemoryGiB).rounded()))
        }
        return Row(region: region, instanceType: instanceType, hardware: hardware, estimate: estimate, isDefault: isDefault,
                   deployable: hasModel ? problem == nil : nil, problem: problem, isCheapest: false,
                   hourlyPerAccelerator: perAccelerator, hourlyPerAcceleratorGiB: perGiB, tokenCost: nil,
                   capacityCost: CapacityCost(unitHourly: estimate.unitHourly, capacity: capacity, hoursPerMonth: hours))
    }
}
