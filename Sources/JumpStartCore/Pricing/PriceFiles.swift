import Foundation

/// One on-demand hosting price: what one instance of a type costs per hour in a region, and
/// where that figure comes from.
public struct PriceRow: Sendable, Equatable {
    public var region: String
    public var instanceType: String
    /// US dollars per instance-hour.
    public var hourly: Money
    /// The document the figure was copied from.
    public var source: String
    /// When the figure was valid (`2025-01-26`, `2023-12`), or `unknown`.
    public var asOf: String

    public init(region: String, instanceType: String, hourly: Money, source: String, asOf: String) {
        self.region = region
        self.instanceType = instanceType
        self.hourly = hourly
        self.source = source
        self.asOf = asOf
    }
}

/// What one instance of a type has: vCPUs, memory and accelerators.
public struct InstanceHardware: Sendable, Equatable {
    public var instanceType: String
    public var vcpu: Int
    /// Host memory in GiB, as written in the data (`32.0` → `32`).
    public var memoryGiB: Double
    public var accelerators: Int
    /// `NVIDIA A10G`, `AWS Inferentia2`; nil without accelerators.
    public var acceleratorModel: String?
    /// Accelerator memory of the whole instance, in GiB.
    public var acceleratorMemoryGiB: Double
    public var source: String

    public init(instanceType: String, vcpu: Int, memoryGiB: Double, accelerators: Int, acceleratorModel: String?,
                acceleratorMemoryGiB: Double, source: String) {
        self.instanceType = instanceType
        self.vcpu = vcpu
        self.memoryGiB = memoryGiB
        self.accelerators = accelerators
        self.acceleratorModel = acceleratorModel
        self.acceleratorMemoryGiB = acceleratorMemoryGiB
        self.source = source
    }

    /// `1× A10G 24 GiB`, or `none` without accelerators.
    public var acceleratorSummary: String {
        guard accelerators > 0, let model = acceleratorModel else { return "none" }
        let short = model.split(separator: " ").last.map(String.init) ?? model
        return "\(accelerators)× \(short) \(PriceFiles.number(acceleratorMemoryGiB)) GiB"
    }
}

/// The two CSV files of `data/pricing/` (and the user's price file, which has the price file's
/// columns): reading, validating and writing them, the same bytes for the same rows.
public enum PriceFiles {
    public static let pricesFile = "prices.csv"
    public static let instancesFile = "instances.csv"
    public static let priceHeader = ["region", "instance_type", "usd_per_hour", "source", "as_of"]
    public static let instanceHeader = ["instance_type", "vcpu", "memory_gib", "accelerators", "accelerator_model",
                                        "accelerator_memory_gib", "source"]

    /// Why a file could not be read: the line (1-based, the header is line 1) and what is wrong.
    public struct Problem: Error, Sendable, Equatable {
        public var line: Int?
        public var reason: String

