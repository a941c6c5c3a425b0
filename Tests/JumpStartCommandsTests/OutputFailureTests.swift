import Foundation
import Testing

/// Runs `script` in bash with `$BIN` set to the binary, in a home of its own.
func bash(_ script: String) throws -> CLIResult {
    var env = try isolatedHome()
    env["BIN"] = binary.path
    env["JUMPSTART_TUI_BUNDLED_DATA"] = "1"
    env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

@Suite("a failed write to standard output or error never crashes")
struct OutputFailureTests {
    static let model = "huggingface-llm-mistral-7b-instruct@3.5.0"

    @Test("stdout on a full disk: one line saying so and exit 1, no crash", arguments: [
        "export \(model)", "models", "compare --instance-type ml.g5.2xlarge --regions all --format csv", "pricing status",
    ])
    func fullDisk(command: String) throws {
        let r = try bash("\"$BIN\" \(command) > /dev/full; echo \"status=$?\"")
        #expect(r.stdout.contains("status=1"), "\(command): \(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("jumpstart-tui: can't write to standard output: No space left on device."), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("backtrace"), "\(r.stderr)")
    }

    @Test("stdout closed: one line saying so and exit 1", arguments: ["models", "export \(model)", "show \(model)"])
    func closedStdout(command: String) throws {
        let r = try bash("\"$BIN\" \(command) >&-; echo \"status=$?\" >&2")
        #expect(r.stderr.contains("status=1"), "\(command): \(r.stderr)")
        #expect(r.stderr.contains("can't write to standard output: it is closed."), "\(r.stderr)")
    }

    @Test("stderr closed after export -o wrote the file: success stays success")
    func closedStderr() throws {
        let r = try bash("cd \"$HOME\" && \"$BIN\" export \(Self.model) -o t.yaml 2>&-; echo \"status=$?\"; wc -c < t.yaml")
        #expect(r.stdout.hasPrefix("status=0"), "\(r.stdout)")
        #expect((Int(r.stdout.split(separator: "\n").last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0) > 1000)
    }

    @Test("into head -1: the first line, then a quiet end (no message, exit 0 or SIGPIPE)", arguments: [
        "models", "models --all-versions", "compare --instance-type ml.g5.2xlarge --regions all --format csv",
    ])
    func closedPipe(command: String) throws {
        let r = try bash("\"$BIN\" \(command) | head -1; echo \"status=${PIPESTATUS[0]}\"")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2, "\(r.stdout)")
        #expect(lines.last == "status=0" || lines.last == "status=141", "\(r.stdout)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }
}
