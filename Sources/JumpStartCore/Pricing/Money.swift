/// An amount of US dollars, held exactly as whole micro-dollars (millionths of a dollar).
///
/// Prices per instance-hour have at most four decimals in AWS's lists and six are accepted, so
/// every product of a price, a whole number of milli-hours and an instance count is exact to the
/// micro-dollar; a figure is rounded only when it is shown.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Millionths of a US dollar.
    public let micros: Int64

    public init(micros: Int64) { self.micros = micros }

    public static let zero = Money(micros: 0)

    /// Parses a plain decimal dollar amount such as `1.515` or `0.7364000000` (trailing zeros are
    /// fine). Nil for anything else: signs, exponents, more than six significant decimals.
    public init?(decimal text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 9, whole.allSatisfy(\.isASCIIDigit) else { return nil }
        var fraction = parts.count == 2 ? Substring(parts[1]) : ""
        guard fraction.allSatisfy(\.isASCIIDigit), parts.count == 1 || !fraction.isEmpty else { return nil }
        while fraction.count > 6, fraction.last == "0" { fraction = fraction.dropLast() }
        guard fraction.count <= 6 else { return nil }
        let padded = fraction + String(repeating: "0", count: 6 - fraction.count)
        guard let w = Int64(whole), let f = Int64(padded) else { return nil }
        self.micros = w * 1_000_000 + f
    }

    public static func < (a: Money, b: Money) -> Bool { a.micros < b.micros }

    /// US dollars to the cent, with thousands separators: `$2,211.90`. Half a cent rounds up.
    public var formatted: String {
        let cents = (micros + 5_000) / 10_000
        return "$" + Self.grouped(cents / 100) + "." + Self.twoDigits(cents % 100)
    }

    /// Every significant decimal, at least two: `$1.515`, `$0.7364`, `$20.36`, `$1,105.95`.
    /// For prices per hour, which AWS quotes to a fraction of a cent.
    public var formattedPrecise: String {
        var fraction = String(micros % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.count > 2, fraction.last == "0" { fraction.removeLast() }
        return "$" + Self.grouped(micros / 1_000_000) + "." + fraction
    }

    /// The amount as a plain decimal with every significant digit (at least two decimals),
    /// without `$` or separators: for CSV and price files.
    public var plainDecimal: String {
        String(formattedPrecise.dropFirst()).replacingOccurrences(of: ",", with: "")
    }

    /// The amount rounded to the cent, as a plain decimal: `2211.90`.
    public var plainCents: String {
        let cents = (micros + 5_000) / 10_000
        return String(cents / 100) + "." + Self.twoDigits(cents % 100)
    }

    /// The amount in dollars as a Double, for JSON (exactly the nearest double to the decimal).
    public var dollars: Double { Double(micros) / 1_000_000 }

    /// This amount `n` times (a year of months).
    public func times(_ n: Int) -> Money { Money(micros: micros * Int64(n)) }

    /// The amount rounded to the cent, as a Double, for JSON.
    public var dollarsToTheCent: Double { Double((micros + 5_000) / 10_000) / 100 }

    public var description: String { formattedPrecise }

    static func grouped(_ n: Int64) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    static func twoDigits(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Hours an endpoint runs in a month: more than 0, at most 744 (31 × 24), to a thousandth of an
/// hour. AWS's pricing calculator assumes 730.
public struct HoursPerMonth: Sendable, Hashable, CustomStringConvertible {
    /// Thousandths of an hour.
    public let milliHours: Int64

    /// 730 hours, the convention of AWS's pricing calculator.
    public static let standard = HoursPerMonth(uncheckedMilliHours: 730_000)
    public static let maximum: Int64 = 744

    private init(uncheckedMilliHours: Int64) { self.milliHours = uncheckedMilliHours }

    /// Whole hours, checked to be in (0, 744].
    public init(_ hours: Int) throws(PricingError) {
        guard hours > 0, hours <= Self.maximum else { throw .invalidHoursPerMonth(String(hours)) }
        self.milliHours = Int64(hours) * 1_000
    }

    /// Parses `730`, `720.5` or `730.125`, checked to be in (0, 744].
    public init(parsing text: String) throws(PricingError) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 4, whole.allSatisfy(\.isASCIIDigit) else {
            throw .invalidHoursPerMonth(text)
        }
        var fraction = parts.count == 2 ? Substring(parts[1]) : ""
        guard fraction.allSatisfy(\.isASCIIDigit), parts.count == 1 || !fraction.isEmpty else { throw .invalidHoursPerMonth(text) }
        while fraction.count > 3, fraction.last == "0" { fraction = fraction.dropLast() }
        guard fraction.count <= 3, let w = Int64(whole),
              let f = Int64(fraction + String(repeating: "0", count: 3 - fraction.count)) else {
            throw .invalidHoursPerMonth(text)
        }
        let milli = w * 1_000 + f
        guard milli > 0, milli <= Self.maximum * 1_000 else { throw .invalidHoursPerMonth(text) }
        self.milliHours = milli
    }

    /// `730`, `720.5`.
    public var description: String {
        let whole = milliHours / 1_000, rest = milliHours % 1_000
        guard rest != 0 else { return String(whole) }
        var f = String(rest)
        f = String(repeating: "0", count: 3 - f.count) + f
        while f.last == "0" { f.removeLast() }
        return "\(whole).\(f)"
    }

    /// The hours as a Double, for JSON.
    public var hours: Double { Double(milliHours) / 1_000 }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

import Foundation
