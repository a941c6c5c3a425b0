import Foundation
import JumpStartCore
import JumpStartWizard
import Testing
import TerminalUI

let projectRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The real catalog and price book, loaded once; the user's price file is never read in tests.
let services: WizardServices = {
    do {
        let catalog = try Catalog(dataDirectory: projectRoot.appendingPathComponent("data"))
        // Bundled prices only, aged against a fixed day so stale marks don't move with the calendar.
        let prices = try PriceBook.load(dataDirectory: projectRoot.appendingPathComponent("data"), userFile: nil, updatedFile: nil, today: testToday)
        return try WizardServices.live(catalog: catalog, prices: prices)
    } catch {
        fatalError("services: \(error)")
    }
}()

/// The day the tests' prices are aged against.
let testToday = CalendarDay(asOf: "2026-11-26")!

/// Drives the wizard headless by key name at a fixed size, keeping every effect it asked for.
struct Pilot {
    var state: WizardState
    var effects: [Effect] = []
    /// The services the wizard runs with; a test swaps them as the app does when an update lands.
    var live: WizardServices = services

    init(width: Int = 80, height: Int = 24, region: String = "us-east-1", start: StartingAnswers = StartingAnswers(),
         services: WizardServices = services) {
        live = services
        (state, _) = Wizard.start(start, region: region, size: Size(width: width, height: height), services: services, load: Self.loader(services))
    }

    /// Reads an entry as the runtime's `loadEntry` effect does.
    static func loader(_ services: WizardServices) -> (EntrySummary) -> Result<CatalogEntry, CatalogError> {
        { summary in
            do throws(CatalogError) { return .success(try services.catalog.entry(summary)) } catch { return .failure(error) }
        }
    }

    /// Presses keys by name: "down down enter", "l l a m a" or text(…) for typing.
    mutating func press(_ names: String) {
        do {
            for key in try Key.sequence(names) { send(.keyPressed(key)) }
        } catch {
            Issue.record("\(error)")
        }
    }

    /// Types text, one character per key.
    mutating func type(_ text: String) {
        for c in text { send(.keyPressed(c == " " ? .character(" ") : .character(c))) }
    }

    /// Reduces the action; a `loadEntry` effect is carried out at once, as the runtime does (it
    /// is the runtime's read, not a result a test waits on), the rest are kept for the test.
    mutating func send(_ action: Action) {
        for effect in Wizard.reduce(&state, action, live) {
            if case .loadEntry(let summary) = effect {
                send(.entryLoaded(summary, Self.loader(live)(summary)))
            } else {
                effects.append(effect)
            }
        }
    }

    /// The screen as text.
    func screen() -> String {
        var buffer = ScreenBuffer(size: state.size)
        WizardView.render(state, live, into: &buffer)
        return buffer.plainText
    }
}

/// Compares text with `Snapshots/<name>.txt`. With RECORD_SNAPSHOTS=1 it writes the file and
/// fails, so a recording run is never mistaken for a passing one; a missing file is recorded the same way.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = projectRoot.appendingPathComponent("Tests/JumpStartWizardTests/Snapshots/\(name).txt")
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    let existing = try? String(contentsOf: url, encoding: .utf8)
    if record || existing == nil {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name); read the diff, then run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        return
    }
    guard let existing, existing != text + "\n" else { return }
    let a = existing.split(separator: "\n", omittingEmptySubsequences: false)
    let b = (text + "\n").split(separator: "\n", omittingEmptySubsequences: false)
    let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    let expected = first < a.count ? String(a[first]) : "(end)"
    let actual = first < b.count ? String(b[first]) : "(end)"
    Issue.record("snapshot \(name) differs at line \(first + 1):\n  expected: \(expected)\n  actual:   \(actual)", sourceLocation: sourceLocation)
}