        public init(line: Int?, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// Price rows, sorted by region then instance type; a (region, type) pair may appear once.
    public static func parsePrices(_ text: String) throws(Problem) -> [PriceRow] {
        let records = try CSV.parse(text)
        guard let header = records.first?.fields, header == priceHeader else {
            throw Problem(line: 1, reason: "the header must be \(priceHeader.joined(separator: ","))")
        }
        var rows: [PriceRow] = []
        var seen = Set<String>()
        for record in records.dropFirst() {
            let f = record.fields
            guard f.count == priceHeader.count else {
                throw Problem(line: record.line, reason: "expected \(priceHeader.count) fields, found \(f.count)")
            }
            guard isRegionName(f[0]) else { throw Problem(line: record.line, reason: "\"\(f[0])\" is not a region name") }
            guard isInstanceType(f[1]) else { throw Problem(line: record.line, reason: "\"\(f[1])\" is not an instance type like ml.g5.2xlarge") }
            guard let price = Money(decimal: f[2]), price > .zero, price <= PriceListReader.plausibleHourly else {
                throw Problem(line: record.line, reason: "price \"\(TerminalSafe.text(f[2], limit: 40))\" is not a plausible number of dollars an hour (more than 0, at most \(PriceListReader.plausibleHourly.formatted))")
            }
            // Sources and dates reach the terminal: printable text of bounded length, real dates.
            guard !f[3].isEmpty else { throw Problem(line: record.line, reason: "the source is empty") }
            guard TerminalSafe.isPrintable(f[3], limit: 500) else {
                throw Problem(line: record.line, reason: "the source has control characters or is longer than 500 characters")
            }
            guard f[4] == "unknown" || CalendarDay(asOf: f[4]) != nil && (f[4].count == 7 || PriceListReader.isDate(f[4])) else {
                throw Problem(line: record.line, reason: "the as-of date \"\(TerminalSafe.text(f[4], limit: 40))\" is not a date like 2026-11-20 or 2023-12 (write unknown if it is)")
            }
            guard seen.insert(f[0] + " " + f[1]).inserted else {
                throw Problem(line: record.line, reason: "a second price for \(f[1]) in \(f[0])")
            }
            rows.append(PriceRow(region: f[0], instanceType: f[1], hourly: price, source: f[3], asOf: f[4]))
        }
        return sorted(rows)
    }

    /// Hardware rows, sorted by instance type.
    public static func parseInstances(_ text: String) throws(Problem) -> [InstanceHardware] {
        let records = try CSV.parse(text)
        guard let header = records.first?.fields, header == instanceHeader else {
            throw Problem(line: 1, reason: "the header must be \(instanceHeader.joined(separator: ","))")
        }
        var rows: [InstanceHardware] = []
        var seen = Set<String>()
        for record in records.dropFirst() {
            let f = record.fields
            guard f.count == instanceHeader.count else {
                throw Problem(line: record.line, reason: "expected \(instanceHeader.count) fields, found \(f.count)")
            }
            guard isInstanceType(f[0]) else { throw Problem(line: record.line, reason: "\"\(f[0])\" is not an instance type") }
            // Plain decimals in a plausible range: `1e-300` would reach a division as infinity.
            guard let vcpu = Int(f[1]), (1...4096).contains(vcpu), let memory = plainDecimal(f[2]), memory >= 0.5, memory <= 100_000,
                  let accelerators = Int(f[3]), (0...64).contains(accelerators), let accMemory = plainDecimal(f[5]),
                  accMemory == 0 || (accMemory >= 1 && accMemory <= 100_000) else {
                throw Problem(line: record.line, reason: "vcpu (1–4096), memory_gib (0.5–100000), accelerators (0–64) and accelerator_memory_gib (0, or 1–100000) must be plain numbers in range")
            }
            guard (accelerators == 0) == f[4].isEmpty, (accelerators == 0) == (accMemory == 0) else {
                throw Problem(line: record.line, reason: "an accelerator count needs a model and memory, and no accelerator needs neither")
            }
            guard seen.insert(f[0]).inserted else { throw Problem(line: record.line, reason: "\(f[0]) appears twice") }
            rows.append(InstanceHardware(
                instanceType: f[0], vcpu: vcpu, memoryGiB: memory, accelerators: accelerators,
                acceleratorModel: f[4].isEmpty ? nil : f[4], acceleratorMemoryGiB: accMemory, source: f[6]))
        }
        return rows.sorted { instanceOrder($0.instanceType, $1.instanceType) }
    }

    /// The price file's text: a header, then one line per row, sorted; LF line ends.
    public static func encodePrices(_ rows: [PriceRow]) -> String {
        var out = CSV.line(priceHeader)
        for r in sorted(rows) {
            out += CSV.line([r.region, r.instanceType, r.hourly.plainDecimal, r.source, r.asOf])
        }
        return out
    }

    /// The hardware file's text, sorted by instance type.
    public static func encodeInstances(_ rows: [InstanceHardware]) -> String {
        var out = CSV.line(instanceHeader)
        for r in rows.sorted(by: { instanceOrder($0.instanceType, $1.instanceType) }) {
            out += CSV.line([r.instanceType, String(r.vcpu), number(r.memoryGiB), String(r.accelerators),
                             r.acceleratorModel ?? "", number(r.acceleratorMemoryGiB), r.source])
        }
        return out
    }

    /// Rows by region, then instance type.
    public static func sortedRows(_ rows: [PriceRow]) -> [PriceRow] { sorted(rows) }

    static func sorted(_ rows: [PriceRow]) -> [PriceRow] {
        // Each row's sort key once: splitting names inside the comparison was most of a start
        // with a thousand updated prices (measured with perf).
        let keyed = rows.map { r -> (String, String, Int, String, PriceRow) in
            let (family, size) = familyAndSize(r.instanceType)
            return (r.region, family, size, r.instanceType, r)
        }
        return keyed.sorted { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            if a.2 != b.2 { return a.2 < b.2 }
            return a.3 < b.3
        }.map(\.4)
    }

    /// Instance types by family, then size (`xlarge` < `2xlarge` < `12xlarge`), then name.
    public static func instanceOrder(_ a: String, _ b: String) -> Bool {
        let (fa, sa) = familyAndSize(a), (fb, sb) = familyAndSize(b)
        if fa != fb { return fa < fb }
        if sa != sb { return sa < sb }
        return a < b
    }

    static func familyAndSize(_ type: String) -> (String, Int) {
        let parts = type.split(separator: ".")
        guard parts.count == 3 else { return (type, 0) }
        let size = parts[2]
        let sizes = ["nano": -6, "micro": -5, "small": -4, "medium": -3, "large": -2, "xlarge": 1]
        if let s = sizes[String(size)] { return (String(parts[1]), s) }
        if size.hasSuffix("xlarge"), let n = Int(size.dropLast(6)) { return (String(parts[1]), n) }
        return (String(parts[1]), 1_000)
    }

    /// `eu-west-1`: lowercase ASCII letters, digits and dashes, at most 32 characters.
    public static func isRegionName(_ s: String) -> Bool {
        // Bytes, not Characters: this runs for every price row at start.
        let b = s.utf8
        return !b.isEmpty && b.count <= 32 && b.contains(UInt8(ascii: "-"))
            && b.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// `ml.g5.2xlarge`: ASCII letters, digits, dots and dashes, at most 64 characters.
    public static func isInstanceType(_ s: String) -> Bool {
        let b = s.utf8
        return s.hasPrefix("ml.") && b.count <= 64 && b.filter({ $0 == 0x2E }).count == 2 && b.last != 0x2E && !s.contains("..")
            && b.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }
    }

    /// `32`, `61.5`: digits with at most one point, no sign or exponent.
    static func plainDecimal(_ s: String) -> Double? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return Double(s)
    }

    /// `32.0` → `32`, `61.5` → `61.5`.
    public static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e12 ? String(Int(d)) : String(d)
    }
}

/// Just enough CSV (RFC 4180): quoted fields with doubled quotes, CRLF or LF line ends.
enum CSV {
    struct Record { var line: Int; var fields: [String] }

    static func parse(_ text: String) throws(PriceFiles.Problem) -> [Record] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false, wasQuoted = false
        var line = 1, recordLine = 1
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            wasQuoted = false
        }
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if quoted {
                if c == quote {
                    if i + 1 < bytes.count, bytes[i + 1] == quote { field.append(quote); i += 1 } else { quoted = false }
                } else {
                    if c == lf { line += 1 }
                    field.append(c)
                }
            } else {
                switch c {
                case quote:
                    guard field.isEmpty else { throw PriceFiles.Problem(line: line, reason: "a quote inside an unquoted field") }
                    quoted = true
                    wasQuoted = true
                case comma:
                    endField()
                case cr:
                    break
                case lf:
                    endRecord()
                    line += 1
                    recordLine = line
                default:
                    field.append(c)
                }
            }
            i += 1
        }
        if quoted { throw PriceFiles.Problem(line: recordLine, reason: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }

    static func line(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + "\n"
    }
}
