import ArgumentParser
import Foundation
import JumpStartCore

/// `--count`, or `--min-count`/`--max-count`/`--target-invocations`, and `--schedule`/`--timezone`/
/// `--off-hours-count`: the capacity flags of `export`, `cost` and `compare`, read into one
/// `Capacity` and checked by the core's `CapacityRules` (each error names its flag).
struct CapacityOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("A fixed number of instances, 1 to 1000 (default 1).", valueName: "n"))
    var count: String?

    @Option(name: .customLong("min-count"), parsing: .unconditional, help: ArgumentHelp("Autoscale: the fewest instances (with --max-count).", valueName: "n"))
    var minCount: String?

    @Option(name: .customLong("max-count"), parsing: .unconditional, help: ArgumentHelp("Autoscale: the most instances (with --min-count).", valueName: "n"))
    var maxCount: String?

    @Option(name: .customLong("target-invocations"), parsing: .unconditional, help: ArgumentHelp(
        "Autoscale: invocations per instance per minute to aim at (default \(Capacity.defaultTargetInvocations), AWS's example; tune it from a load test).",
        valueName: "n"))
    var targetInvocations: String?

    @Option(name: .long, help: ArgumentHelp(
        "Working hours, outside which the endpoint scales down: \"Mon-Fri 08:00-20:00\", \"Sun-Thu 09:00-17:00\", \"Mon,Wed,Fri 09:00-17:30\" or \"daily 07:00-19:00\"; none removes a template's schedule (with --from).",
        valueName: "days hh:mm-hh:mm"))
    var schedule: String?

    @Option(name: .long, help: ArgumentHelp("With --schedule: the IANA time zone of the working hours (default UTC), e.g. Europe/Berlin.", valueName: "zone"))
    var timezone: String?

    @Option(name: .customLong("off-hours-count"), parsing: .unconditional, help: ArgumentHelp("With --schedule: instances outside working hours (default 1).", valueName: "n"))
    var offHoursCount: String?

    /// Whether any capacity flag was given.
    var given: Bool { [count, minCount, maxCount, targetInvocations, schedule, timezone, offHoursCount].contains { $0 != nil } }

    /// The capacity the flags give, laid over `base` (a template's, for `export --from`): flags that
    /// are not given keep the base's answer. Throws the first rule broken, naming its flag.
    func capacity(over base: Capacity = .fixed(1), instanceType: String? = nil) throws -> Capacity {
        func fail(_ field: CapacityField, _ message: String) -> CommandFailure { CommandFailure(CapacityError(field: field, message: message).description) }
        func number(_ text: String?, _ field: CapacityField) throws -> Int? {
            guard let text else { return nil }
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
                let rule = field == .targetInvocations ? "give the invocations per instance per minute, a whole number above 0" : CapacityRules.countRule(field)
                throw CommandFailure(CapacityError(field: field, value: text, message: rule).description)
            }
            return n
        }
        var c = base
        let n = try number(count, .count), min = try number(minCount, .minCount), max = try number(maxCount, .maxCount)
        let target = try number(targetInvocations, .targetInvocations), off = try number(offHoursCount, .offHoursCount)
        if n != nil, min != nil || max != nil || target != nil {
            throw fail(.count, "a fixed count goes without --min-count, --max-count and --target-invocations; give --count N, or --min-count and --max-count to autoscale")
        }
        // One bound over a template that already autoscales keeps the other; otherwise both are needed.
        var (lo, hi, keptTarget): (Int?, Int?, Int?) = (min, max, target)
        if case let .autoscaling(baseMin, baseMax, baseTarget) = base.kind {
            lo = lo ?? baseMin
            hi = hi ?? baseMax
            keptTarget = target ?? baseTarget
        }
        if (lo == nil) != (hi == nil) {
            throw fail(min == nil ? .maxCount : .minCount, "autoscaling needs both --min-count and --max-count")
        }
        if let n {
            c.kind = .fixed(n)
        } else if min != nil || max != nil, let lo, let hi {
            c.kind = .autoscaling(min: lo, max: hi, targetInvocations: keptTarget)
        } else if let target {
            guard case let .autoscaling(lo, hi, _) = c.kind else {
                throw fail(.targetInvocations, "goes with autoscaling; give --min-count and --max-count too")
            }
            c.kind = .autoscaling(min: lo, max: hi, targetInvocations: target)
        }
        if schedule?.trimmingCharacters(in: .whitespaces).lowercased() == "none" {
            guard timezone == nil, off == nil else { throw fail(.schedule, "none removes the schedule; leave --timezone and --off-hours-count out with it") }
            c.schedule = nil
        } else if let text = schedule {
            do throws(CapacityError) {
                c.schedule = try OffHoursSchedule.parse(text, timeZone: timezone ?? c.schedule?.timeZone ?? "UTC",
                                                        offHoursCount: off ?? c.schedule?.offHoursCount ?? 1)
            } catch {
                throw CommandFailure(error.description)
            }
        } else if timezone != nil || off != nil {
            guard var s = c.schedule else {
                throw fail(timezone != nil ? .timeZone : .offHoursCount, "goes with --schedule; give working hours, like --schedule \"Mon-Fri 08:00-20:00\"")
            }
            if let timezone { s.timeZone = timezone }
            if let off { s.offHoursCount = off }
            c.schedule = s
        }
        if let e = CapacityRules.check(c, instanceType: instanceType) { throw CommandFailure(e.description) }
        return c
    }
}
