import Foundation
import JumpStartCore
import JumpStartFetch
import JumpStartWizard
import NcursesBackend
import TerminalUI

/// Starts the interactive wizard: checks there is a terminal, loads the data once, then runs
/// the loop read key → reduce → run effects → render → present until the wizard quits.
public enum WizardLauncher {
    public static func run(_ start: StartingAnswers) throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            StandardStreams.err(("jumpstart-tui: the wizard needs a terminal (standard input and output are not one). For scripts use `jumpstart-tui export MODEL …`; see `jumpstart-tui export --help`.\n"))
            return 2
        }
        // Everything that can fail before the screen is taken fails here, printed plainly.
        let catalog = try Catalog.inUse()
        let region = try catalog.resolveRegion(start.region)
        var services = try WizardServices.live(catalog: catalog, prices: try PriceBook.bundled())
        var reopened: (answers: ExportAnswers, edits: TemplateEdits?)?
        if let path = start.fromTemplate {
            reopened = try reopen(path, overriding: start, region: start.region == nil ? nil : region, catalog: catalog)
        }

        let terminal = try Terminal()
        defer { terminal.restore() }
        let ascii = environment["JUMPSTART_TUI_ASCII"].map { !$0.isEmpty && $0 != "0" } ?? false
        // For `make bench`: quit as soon as the first frame is on the screen.
        let exitAfterFirstFrame = environment["JUMPSTART_TUI_EXIT_AFTER_FIRST_FRAME"].map { !$0.isEmpty && $0 != "0" } ?? false
        let theme = Theme(colors: terminal.supportsColor, unicode: terminal.isUTF8 && !ascii)
        let inbox = Inbox()
        let runtime = EffectRunner(inbox: inbox, catalog: catalog, clipboard: terminal.sendToClipboard)
        let log = environment["JUMPSTART_TUI_LOG"].flatMap { path -> FileHandle? in
            if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
            let handle = FileHandle(forWritingAtPath: path)
            handle?.seekToEndOfFile()
            return handle
        }
        defer { try? log?.close() }
        var (state, _) = reopened.map {
            Wizard.reopen($0.answers, edits: $0.edits, path: start.fromTemplate ?? "", discardingEdits: start.discardEdits,
                          size: terminal.size, services: services, load: runtime.loadEntry, savePath: start.fromTemplate)
        }
            ?? Wizard.start(start, region: region, size: terminal.size, services: services, load: runtime.loadEntry)
        var buffer = ScreenBuffer(size: terminal.size)

        while !state.quitting {
            if buffer.size != state.size { buffer = ScreenBuffer(size: state.size) }
            WizardView.render(state, services, theme: theme, into: &buffer)
            terminal.present(buffer)
            if exitAfterFirstFrame { break }
            // While work runs off the loop (a price update), wake up to show its progress.
            let key = terminal.readKey(timeoutMs: inbox.isBusy ? 150 : nil)
            var pending: [Action] = inbox.drain()
            if let key { pending.append(key == .resize ? .resized(terminal.size) : .keyPressed(key)) }
            while !pending.isEmpty {
                let action = pending.removeFirst()
                if case .pricesUpdated = action {
                    // The update landed in the user's data folder: price with it from now on.
                    do {
                        services = try WizardServices.live(catalog: catalog, prices: try PriceBook.load(dataDirectory: DataLocation.cached()))
                    } catch {
                        pending.insert(.priceUpdateFailed(region: "", message: "the updated prices could not be read: \(error)"), at: 0)
                        continue
                    }
                }
                let effects = Wizard.reduce(&state, action, services)
                log?.write(Data("\(action) -> step \(state.step)\(effects.isEmpty ? "" : ", effects \(effects)")\n".utf8))
                for effect in effects {
                    if let next = runtime.run(effect) { pending.append(next) }
                }
            }
        }
        terminal.restore()
        // Printed only after the screen is torn down.
        if let message = state.exitMessage { StandardStreams.err(message + "\n") }
        if let path = state.exportedPath {
            StandardStreams.out("Wrote \(path).\n")
            if let steps = state.nextSteps { StandardStreams.out((["Next steps:"] + NextSteps.lines(steps)).joined(separator: "\n") + "\n") }
        }
        return 0
    }
}

/// Actions that work off the loop posts back to it.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []
    private var busy = 0

    var isBusy: Bool { lock.lock(); defer { lock.unlock() }; return busy > 0 || !actions.isEmpty }
    func begin() { lock.lock(); busy += 1; lock.unlock() }
    func end(_ action: Action) { lock.lock(); busy -= 1; actions.append(action); lock.unlock() }
    func post(_ action: Action) { lock.lock(); actions.append(action); lock.unlock() }
    func drain() -> [Action] { lock.lock(); defer { lock.unlock(); actions = [] }; return actions }
}

