import Foundation
import JumpStartCore
import JumpStartWizard
import NcursesBackend
import TerminalUI

/// Starts the interactive wizard: checks there is a terminal, loads the data once, then runs
/// the loop read key → reduce → run effects → render → present until the wizard quits.
public enum WizardLauncher {
    public static func run(_ start: StartingAnswers) throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            FileHandle.standardError.write(Data("jumpstart-tui: the wizard needs a terminal (standard input and output are not one). For scripts use `jumpstart-tui export MODEL …`; see `jumpstart-tui export --help`.\n".utf8))
            return 2
        }
        // Everything that can fail before the screen is taken fails here, printed plainly.
        let catalog = try Catalog.bundled()
        let region = try catalog.resolveRegion(start.region)
        var services = try WizardServices.live(catalog: catalog, prices: try PriceBook.bundled())
        var reopened: WizardAnswers?
        if let path = start.fromTemplate {
            reopened = try reopen(path, overriding: start, region: start.region == nil ? nil : region)
        }

        let terminal = try Terminal()
        defer { terminal.restore() }
        let ascii = environment["JUMPSTART_TUI_ASCII"].map { !$0.isEmpty && $0 != "0" } ?? false
        // For `make bench`: quit as soon as the first frame is on the screen.
        let exitAfterFirstFrame = environment["JUMPSTART_TUI_EXIT_AFTER_FIRST_FRAME"].map { !$0.isEmpty && $0 != "0" } ?? false
        let theme = Theme(colors: terminal.supportsColor, unicode: terminal.isUTF8 && !ascii)
        let runtime = EffectRunner()
        let log = environment["JUMPSTART_TUI_LOG"].flatMap { path -> FileHandle? in
            if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
            let handle = FileHandle(forWritingAtPath: path)
            handle?.seekToEndOfFile()
            return handle
        }
        defer { try? log?.close() }
        var (state, _) = reopened.map { Wizard.reopen($0, size: terminal.size, services: services) }
            ?? Wizard.start(start, region: region, size: terminal.size, services: services)
        var buffer = ScreenBuffer(size: terminal.size)

        while !state.quitting {
            if buffer.size != state.size { buffer = ScreenBuffer(size: state.size) }
            WizardView.render(state, services, theme: theme, into: &buffer)
            terminal.present(buffer)
            if exitAfterFirstFrame { break }
            guard let key = terminal.readKey() else { continue }
            var pending: [Action] = key == .resize ? [.resized(terminal.size)] : [.keyPressed(key)]
            while !pending.isEmpty {
                let action = pending.removeFirst()
                let effects = Wizard.reduce(&state, action, services)
                log?.write(Data("\(action) -> step \(state.step)\(effects.isEmpty ? "" : ", effects \(effects)")\n".utf8))
                for effect in effects {
                    if let next = runtime.run(effect) { pending.append(next) }
                }
            }
        }
        terminal.restore()
        // Printed only after the screen is torn down.
        if let path = state.exportedPath {
            print("Wrote \(path).")
            if let steps = state.nextSteps { print(steps) }
        }
        return 0
    }
}

/// Carries out the wizard's effects: the only file access the wizard has.
struct EffectRunner {
    func run(_ effect: Effect) -> Action? {
        switch effect {
        case .checkExportTarget(let path):
            return .exportTargetChecked(path: path, exists: FileManager.default.fileExists(atPath: path))
        case let .writeTemplate(path, contents):
            do {
                try TemplateFile.write(contents, to: path, replacing: true)
                return .templateWritten(path: path)
            } catch {
                return .templateWriteFailed(path: path, message: "\(error)")
            }
        case .quit:
            return nil
        }
    }
}

/// Answers read back from a template this program exported, with command-line answers over them.
func reopen(_ path: String, overriding start: StartingAnswers, region: String?) throws -> WizardAnswers {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw TemplateError.templateUnreadable(path: path, reason: "no such file, or not readable")
    }
    var answers = WizardAnswers(try TemplateMetadata.answers(fromTemplate: String(decoding: data, as: UTF8.self), path: path).get())
    if let region { answers.region = region }
    if let type = start.instanceType { answers.instanceType = type }
    if let count = start.count { answers.instanceCount = count }
    if let model = start.model { answers.modelReference = model }
    return answers
}
