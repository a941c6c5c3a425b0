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
                            executable: String? = nil) throws(CatalogError) -> URL {
        // Plain paths and access(2): this runs at every start, and Foundation's URL and
        // FileManager calls cost milliseconds here (measured with perf).
        func isData(_ dir: String) -> Bool { access(dir + "/catalog/" + CatalogFormat.entriesFile, R_OK) == 0 }
        if let explicit = environment[environmentVariable], !explicit.isEmpty {
            if isData(explicit) { return URL(fileURLWithPath: explicit) }
            throw .dataNotFound(searched: ["\(explicit) (from \(environmentVariable))"])
        }
        var searched: [String] = []
        for candidate in candidates(executable: executable ?? currentExecutable()) {
            if isData(candidate) { return URL(fileURLWithPath: candidate) }
            searched.append(candidate)
        }
        throw .dataNotFound(searched: ["\(environmentVariable) (not set)"] + searched)
    }

    /// Where the data may be for this executable, in order: installed, then development build.
    static func candidates(executable: String) -> [String] {
        var parts = executable.split(separator: "/").map(String.init)
        guard !parts.isEmpty else { return [] }
        parts.removeLast()  // the executable's name
        let prefix = parts.dropLast()
        var list = ["/" + (prefix + ["share", "jumpstart-tui", "data"]).joined(separator: "/")]
        // <checkout>/.build/<triple>/<configuration>/jumpstart-tui (or .build-NAME, a second build folder).
        if let i = parts.lastIndex(where: { $0 == ".build" || $0.hasPrefix(".build-") || $0.hasPrefix(".build_") }) {
            list.append("/" + (parts[..<i] + ["data"]).joined(separator: "/"))
        }
        return list
    }

    /// The running executable, symlinks resolved (`/proc/self/exe` on Linux).
    static func currentExecutable() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "")).resolvingSymlinksInPath().path
    }

    /// For `--version`: the data folder in use, or why there is none.
    public static func describe() -> String {
        do throws(CatalogError) { return try cached().path } catch {
            if case .dataNotFound(let searched) = error { return "none found; looked in " + searched.joined(separator: ", ") }
            return "\(error)"
        }
    }
}
