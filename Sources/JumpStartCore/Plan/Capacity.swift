import Foundation

/// How many instances serve the endpoint: a fixed count, or an autoscaling range — and, for
/// either, an optional off-hours schedule. Every cost figure is computed from this (DESIGN.md §3b).
public struct Capacity: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Always this many instances.
        case fixed(Int)
        /// Application Auto Scaling between `min` and `max` on invocations per instance.
        case autoscaling(min: Int, max: Int, targetInvocations: Int?)
    }

    public var kind: Kind
    public var schedule: OffHoursSchedule?

    public init(_ kind: Kind, schedule: OffHoursSchedule? = nil) {
        self.kind = kind
        self.schedule = schedule
    }

    public static func fixed(_ n: Int) -> Capacity { Capacity(.fixed(n)) }

    /// Invocations per instance per minute the target-tracking policy aims at when none is given:
    /// the value of AWS's own example for SageMaker variants (SageMaker Developer Guide, "Define a
    /// scaling policy"); tune it from a load test of the model.
    public static let defaultTargetInvocations = 70
    /// Seconds after a scale-out before another, and after a scale-in before another: a model
    /// container takes minutes to start and load its weights, so scaling in waits longer.
    public static let scaleOutCooldown = 300
    public static let scaleInCooldown = 600

    /// The count the endpoint starts with (`InitialInstanceCount`): the fixed count, or the minimum.
    public var initialCount: Int {
        switch kind {
        case .fixed(let n): return n
        case .autoscaling(let min, _, _): return min
        }
    }

    /// The least and the most instances the capacity runs in working hours.
    public var range: ClosedRange<Int> {
        switch kind {
        case .fixed(let n): return n...n
        case .autoscaling(let min, let max, _): return min...Swift.max(min, max)
        }
    }

    public var isAutoscaling: Bool { if case .autoscaling = kind { return true } else { return false } }

    /// Whether the template needs a scalable target (autoscaling, or a schedule on a fixed count).
    public var needsScalableTarget: Bool { isAutoscaling || schedule != nil }

    /// The target value of the scaling policy.
    public var targetInvocations: Int? {
        if case .autoscaling(_, _, let t) = kind { return t ?? Self.defaultTargetInvocations }
        return nil
    }

    /// "2 instances", "1–4 instances (autoscaling)", "… ; 1 outside Mon-Fri 08:00-20:00 Europe/Berlin".
    public var summary: String {
        var s: String
        switch kind {
        case .fixed(let n): s = "\(n) instance\(n == 1 ? "" : "s")"
        case .autoscaling(let min, let max, _): s = "\(min)–\(max) instances (autoscaling)"
        }
        if let sch = schedule {
            s += ", \(sch.offHoursCount) outside \(sch.text)"
        }
        return s
    }
}

/// Working hours, outside which the endpoint scales down to `offHoursCount` instances: days of the
/// week and a window within one day, in an IANA time zone.
public struct OffHoursSchedule: Sendable, Equatable {
    /// 1 = Monday … 7 = Sunday, sorted.
    public var days: [Int]
    /// Minutes after midnight; `start < end`, both within the day.
    public var start: Int
    public var end: Int
    public var timeZone: String
    public var offHoursCount: Int

    public init(days: [Int], start: Int, end: Int, timeZone: String = "UTC", offHoursCount: Int = 1) {
        self.days = days
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.offHoursCount = offHoursCount
    }

    static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// The window as `--schedule` takes it: `Mon-Fri 08:00-20:00`.
    public var window: String {
        "\(daysText) \(Self.clock(start))-\(Self.clock(end))"
    }

    /// `Mon-Fri 08:00-20:00 Europe/Berlin`.
    public var text: String { window + " " + timeZone }

    var daysText: String {
        if days == Array(1...7) { return "daily" }
        // A run of three or more consecutive days as a range.
        if days.count >= 2, days == Array(days[0]...days[days.count - 1]) {
            return Self.dayNames[days[0] - 1] + "-" + Self.dayNames[days[days.count - 1] - 1]
        }
        return days.map { Self.dayNames[$0 - 1] }.joined(separator: ",")
    }

    static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    /// Hours of the week inside the window (Mon-Fri 08:00-20:00: 60 of 168).
    public var weeklyHours: Double { Double(days.count * (end - start)) / 60 }

