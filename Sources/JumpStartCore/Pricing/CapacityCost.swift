/// What a capacity costs a month at one instance price: one figure for a fixed count; for
/// autoscaling, a range from always at the minimum to always at the maximum; with a schedule, the
/// month's hours split in proportion to the week (Mon-Fri 08:00-20:00 is 60 of 168 hours: 730 h →
/// 260.71 h inside, 469.29 h outside), each at the counts that apply there. The one place every
/// cost figure of a capacity comes from: `cost`, `compare`, the template's Description, the wizard.
public struct CapacityCost: Sendable, Equatable {
    public var capacity: Capacity
    public var hoursPerMonth: HoursPerMonth
    /// One instance for one hour; nil when the price is unknown.
    public var unitHourly: Money?
    /// With a schedule: the month's hours inside and outside the working window.
    public var hoursInside: Double?
    public var hoursOutside: Double?
    /// Always at the fewest instances the capacity allows, and always at the most.
    public var monthlyLow: Money?
    public var monthlyHigh: Money?

    public init(unitHourly: Money?, capacity: Capacity, hoursPerMonth: HoursPerMonth = .standard) {
        self.capacity = capacity
        self.hoursPerMonth = hoursPerMonth
        self.unitHourly = unitHourly
        let hours = hoursPerMonth.hours
        var inside = hours, outside = 0.0
        if let s = capacity.schedule {
            inside = hours * s.weeklyHours / 168
            outside = hours - inside
            hoursInside = inside
            hoursOutside = outside
        }
        guard let unit = unitHourly else { return }
        let off = Double(capacity.schedule?.offHoursCount ?? 0)
        func month(_ count: Int) -> Money {
            let micros = Double(unit.micros) * (Double(count) * inside + off * outside)
            return Money(micros: Int64(micros.rounded()))
        }
        monthlyLow = month(capacity.range.lowerBound)
        monthlyHigh = month(capacity.range.upperBound)
    }

    public var known: Bool { monthlyLow != nil }
    public var isRange: Bool { monthlyLow != monthlyHigh }

    /// `$1,234.56`, `$1,234.56–$4,938.24`, or `unknown`.
    public var monthlyText: String {
        guard let low = monthlyLow, let high = monthlyHigh else { return "unknown" }
        return isRange ? "\(low.formatted)–\(high.formatted)" : low.formatted
    }

    /// Twelve such months: `$10,617.12`, a range, or `unknown`.
    public var yearlyText: String {
        guard let low = monthlyLow, let high = monthlyHigh else { return "unknown" }
        return isRange ? "\(low.times(12).formatted)–\(high.times(12).formatted)" : low.times(12).formatted
    }

    /// The assumptions in words: what the figures mean for this capacity.
    public var basis: String {
        var parts: [String] = []
        switch capacity.kind {
        case .fixed(let n):
            parts.append("\(n) instance\(n == 1 ? "" : "s") running")
        case let .autoscaling(min, max, _):
            let when = capacity.schedule == nil ? "" : " in working hours"
            parts.append("from always \(min) to always \(max) instance\(max == 1 ? "" : "s")\(when) (autoscaling stays between them; the real figure depends on traffic)")
        }
        if let s = capacity.schedule, let inside = hoursInside, let outside = hoursOutside {
            parts.append("\(Self.hours(inside)) h a month inside \(s.text) and \(Self.hours(outside)) h outside at \(s.offHoursCount) instance\(s.offHoursCount == 1 ? "" : "s") (\(Self.hours(s.weeklyHours)) of 168 hours a week)")
        }
        return parts.joined(separator: "; ")
    }

    /// 260.71
    public static func hours(_ h: Double) -> String {
        let r = (h * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(format: "%.2f", r)
    }
}
