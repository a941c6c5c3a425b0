/// Why a catalog question has no answer, with what a message needs to suggest a right one.
public enum CatalogError: Error, Sendable, Equatable {
    /// The bundled data folder could not be found; `searched` lists where we looked.
    case dataNotFound(searched: [String])
    /// A bundled data file is missing or damaged.
    case damaged(file: String, line: Int?, reason: String)
    case unknownModel(String, suggestions: [String])
    case unknownVersion(model: String, version: String, available: [String])
    case badReference(String)
    case unknownRegion(String, suggestions: [String], source: String)
}

extension CatalogError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .dataNotFound(let searched):
            if searched.count == 1, searched[0].hasSuffix("(from JUMPSTART_TUI_DATA)") {
                return "JUMPSTART_TUI_DATA points at \(searched[0].replacingOccurrences(of: " (from JUMPSTART_TUI_DATA)", with: "")), which has no catalog/entries.tsv. Point it at a data folder (the project's data/, or <prefix>/share/jumpstart-tui/data), or unset it."
            }
            return "The bundled catalog (data/catalog/entries.tsv) was not found. Looked in: \(searched.joined(separator: ", ")). Install with `make install`, or set JUMPSTART_TUI_DATA to a data folder."
        case let .damaged(file, line, reason):
            let at = line.map { " line \($0)" } ?? ""
            if file.hasPrefix("/") {
                return "The updated catalog's file \(file)\(at) is damaged: \(reason). Run `jumpstart-tui catalog update` to write it again, or set \(UserFolders.bundledOnlyVariable)=1 to use the bundled catalog."
            }
            return "The bundled data file \(file)\(at) is damaged: \(reason). Regenerate data/ with `make data` or restore it from git."
        case let .unknownModel(name, suggestions):
            let hint = suggestions.isEmpty ? " Run `jumpstart-tui models` to list them." : " Did you mean: \(suggestions.joined(separator: ", "))?"
            return "No model named \(name) in the catalog.\(hint)"
        case let .unknownVersion(model, version, available):
            return "\(model) has no version \(version). Versions, newest first: \(available.joined(separator: ", "))\(available.count >= 12 ? ", … (jumpstart-tui show \(model) lists them all)" : "")."
        case let .badReference(text):
            return "\(text.isEmpty ? "An empty model name" : "\"\(text)\"") is not a model reference: write MODEL or MODEL@VERSION, for example meta-textgeneration-llama-2-7b-f@2.0.2."
        case let .unknownRegion(name, suggestions, source):
            let hint = suggestions.isEmpty
                ? " JumpStart regions: \(JumpStartRegions.names.joined(separator: ", "))."
                : " Did you mean: \(suggestions.joined(separator: ", "))?"
            if name.isEmpty { return "\(source) is empty: give a region, or leave the option out for the default (AWS_REGION, AWS_DEFAULT_REGION, us-east-1).\(hint)" }
            return "\(TerminalSafe.text(name, limit: 60)) (from \(source)) is not a JumpStart region.\(hint) Run `jumpstart-tui show MODEL` to see where a model deploys."
        }
    }
}

/// The region names for messages that have no catalog at hand: the bundled table when it loads.
enum JumpStartRegions {
    static var names: [String] { (try? RegionTable.bundled().names) ?? [] }
}
