import Foundation

/// Finds the bundled `data/` folder, in one documented order and nowhere else (no search of
/// parent folders, no path of the machine it was built on):
/// 1. `JUMPSTART_TUI_DATA`, when set;
/// 2. installed: `<prefix>/share/jumpstart-tui/data` for the executable `<prefix>/bin/jumpstart-tui`
///    (what `make install PREFIX=…` lays out);
/// 3. a development build: the executable under `<checkout>/.build/…` uses `<checkout>/data`.
/// The user's own fetched data (XDG folders) is laid over it by the price book and the catalog.
public enum DataLocation {
    public static let environmentVariable = "JUMPSTART_TUI_DATA"

    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment,
                            executable: URL? = nil) throws(CatalogError) -> URL {
        func isData(_ url: URL) -> Bool {
            FileManager.default.fileExists(atPath: url.appendingPathComponent("catalog/\(CatalogFormat.entriesFile)").path)
        }
        if let explicit = environment[environmentVariable], !explicit.isEmpty {
            let url = URL(fileURLWithPath: explicit)
            if isData(url) { return url }
            throw .dataNotFound(searched: ["\(explicit) (from \(environmentVariable))"])
        }
        var searched: [String] = []
        for candidate in candidates(executable: executable ?? currentExecutable()) {
            if isData(candidate) { return candidate.standardizedFileURL }
            searched.append(candidate.standardizedFileURL.path)
        }
        throw .dataNotFound(searched: ["\(environmentVariable) (not set)"] + searched)
    }

    /// Where the data may be for this executable, in order: installed, then development build.
    static func candidates(executable: URL) -> [URL] {
        let bin = executable.deletingLastPathComponent()
        var list = [bin.deletingLastPathComponent().appendingPathComponent("share/jumpstart-tui/data")]
        // <checkout>/.build/<triple>/<configuration>/jumpstart-tui (or .build-NAME, a second build folder).
        var dir = bin
        while dir.path != "/" && !dir.path.isEmpty {
            let name = dir.lastPathComponent
            if name == ".build" || name.hasPrefix(".build-") || name.hasPrefix(".build_") {
                list.append(dir.deletingLastPathComponent().appendingPathComponent("data"))
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        return list
    }

    /// The running executable, symlinks resolved (`/proc/self/exe` on Linux).
    static func currentExecutable() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "")).resolvingSymlinksInPath()
    }

    /// For `--version`: the data folder in use, or why there is none.
    public static func describe() -> String {
        do throws(CatalogError) { return try cached().path } catch {
            if case .dataNotFound(let searched) = error { return "none found; looked in " + searched.joined(separator: ", ") }
            return "\(error)"
        }
    }
}
