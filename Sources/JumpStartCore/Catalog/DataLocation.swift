import Foundation

/// Finds the project's `data/` folder: `JUMPSTART_TUI_DATA`, else the nearest `data/` above the
/// executable (a build in the checkout), else `share/jumpstart-tui/data` beside an installed binary,
/// else the checkout this code was compiled from.
public enum DataLocation {
    public static let environmentVariable = "JUMPSTART_TUI_DATA"

    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws(CatalogError) -> URL {
        var searched: [String] = []
        let fm = FileManager.default
        func isData(_ url: URL) -> Bool {
            fm.fileExists(atPath: url.appendingPathComponent("catalog/\(CatalogFormat.entriesFile)").path)
        }
        if let explicit = environment[environmentVariable], !explicit.isEmpty {
            let url = URL(fileURLWithPath: explicit)
            if isData(url) { return url }
            throw .dataNotFound(searched: ["\(explicit) (from \(environmentVariable))"])
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = executable.deletingLastPathComponent()
        if let real = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() { dir = real }
        let installed = dir.deletingLastPathComponent().appendingPathComponent("share/jumpstart-tui/data")
        if isData(installed) { return installed }
        searched.append(installed.path)
        var probe = dir
        for _ in 0..<6 {
            let candidate = probe.appendingPathComponent("data")
            if isData(candidate) { return candidate }
            searched.append(candidate.path)
            probe = probe.deletingLastPathComponent()
        }
        // Sources/JumpStartCore/Catalog/DataLocation.swift → the checkout's root.
        let checkout = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data")
        if isData(checkout) { return checkout }
        searched.append(checkout.path)
        throw .dataNotFound(searched: searched)
    }
}
