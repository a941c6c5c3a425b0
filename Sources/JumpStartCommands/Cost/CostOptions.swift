import TextLayout
import ArgumentParser
import Foundation
import JumpStartCore

/// The capacity flags and `--hours-per-month`, shared by `cost` and `compare`.
struct CostOptions: ParsableArguments {
    @OptionGroup var capacityOptions: CapacityOptions

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "Hours the endpoint runs in a month, more than 0 and at most 744.",
        discussion: "Default 730, the assumption of AWS's pricing calculator.", valueName: "hours"))
    var hoursPerMonth: String?

    func validate() throws {
        if let hoursPerMonth {
            do { _ = try HoursPerMonth(parsing: hoursPerMonth) } catch {
                throw ValidationError(error.description)
            }
            if capacityOptions.schedule != nil {
                throw ValidationError("--hours-per-month: a schedule sets the hours itself (the month's 730 hours split between working hours and off hours); leave one of them out.")
            }
        }
    }

    var hours: HoursPerMonth {
        get throws { try hoursPerMonth.map { try HoursPerMonth(parsing: $0) } ?? .standard }
    }

    /// The capacity the flags give, checked against the instance type when there is one.
    func capacity(instanceType: String? = nil) throws -> Capacity {
        try capacityOptions.capacity(instanceType: instanceType)
    }
}

/// Loads the bundled prices and the user's price file.
func loadPrices() throws -> PriceBook {
    try PriceBook.bundled()
}

/// What every cost figure assumes, said under every table and in every JSON answer.
enum CostAssumptions {
    static let notIncluded = ["storage", "data transfer", "taxes"]

    static func sentence(_ hours: HoursPerMonth) -> String {
        "Assumptions: on-demand prices, \(hours) hours a month, USD. Not included: \(notIncluded.joined(separator: ", "))."
    }

    static func json(_ hours: HoursPerMonth) -> JSONText.Value {
        .object([
            ("pricing", .string("on-demand")),
            ("hoursPerMonth", .double(hours.hours)),
            ("currency", .string("USD")),
            ("notIncluded", .array(notIncluded.map { .string($0) })),
        ])
    }

    /// Where a price came from, in a few words: `bundled prices`, `AWS Price List (updated)`, `your price file`.
    static func origin(_ origin: PriceOrigin) -> String { origin.label }

    /// One line per source: who, as of when, what it prices.
    static func sourceLines(_ sources: [CostComparison.SourceUse], userFile: URL?, today: CalendarDay) -> [String] {
        sources.map { s in
            var text = "\(origin(s.origin)), as of \(s.asOf)"
            if let day = CalendarDay(asOf: s.asOf) {
                let age = today.number - day.number
                if age > PriceQuote.staleAfterDays { text += " (stale: \(age) days old)" }
            } else {
                text += " (date unknown)"
            }
            text += ": \(TerminalSafe.text(s.source))"
            if s.origin == .user, let userFile { text += " [\(userFile.path)]" }
            return text + " (\(s.cells.joined(separator: ", ")))"
        }
    }

    /// One quote's source in a sentence: table, as-of date, age, and what it overrides.
    static func quoteText(_ q: PriceQuote, userFile: URL?) -> String {
        var s = "\(origin(q.origin)), as of \(q.asOf)"
        if let note = q.ageNote { s += " (\(note))" }
        s += ": \(TerminalSafe.text(q.source))"
        if q.origin == .user, let userFile { s += " [\(userFile.path)]" }
        if let newer = q.newerPriceList {
            s += ". Older than the updated Price List's \(newer.hourly.formattedPrecise) as of \(newer.asOf): `jumpstart-tui pricing import --replace` with a newer file, or deleting this line from your price file, lets it through."
        }
        return s
    }

    /// The one command that fills missing prices: an update of those regions from AWS's Price List
    /// (China's regions are not in it: their prices are a separate list, in CNY).
    static func fillCommand(regions: [String]) -> String {
        let distinct = regions.filter { !$0.hasPrefix("cn-") }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if distinct.isEmpty || distinct.count > 3 { return "jumpstart-tui pricing update" }
        return "jumpstart-tui pricing update --regions \(distinct.joined(separator: ","))"
    }
}

extension InstanceHardware {
    /// `1×A10G 24G`: what fits a table column.
    var compactAccelerators: String {
        guard accelerators > 0, let model = acceleratorModel else { return "-" }
        var short = model.split(separator: " ").last.map(String.init) ?? model
        if short.hasPrefix("Inferentia") { short = "Inf" + short.dropFirst("Inferentia".count) }
        return "\(accelerators)×\(short) \(PriceFiles.number(acceleratorMemoryGiB))G"
    }

    var json: JSONText.Value {
        .object([
            ("vcpu", .int(vcpu)),
            ("memoryGiB", .double(memoryGiB)),
            ("accelerators", .int(accelerators)),
            ("acceleratorModel", acceleratorModel.map { .string($0) } ?? .null),
            ("acceleratorMemoryGiB", .double(acceleratorMemoryGiB)),
        ])
    }

    /// `8 vCPU, 32 GiB, 1× NVIDIA A10G (24 GiB)`.
    var sentence: String {
        var s = "\(vcpu) vCPU, \(PriceFiles.number(memoryGiB)) GiB memory"
        if accelerators > 0, let m = acceleratorModel {
            s += ", \(accelerators)× \(m) (\(PriceFiles.number(acceleratorMemoryGiB)) GiB accelerator memory)"
        } else {
            s += ", no accelerator"
        }
        return s
    }
}

extension Money {
    var jsonPrecise: JSONText.Value { .double(dollars) }
    var jsonCents: JSONText.Value { .double(dollarsToTheCent) }
}

/// A bar of up to `width` whole blocks proportional to `value / maximum` (`BarFill`, the wizard's
/// rule too: at least a block for a non-zero value).
func costBar(_ value: Money?, maximum: Money?, width: Int = 8) -> String {
    guard let value, let maximum else { return "" }
    return BarFill.text(value: value.dollars, maximum: maximum.dollars, width: width, full: "█", partials: [])
}

/// Text for markdown: pipes escaped (table cells), dollar signs (GitHub would read a formula
/// between two prices) and asterisks (the default mark would become emphasis or a bullet).
func markdownCell(_ s: String) -> String {
    s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "$", with: "\\$").replacingOccurrences(of: "*", with: "\\*")
}

/// Prose for the terminal: wrapped at `width` only between words, continuation lines indented
/// by two spaces; a path, URL or command longer than the line stands alone on its line, whole
/// (`Prose`, the wizard's rule too).
func proseLines(_ text: String, width: Int, indent: String = "  ") -> [String] {
    Prose.wrap(text, width: width, indent: indent)
}
