import Foundation

/// The checkout's root, found from this file's path.
let projectRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// What one run of the real binary printed.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The built `jumpstart-tui`, beside the test bundle (the test target depends on it, so it is built).
let binary: URL = {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("jumpstart-tui")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return projectRoot.appendingPathComponent(".build/debug/jumpstart-tui")
}()

/// The day every test's prices are aged against (`JUMPSTART_TUI_TODAY`), so stale marks don't
/// move with the calendar.
let testToday = "2026-11-26"

/// A new, empty home of the test's own: HOME and the XDG data, config and cache folders inside
/// it, so no test reads or writes a real home or another test's files.
func isolatedHome() throws -> [String: String] {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("jst-home-\(UUID().uuidString)")
    for sub in ["data", "config", "cache"] {
        try FileManager.default.createDirectory(at: home.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    return ["HOME": home.path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_CACHE_HOME": home.appendingPathComponent("cache").path]
}

/// Runs the binary as a user would, with a clean environment (no AWS_REGION, no COLUMNS unless
/// given) and, unless the test gives its own, a home and XDG folders of its own.
func jst(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil, cwd: URL? = nil) throws -> CLIResult {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    var env = try isolatedHome()
    env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    env["JUMPSTART_TUI_TODAY"] = testToday
    // No proxy of the developer's may stand between a test and its local server.
    env["NO_PROXY"] = "127.0.0.1,localhost"
    env["no_proxy"] = "127.0.0.1,localhost"
    for (k, v) in environment { env[k] = v }
    process.environment = env
    if let cwd { process.currentDirectoryURL = cwd }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Read both pipes concurrently so a large output can't block the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CLIResult(status: process.terminationStatus,
                     stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
}
