// In-process measurements for `make bench` (tools/bench/run.sh), with google/swift-benchmark.
// Each benchmark times only its `state.measure` block; set-up outside it is not counted.
// Run: .build/release/jumpstart-bench [--format json] [--filter REGEX] …
// The data folder is JUMPSTART_TUI_DATA if set, else ./data (run from the checkout).
import Benchmark
import Foundation
import JumpStartCore
import JumpStartWizard
import TerminalUI

let dataDirectory = URL(fileURLWithPath: ProcessInfo.processInfo.environment[DataLocation.environmentVariable] ?? "data")

func loadCatalog() -> Catalog {
    do { return try Catalog(dataDirectory: dataDirectory) } catch { fatalError("catalog: \(error)") }
}

func liveServices(_ catalog: Catalog) -> WizardServices {
    // The user's price file is never read, so a developer's own prices don't change the figures.
    do {
        return try WizardServices.live(catalog: catalog, prices: try PriceBook.load(dataDirectory: dataDirectory, userFile: nil))
    } catch { fatalError("services: \(error)") }
}

/// Keeps a result alive so the optimizer can't drop the work that made it.
@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

/// The colours and box drawing of a UTF-8 colour terminal, as the wizard uses them there.
let theme = Theme(colors: true, unicode: true)

/// Services over one catalog for the render and keystroke benchmarks (built once, outside any timing).
let shared: WizardServices = liveServices(loadCatalog())

/// A wizard on its first screen (the model list) at `size`.
func startState(_ size: Size, _ services: WizardServices) -> WizardState {
    Wizard.start(StartingAnswers(), region: "us-east-1", size: size, services: services) { summary in
        do throws(CatalogError) { return .success(try services.catalog.entry(summary)) } catch { return .failure(error) }
    }.0
}

/// Every catalog reference, to look each up once on a fresh catalog.
let references: [String] = {
    do { return try loadCatalog().allSummaries().map(\.reference) } catch { fatalError("summaries: \(error)") }
}()

// Reads the region table and the index's line boundaries (what every command pays first).
benchmark("catalog load") { state in
    try state.measure { blackHole(loadCatalog()) }
}

// `entry(reference:)` on an entry this catalog has not parsed yet: each iteration takes the next
// reference; a fresh catalog (not timed) is loaded when they run out.
benchmark("lookup") { state in
    var catalog = loadCatalog()
    var next = 0
    while true {
        if next == references.count { catalog = loadCatalog(); next = 0 }
        let reference = references[next]
        next += 1
        try state.measure {
            do { blackHole(try catalog.entry(reference: reference)) } catch { fatalError("\(reference): \(error)") }
        }
    }
}

// One keystroke in the model filter with every version listed (Tab): the wizard's reduce for
// "a" typed into an empty filter, then the whole frame redrawn at 80×24, as the loop does.
benchmark("filter keystroke") { state in
    var base = startState(Size(width: 80, height: 24), shared)
    _ = Wizard.reduce(&base, .keyPressed(.tab), shared)
    precondition(base.allVersions && base.matches.count == shared.catalog.count, "Tab should list every version")
    var buffer = ScreenBuffer(size: base.size)
    while true {
        var s = base
        try state.measure {
            _ = Wizard.reduce(&s, .keyPressed(.character("a")), shared)
            WizardView.render(s, shared, theme: theme, into: &buffer)
        }
        precondition(s.filter.text == "a" && s.matches.count < base.matches.count, "the keystroke should filter")
    }
}

for size in [Size(width: 80, height: 24), Size(width: 160, height: 48)] {
    // One full frame of the first screen (model list and detail pane).
    benchmark("render \(size.width)x\(size.height)") { state in
        let s = startState(size, shared)
        var buffer = ScreenBuffer(size: size)
        WizardView.render(s, shared, theme: theme, into: &buffer)
        while true {
            try state.measure { WizardView.render(s, shared, theme: theme, into: &buffer) }
        }
    }
}

// What the wizard does before the first frame reaches the terminal, from a cold catalog:
// load the catalog, build its services (price book included), start, render 80×24.
benchmark("start to first frame") { state in
    try state.measure {
        let services = liveServices(loadCatalog())
        let s = startState(Size(width: 80, height: 24), services)
        var buffer = ScreenBuffer(size: s.size)
        WizardView.render(s, services, theme: theme, into: &buffer)
        blackHole(buffer)
    }
}

Benchmark.main()