/// Carries out the wizard's effects: the only file and network access the wizard has.
struct EffectRunner {
    let inbox: Inbox
    let catalog: Catalog
    /// OSC 52 to the terminal.
    let clipboard: (String) -> Void

    /// A catalog entry's whole record: the lines of the catalog's tables it refers to.
    func loadEntry(_ summary: EntrySummary) -> Result<CatalogEntry, CatalogError> {
        do throws(CatalogError) { return .success(try catalog.entry(summary)) } catch { return .failure(error) }
    }

    /// The Price List host for `u`: AWS's, or `JUMPSTART_TUI_PRICING_ENDPOINT` (a mirror, or a test server).
    static func pricingEndpoint(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["JUMPSTART_TUI_PRICING_ENDPOINT"].flatMap { HTTPFetcher.validate(endpoint: $0) == nil ? $0 : nil }
            ?? PriceListUpdate.defaultEndpoint
    }

    func run(_ effect: Effect) -> Action? {
        switch effect {
        case .updatePrices(let region):
            guard let file = UpdatedPrices.file() else {
                return .priceUpdateFailed(region: region, message: "neither XDG_DATA_HOME nor HOME is set, so there is no place for the prices")
            }
            inbox.begin()
            let inbox = self.inbox
            Thread {
                let fetcher = HTTPFetcher(base: Self.pricingEndpoint(), timeout: 20, retries: 1)
                do {
                    let all = (try? RegionTable.bundled().names) ?? [region]
                    let report = try PriceListUpdate.run(regions: [region], allRegions: all, fetcher: fetcher, file: file) { p in
                        inbox.post(.priceUpdateProgressed(region: region, progress: ByteCount.text(p.bytes)))
                    }
                    switch report.regions.first(where: { $0.region == region })?.outcome {
                    case let .updated(prices, _, published, _)?:
                        inbox.end(.pricesUpdated(region: region, summary: "Updated \(prices) prices in \(region) from AWS's Price List (published \(published.prefix(10)))."))
                    case let .unchanged(prices, published)?:
                        inbox.end(.pricesUpdated(region: region, summary: "\(region)'s \(prices) Price List prices are already current (published \(published.prefix(10)))."))
                    case let .failed(reason, _)?:
                        inbox.end(.priceUpdateFailed(region: region, message: reason))
                    case .notInPriceList?, nil:
                        inbox.end(.priceUpdateFailed(region: region, message: region.hasPrefix("cn-")
                            ? "\(region) is not in AWS's public Price List: China's prices are a separate list, in CNY"
                            : "the Price List's region index does not list \(region)"))
                    }
                } catch {
                    inbox.end(.priceUpdateFailed(region: region, message: "\(error)"))
                }
            }.start()
            return nil
        case .loadEntry(let summary):
            return .entryLoaded(summary, loadEntry(summary))
        case .checkExportTarget(let typed):
            // The path as the person meant it: ~ is their home, as in a shell.
            let path = TemplateFile.expandingTilde(typed, home: ProcessInfo.processInfo.environment["HOME"])
            switch TemplateFile.inspect(path) {
            case .absent: return .exportTargetChecked(path: path, exists: false)
            case .danglingLink: return .exportTargetChecked(path: path, exists: true)
            case .regularFile: return .exportTargetChecked(path: path, exists: true)
            case .refused(let error): return .exportTargetChecked(path: path, exists: true, refusal: error.description)
            }
        case let .writeTemplate(path, contents):
            do {
                try TemplateFile.write(contents, to: path, replacing: true)
                return .templateWritten(path: path)
            } catch {
                return .templateWriteFailed(path: path, message: "\(error)")
            }
        case .copyToClipboard(let text):
            clipboard(text)
            return nil
        case .quit:
            return nil
        }
    }
}

/// Answers read back from a template this program exported, with its hand edits read back (as
/// `export --from` does) and command-line answers over them. A read-back value its rule refuses,
/// or answers that can't be checked, fail here, printed before the screen is taken.
func reopen(_ path: String, overriding start: StartingAnswers, region: String?, catalog: Catalog) throws -> (answers: ExportAnswers, edits: TemplateEdits?) {
    let text = try TemplateFile.read(path).get()
    var answers = try TemplateMetadata.answers(fromTemplate: text, path: path).get()
    var edits: TemplateEdits?
    switch TemplateEdits.find(in: text, path: path, answers: answers, catalog: catalog) {
    case .success(let found):
        answers = found.answers
        edits = found
    case .failure(.templateEditsUnchecked) where start.discardEdits:
        break
    case .failure(let error):
        throw error
    }
    if let region { answers.region = region }
    if let type = start.instanceType { answers.chosenType = type }
    if let count = start.count { answers.instanceCount = count }
    if let model = start.model { answers.modelReference = model }
    return (answers, edits)
}
