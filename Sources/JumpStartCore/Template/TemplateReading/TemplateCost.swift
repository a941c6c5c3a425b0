/// What a template's endpoints cost a month: one row per endpoint and variant, priced by the same
/// engine as `cost` (`PriceBook` quote × `CapacityCost`), and the total of the rows whose price and
/// capacity are known. A row whose instance type, count or price is unknown stays unknown, with
/// the reason; the total then says how many rows it leaves out.
public struct TemplateCost: Sendable {
    public struct Row: Sendable {
        public var endpointId: String
        public var endpointName: Resolved
        public var variant: Resolved
        public var instanceType: Resolved
        public var capacity: Capacity?
        public var cost: CapacityCost?
        public var quote: PriceQuote?
        /// Why the row's month is unknown; nil when known.
        public var unknownReason: String?
        public var notes: [String]
        public var scalableTargetId: String?
        /// Priced per request, not by instance-hour.
        public var serverless = false

        public var known: Bool { unknownReason == nil }
    }

    public var region: String
    public var hoursPerMonth: HoursPerMonth
    public var rows: [Row]
    /// What the reading noticed beside the rows: unused configs, scalable targets that match no
    /// variant, endpoints without a config here.
    public var notes: [String]
    public var totalLow: Money
    public var totalHigh: Money

    public var unknownRows: Int { rows.filter { !$0.known }.count }
    public var isRange: Bool { totalLow != totalHigh }

    public init(endpoints: TemplateEndpoints, region: String, prices: PriceBook, hoursPerMonth: HoursPerMonth = .standard) {
        self.region = region
        self.hoursPerMonth = hoursPerMonth
        var rows: [Row] = []
        var notes: [String] = []
        for e in endpoints.endpoints {
            if let problem = e.problem, e.variants.isEmpty {
                rows.append(Row(endpointId: e.logicalId, endpointName: e.name, variant: .unknown("none"), instanceType: .unknown("none"),
                                capacity: nil, cost: nil, quote: nil, unknownReason: "endpoint \(e.logicalId): \(problem)", notes: [], scalableTargetId: nil))
                continue
            }
            for v in e.variants {
                var row = Row(endpointId: e.logicalId, endpointName: e.name, variant: v.name, instanceType: v.instanceType, capacity: v.capacity,
                              cost: nil, quote: nil, unknownReason: nil, notes: v.notes, scalableTargetId: v.scalableTargetId)
                row.serverless = v.serverless
                if v.serverless {
                    row.unknownReason = "a serverless variant is priced per request and compute time, which this program does not estimate"
                } else if case .unknown(let why) = v.instanceType {
                    row.unknownReason = "the instance type is unknown: \(why)"
                } else if let type = v.instanceType.value, let capacity = v.capacity {
                    if let problem = CapacityRules.check(Capacity(capacity.kind), instanceType: nil).map({ $0.message }) {
                        row.unknownReason = "the capacity is not one this program can price: \(problem)"
                    } else {
                        row.quote = prices.quote(region: region, instanceType: type)
                        let cost = CapacityCost(unitHourly: row.quote?.hourly, capacity: capacity, hoursPerMonth: hoursPerMonth)
                        row.cost = cost
                        if !cost.known { row.unknownReason = "no price for \(type) in \(region) in your prices, the updated Price List or the bundled table" }
                    }
                } else {
                    row.quote = v.instanceType.value.flatMap { prices.quote(region: region, instanceType: $0) }
                    row.unknownReason = "the instance count is unknown: \(v.capacityProblem ?? "not given")"
                }
                rows.append(row)
            }
        }
        for id in endpoints.unusedConfigs {
            notes.append("endpoint config \(id) is used by no AWS::SageMaker::Endpoint of this template, so it costs nothing here and is not priced")
        }
        for id in endpoints.unmatchedScalableTargets {
            notes.append("scalable target \(id) scales no endpoint variant of this template that its ResourceId could be matched to; it is not priced")
        }
        self.rows = rows
        self.notes = notes
        totalLow = Money(micros: rows.compactMap { $0.cost?.monthlyLow?.micros }.reduce(0, +))
        totalHigh = Money(micros: rows.compactMap { $0.cost?.monthlyHigh?.micros }.reduce(0, +))
    }

    /// `$1,234.56`, `$1,234.56–$4,938.24`; `unknown` when no row is known.
    public var totalText: String {
        if !rows.isEmpty, unknownRows == rows.count { return "unknown" }
        return isRange ? "\(totalLow.formatted)–\(totalHigh.formatted)" : totalLow.formatted
    }

    /// The quotes the rows use, distinct, in row order.
    public var quotes: [PriceQuote] {
        var out: [PriceQuote] = []
        for q in rows.compactMap(\.quote) where !out.contains(q) { out.append(q) }
        return out
    }
}
