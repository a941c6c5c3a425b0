// swift-tools-version: 6.0
// The layers and what each may import are described in DESIGN.md §4 (shared/DESIGN.md):
// the core knows nothing of terminals, only NcursesBackend touches ncurses, and only
// JumpStartCommands touches ArgumentParser.
import PackageDescription

let package = Package(
    name: "jumpstart-tui",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jumpstart-tui", targets: ["jumpstart-tui"]),
        .executable(name: "jumpstart-import", targets: ["jumpstart-import"]),
        .library(name: "JumpStartCore", targets: ["JumpStartCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Only for the in-process benchmarks of `make bench` (jumpstart-bench); light, no other dependencies.
        .package(url: "https://github.com/google/swift-benchmark", from: "0.1.2"),
    ],
    targets: [
        // Text layout both faces share: fitting, wrapping, bars. Pure Swift, imports nothing, so
        // TerminalUI, the wizard and the commands share one rule without seeing each other.
        .target(name: "TextLayout"),
        // Catalog, regions, pricing, cost, deployment plan, template, resource graph.
        .target(name: "JumpStartCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // A grid of styled cells and small widgets; no ncurses, no SageMaker.
        .target(name: "TerminalUI", dependencies: ["TextLayout"]),
        // The wizard as a pure state machine plus views that render into TerminalUI buffers.
        .target(name: "JumpStartWizard", dependencies: ["JumpStartCore", "TerminalUI", "TextLayout"]),
        // The only code that sees ncurses.
        // No pkgConfig: SwiftPM would drop its -D_XOPEN_SOURCE=600 with a warning on every build;
        // the shim header asks for the wide-character API itself. `make` installs libncurses-dev.
        .systemLibrary(name: "CNcursesw"),
        .target(name: "NcursesBackend", dependencies: ["CNcursesw", "TerminalUI"]),
        // The loop: key → reduce → effects → render → present.
        .target(name: "JumpStartApp", dependencies: ["JumpStartWizard", "NcursesBackend", "TerminalUI", "JumpStartCore", "JumpStartFetch"]),
        // libcurl through dlopen: linked, it would cost every start ~9 ms; loaded, only fetches pay.
        .target(name: "CCurlLoader", linkerSettings: [.linkedLibrary("dl")]),
        // The only code that touches the network: HTTP GETs with time-outs and retries (libcurl,
        // loaded on first use) and the Price List update built on them.
        .target(name: "JumpStartFetch", dependencies: ["JumpStartCore", "CCurlLoader"]),
        // swift-argument-parser commands; thin.
        .target(
            name: "JumpStartCommands",
            dependencies: ["JumpStartCore", "JumpStartFetch", "TextLayout", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "jumpstart-tui", dependencies: ["JumpStartCommands", "JumpStartApp"]),
        // Developer tool: turns shared/data into the project's data/ (see README, Development).
        .executableTarget(name: "jumpstart-import", dependencies: ["JumpStartCore", "JumpStartFetch"]),
        // Developer tool: the in-process measurements of `make bench` (tools/bench/run.sh).
        .executableTarget(
            name: "jumpstart-bench",
            dependencies: ["JumpStartCore", "JumpStartWizard", "TerminalUI", .product(name: "Benchmark", package: "swift-benchmark")]
        ),

        .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout"]),
        .testTarget(name: "JumpStartCoreTests", dependencies: ["JumpStartCore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TextLayout"]),
        .testTarget(name: "JumpStartWizardTests", dependencies: ["JumpStartWizard", "JumpStartCore", "TerminalUI"], exclude: ["Snapshots"]),
        // Fixtures are read from the checkout by path, not bundled.
        .testTarget(name: "JumpStartCommandsTests", dependencies: ["JumpStartCore", "jumpstart-tui"], exclude: ["Fixtures", "Golden"]),
    ]
)
