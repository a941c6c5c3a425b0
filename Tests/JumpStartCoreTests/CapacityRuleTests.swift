import Foundation
import Testing
@testable import JumpStartCore

@Suite("capacity rules, schedules and their cost")
struct CapacityRuleTests {
    @Test("schedules parse into days and minutes, and print back the same", arguments: [
        ("Mon-Fri 08:00-20:00", [1, 2, 3, 4, 5], 480, 1200, "Mon-Fri 08:00-20:00"),
        ("sat-sun 10:00-16:00", [6, 7], 600, 960, "Sat-Sun 10:00-16:00"),
        ("Mon,Wed,Fri 09:00-17:30", [1, 3, 5], 540, 1050, "Mon,Wed,Fri 09:00-17:30"),
        ("daily 07:00-24:00", [1, 2, 3, 4, 5, 6, 7], 420, 1440, "daily 07:00-24:00"),
    ])
    func parse(text: String, days: [Int], start: Int, end: Int, back: String) throws {
        let s = try OffHoursSchedule.parse(text)
        #expect(s.days == days && s.start == start && s.end == end)
        #expect(s.window == back)
    }

    @Test("cron expressions in Application Auto Scaling's six fields; a window ending at 24:00 ends at the next day's 00:00")
    func cron() throws {
        let weekdays = try OffHoursSchedule.parse("Mon-Fri 08:30-20:00")
        #expect(weekdays.cron(at: weekdays.start) == "cron(30 8 ? * MON-FRI *)")
        #expect(weekdays.cron(at: weekdays.end) == "cron(0 20 ? * MON-FRI *)")
        let late = try OffHoursSchedule.parse("Mon-Fri 18:00-24:00")
        #expect(late.cron(at: late.end) == "cron(0 0 ? * TUE-SAT *)")
        let some = try OffHoursSchedule.parse("Mon,Wed 10:00-12:00")
        #expect(some.cron(at: some.start) == "cron(0 10 ? * MON,WED *)")
        let daily = try OffHoursSchedule.parse("daily 07:00-19:00")
        #expect(daily.cron(at: daily.start) == "cron(0 7 ? * * *)")
        // Ranges across Sunday are listed (AWS numbers SUN=1 … SAT=7), and Sun-Thu wraps the week.
        let weekend = try OffHoursSchedule.parse("Sat-Sun 10:00-16:00")
        #expect(weekend.cron(at: weekend.start) == "cron(0 10 ? * SAT,SUN *)")
        let sunThu = try OffHoursSchedule.parse("Sun-Thu 09:00-17:00")
        #expect(sunThu.days == [1, 2, 3, 4, 7] && sunThu.cron(at: sunThu.start) == "cron(0 9 ? * MON,TUE,WED,THU,SUN *)")
    }

    @Test("the month split in proportion to the week; autoscaling a range from the minimum to the maximum")
    func cost() throws {
        let unit = Money(decimal: "7.09")!
        let fixed = CapacityCost(unitHourly: unit, capacity: .fixed(3))
        #expect(fixed.monthlyText == "$15,527.10")  // 7.09 × 730 × 3
        let scaled = CapacityCost(unitHourly: unit, capacity: Capacity(.autoscaling(min: 1, max: 4, targetInvocations: nil)))
        #expect(scaled.monthlyText == "$5,175.70–$20,702.80")
        // 60 of 168 hours: 260.714 h at 2, 469.286 h at 1 → 990.714 instance-hours × $7.09.
        let schedule = try OffHoursSchedule.parse("Mon-Fri 08:00-20:00")
        let s = CapacityCost(unitHourly: unit, capacity: Capacity(.fixed(2), schedule: schedule))
        #expect(CapacityCost.hours(s.hoursInside!) == "260.71" && CapacityCost.hours(s.hoursOutside!) == "469.29")
        #expect(s.monthlyText == "$7,024.16")
        #expect(CapacityCost(unitHourly: nil, capacity: .fixed(1)).monthlyText == "unknown")
    }

    @Test("rules: ranges, targets, burstable types, time zones, off-hours counts")
    func rules() throws {
        #expect(CapacityRules.check(Capacity(.autoscaling(min: 1, max: 2, targetInvocations: nil)), instanceType: "ml.t2.medium")?.field == .minCount)
        #expect(CapacityRules.check(Capacity(.autoscaling(min: 1, max: 2, targetInvocations: nil)), instanceType: "ml.g5.2xlarge") == nil)
        #expect(CapacityRules.check(Capacity(.autoscaling(min: 3, max: 2, targetInvocations: nil)), instanceType: nil)?.field == .maxCount)
        #expect(CapacityRules.check(Capacity(.autoscaling(min: 1, max: 2, targetInvocations: -5)), instanceType: nil)?.field == .targetInvocations)
        #expect(CapacityRules.check(.fixed(0), instanceType: nil) == CapacityError(field: .count, value: "0", message: "the instance count must be a whole number from 1 to 1000"))
        var c = Capacity.fixed(2)
        c.schedule = try OffHoursSchedule.parse("Mon-Fri 08:00-20:00", timeZone: "Mars/Olympus")
        #expect(CapacityRules.check(c, instanceType: nil)?.field == .timeZone)
        c.schedule?.timeZone = "America/New_York"
        #expect(CapacityRules.check(c, instanceType: nil) == nil)
        // IANA names the system's database has, aliases and Etc zones too; not bare abbreviations.
        for zone in ["Asia/Kolkata", "Asia/Calcutta", "Etc/UTC", "Etc/GMT+9", "UTC"] { #expect(CapacityRules.checkTimeZone(zone) == nil, "\(zone)") }
        for zone in ["EST", "GMT+1", "europe/berlin", "Mars/Olympus", ""] { #expect(CapacityRules.checkTimeZone(zone)?.field == .timeZone, "\(zone)") }
        c.schedule?.offHoursCount = 3
        #expect(CapacityRules.check(c, instanceType: nil)?.field == .offHoursCount)
        // The wizard names the field by its label, the command line by its flag.
        let e = CapacityError(field: .maxCount, value: "0", message: "x")
        #expect(e.description == "--max-count 0 is not allowed: x." && e.text(naming: "Maximum") == "Maximum 0 is not allowed: x.")
    }
}
