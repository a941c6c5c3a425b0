/// Why a price, a cost or a price import has no answer, with what a message needs to say what
/// would be right.
public enum PricingError: Error, Sendable, Equatable {
    /// A bundled pricing file (`data/pricing/…`) is missing or damaged.
    case damaged(file: String, line: Int?, reason: String)
    /// The user's own price file can't be read.
    case damagedUserFile(path: String, line: Int?, reason: String)
    /// The updated Price List (`pricing update`'s file in the user's data folder) can't be read.
    case damagedUpdatedFile(path: String, line: Int?, reason: String)
    /// No price and no hardware is known for this instance type anywhere.
    case unknownInstanceType(String, suggestions: [String])
    /// Hours per month outside (0, 744], or not a number.
    case invalidHoursPerMonth(String)
    /// Instance count below 1 or absurdly large.
    case invalidCount(Int)
    /// A cost too large to compute exactly (a damaged price far beyond any real one).
    case amountTooLarge(instanceType: String, region: String, hourly: Money)
    /// The model doesn't support the instance type asked about.
    case instanceTypeNotSupported(instanceType: String, model: String, supported: [String])
    /// A file given to `pricing import` is not what it should be.
    case malformedPriceList(file: String, reason: String)
    /// The files given to `pricing import` hold no SageMaker hosting on-demand USD price at all.
    case noHostingPrices(files: [String], skipped: Int)
    /// The user's price file could not be written.
    case cannotWrite(path: String, reason: String)

    /// The largest instance count a cost is computed for.
    public static let maximumCount = 1_000
}

extension PricingError: CustomStringConvertible {
    /// One clear sentence: what is wrong, and what would be right.
    public var description: String {
        switch self {
        case let .damaged(file, line, reason):
            let at = line.map { " line \($0)" } ?? ""
            return "The bundled pricing file \(file)\(at) is damaged: \(reason). Regenerate data/ with `make data` or restore it from git."
        case let .damagedUserFile(path, line, reason):
            let at = line.map { " line \($0)" } ?? ""
            return "Your price file \(path)\(at) can't be read: \(reason). Fix or delete it, or write it again with `jumpstart-tui pricing import FILE…`."
        case let .damagedUpdatedFile(path, line, reason):
            let at = line.map { " line \($0)" } ?? ""
            return "The updated Price List \(path)\(at) can't be read: \(reason). Run `jumpstart-tui pricing update` to fetch it again, or delete the file to use the bundled prices."
        case let .unknownInstanceType(name, suggestions):
            let hint = suggestions.isEmpty ? " Run `jumpstart-tui pricing status` to list the known ones." : " Did you mean: \(suggestions.joined(separator: ", "))?"
            return "\(name) is not a SageMaker instance type this program knows (no hardware and no price anywhere).\(hint)"
        case let .invalidHoursPerMonth(text):
            return "Hours per month \(text) is not allowed: give a number more than 0 and at most 744 (31 days × 24 h), with at most 3 decimals; 730 is AWS's usual assumption."
        case let .invalidCount(n):
            return "Instance count \(n) is not allowed: it must be a whole number from 1 to \(Self.maximumCount)."
        case let .amountTooLarge(type, region, hourly):
            return "The price of \(type) in \(region), \(hourly.formattedPrecise) an hour, makes a cost too large to compute; it is not a real price. Check your price file (`jumpstart-tui pricing status`)."
        case let .instanceTypeNotSupported(type, model, supported):
            return "\(model) does not support \(type). Supported instance types: \(supported.joined(separator: ", "))."
        case let .malformedPriceList(file, reason):
            return "\(file) is not a usable AWS price list: \(reason). Give the JSON printed by `aws pricing get-products --service-code AmazonSageMaker …` or the bulk offer file index.json."
        case let .noHostingPrices(files, skipped):
            return "\(files.joined(separator: ", ")) hold no SageMaker real-time hosting on-demand price in USD per hour (\(skipped) products skipped). Fetch them with `aws pricing get-products --region us-east-1 --service-code AmazonSageMaker --filters Type=TERM_MATCH,Field=component,Value=Hosting`."
        case let .cannotWrite(path, reason):
            return "Could not write your price file \(path): \(reason). Check that its folder is writable."
        }
    }
}