    /// Application Auto Scaling's `cron(Minutes Hours Day-of-month Month Day-of-week Year)` at a time of
    /// the window's days.
    /// A window ending at 24:00 ends at 00:00 of each next day.
    public func cron(at minutes: Int) -> String {
        let nextDay = minutes >= 24 * 60
        let m = minutes % (24 * 60)
        let shifted = nextDay ? days.map { $0 % 7 + 1 }.sorted() : days
        let names = shifted.map { Self.dayNames[$0 - 1].uppercased() }
        // A range only where AWS's numbering (SUN=1 … SAT=7) keeps it ascending: not across Sunday.
        let consecutive = shifted.count >= 2 && shifted == Array(shifted[0]...shifted[shifted.count - 1]) && !shifted.contains(7)
        let dow = days == Array(1...7) ? "*" : consecutive ? "\(names[0])-\(names[names.count - 1])" : names.joined(separator: ",")
        return "cron(\(m % 60) \(m / 60) ? * \(dow) *)"
    }

    /// Parses `Mon-Fri 08:00-20:00`, `Sat-Sun 10:00-16:00`, `Mon,Wed,Fri 09:00-17:30`, `daily 07:00-19:00`.
    public static func parse(_ text: String, timeZone: String = "UTC", offHoursCount: Int = 1) throws(CapacityError) -> OffHoursSchedule {
        func bad(_ why: String) -> CapacityError {
            CapacityError(field: .schedule, value: "\"\(text)\"", message: "it \(why); write days and a window within one day, like \"Mon-Fri 08:00-20:00\", \"Sat-Sun 10:00-16:00\", \"Mon,Wed,Fri 09:00-17:30\" or \"daily 07:00-19:00\"")
        }
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else { throw bad("is not days and a window") }
        var days: [Int] = []
        let dayText = parts[0].lowercased()
        func day(_ s: Substring) -> Int? { dayNames.firstIndex { $0.lowercased() == s.lowercased() }.map { $0 + 1 } }
        if dayText == "daily" {
            days = Array(1...7)
        } else if dayText.contains("-") {
            let ends = dayText.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let a = day(ends[0]), let b = day(ends[1]), a != b else {
                throw bad("has days that are not a range of two different days (Mon-Fri, Sat-Sun, Sun-Thu)")
            }
            // Sun-Thu wraps over the week's end.
            days = a < b ? Array(a...b) : (Array(a...7) + Array(1...b)).sorted()
        } else {
            for name in dayText.split(separator: ",", omittingEmptySubsequences: false) {
                guard let d = day(name) else { throw bad("names a day that is not Mon, Tue, Wed, Thu, Fri, Sat or Sun") }
                if !days.contains(d) { days.append(d) }
            }
            days.sort()
        }
        let times = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        guard times.count == 2, let start = minutes(times[0]), let end = minutes(times[1]) else {
            throw bad("has a window that is not two times from 00:00 to 24:00 (08:00-20:00)")
        }
        guard start != end else { throw bad("has a window that ends where it starts") }
        guard start < end else { throw bad("has a window that ends before it starts (it must lie within one day)") }
        // 00:00-24:00 never scales down: its end and the next start would fire at the same moment.
        guard !(start == 0 && end == 24 * 60) else {
            throw bad("covers whole days, so it would never scale down (its end and the next day's start fall at the same moment); leave --schedule out for a capacity around the clock")
        }
        return OffHoursSchedule(days: days, start: start, end: end, timeZone: timeZone, offHoursCount: offHoursCount)
    }

    /// `08:00` → 480; `24:00` is the end of the day.
    static func minutes(_ s: Substring) -> Int? {
        let hm = s.split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2, hm[0].count == 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]),
              (0...24).contains(h), (0...59).contains(m), h < 24 || m == 0 else { return nil }
        return h * 60 + m
    }
}

/// A capacity answer that breaks a rule, with the field it is about: the command line names the
/// flag (`CapacityField.flag`), the wizard the label.
public struct CapacityError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: CapacityField
    /// The value refused, when one was given ("0", "abc").
    public var value: String?
    /// What is wrong and what would be valid, without the field's name.
    public var message: String

    public init(field: CapacityField, value: String? = nil, message: String) {
        self.field = field
        self.value = value
        self.message = message
    }

    /// "--min-count 0 is not allowed: …", as the command line says it.
    public var description: String { text(naming: field.flag) }

    /// The same sentence naming the field another way (the wizard's label).
    public func text(naming name: String) -> String {
        if let value { return "\(name) \(TerminalSafe.text(value, limit: 40)) is not allowed: \(message)." }
        return "\(name): \(message)."
    }
}

/// The fields of a capacity answer.
public enum CapacityField: String, Sendable, Equatable, CaseIterable {
    case count, minCount, maxCount, targetInvocations, schedule, timeZone, offHoursCount, hoursPerMonth

    public var flag: String {
        switch self {
        case .count: return "--count"
        case .minCount: return "--min-count"
        case .maxCount: return "--max-count"
        case .targetInvocations: return "--target-invocations"
        case .schedule: return "--schedule"
        case .timeZone: return "--timezone"
        case .offHoursCount: return "--off-hours-count"
        case .hoursPerMonth: return "--hours-per-month"
        }
    }

    public var label: String {
        switch self {
        case .count: return "Instances"
        case .minCount: return "Minimum"
        case .maxCount: return "Maximum"
        case .targetInvocations: return "Target invocations"
        case .schedule: return "Working hours"
        case .timeZone: return "Time zone"
        case .offHoursCount: return "Off-hours instances"
        case .hoursPerMonth: return "Hours a month"
        }
    }
}

/// Every capacity rule, once: the commands, the template builder and the wizard all check here.
public enum CapacityRules {
    public static let countRange = 1...PricingError.maximumCount

    /// Checks a capacity against the instance type it runs on.
    public static func check(_ c: Capacity, instanceType: String?) -> CapacityError? {
        switch c.kind {
        case .fixed(let n):
            if let e = checkCount(n, .count) { return e }
        case let .autoscaling(min, max, target):
            if let e = checkCount(min, .minCount) { return e }
            if let e = checkCount(max, .maxCount) { return e }
            if min > max {
                return CapacityError(field: .maxCount, value: String(max), message: "it is below the minimum, \(min); the most instances can't be fewer than the fewest")
            }
            if let t = target, t <= 0 {
                return CapacityError(field: .targetInvocations, value: String(t), message: "give the invocations per instance per minute to aim at, a whole number above 0 (default \(Capacity.defaultTargetInvocations))")
            }
            if let type = instanceType, isBurstable(type) {
                return CapacityError(field: .minCount, message: "SageMaker can't autoscale burstable instances (\(type)); choose another instance type, or a fixed --count")
            }
        }
        if let s = c.schedule {
            if let e = checkCount(s.offHoursCount, .offHoursCount) { return e }
            if s.offHoursCount > c.range.upperBound {
                return CapacityError(field: .offHoursCount, value: String(s.offHoursCount), message: "it is more than the \(c.range.upperBound) of working hours; off hours run at most as many instances")
            }
            if case .fixed(let n) = c.kind, n == s.offHoursCount {
                return CapacityError(field: .offHoursCount, value: String(n), message: "it is the same as the \(n) of working hours, so the schedule would change nothing; give working hours more instances (--count) or off hours fewer")
            }
            if let e = checkTimeZone(s.timeZone) { return e }
        }
        return nil
    }

    public static func checkCount(_ n: Int, _ field: CapacityField) -> CapacityError? {
        countRange.contains(n) ? nil : CapacityError(field: field, value: String(n), message: countRule(field))
    }

    /// What a count must be, in words.
    public static func countRule(_ field: CapacityField) -> String {
        let what: String
        switch field {
        case .minCount: what = "the fewest instances"
        case .maxCount: what = "the most instances"
        case .offHoursCount: what = "the instances outside working hours"
        default: what = "the instance count"
        }
        return "\(what) must be a whole number from 1 to \(PricingError.maximumCount)"
    }

    /// ml.t2 and ml.t3: Application Auto Scaling doesn't scale burstable SageMaker instances.
    public static func isBurstable(_ instanceType: String) -> Bool {
        DeploymentPlanner.family(of: instanceType).hasPrefix("t")
    }

    /// An IANA time zone name, as Application Auto Scaling takes it (`Europe/Berlin`, `UTC`).
    public static func checkTimeZone(_ name: String) -> CapacityError? {
        if name == "UTC" { return nil }
        // An IANA Area/Location name the system's tz database has (Asia/Kolkata, Etc/GMT+9); bare
        // abbreviations (EST, GMT+1) are not IANA zone names Application Auto Scaling takes.
        if name.contains("/"), TimeZone(identifier: name) != nil, name.first?.isUppercase == true { return nil }
        let known = TimeZone.knownTimeZoneIdentifiers
        let hint = Suggestions.closest(to: name, in: known)
        return CapacityError(field: .timeZone, value: name, message: "it is not an IANA time zone name"
            + (hint.isEmpty ? "; give one like Europe/Berlin, America/New_York or UTC" : " (did you mean \(hint.joined(separator: ", "))?)"))
    }
}
