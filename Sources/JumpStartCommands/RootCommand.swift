import ArgumentParser
import Foundation
import JumpStartCore

/// `jumpstart-tui`: with a subcommand, answers a question; without one, starts the wizard.
public struct JumpStartTUI: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jumpstart-tui",
        abstract: "Configure, cost and export a SageMaker JumpStart model endpoint as CloudFormation.",
        discussion: """
            Without a subcommand, in a terminal, starts the interactive wizard; `jumpstart-tui wizard --help` \
            lists the answers it can start with. The other subcommands answer the same questions from the \
            command line, for people and scripts.

            Environment: AWS_REGION / AWS_DEFAULT_REGION set the default region; XDG_CONFIG_HOME locates \
            your price file (jumpstart-tui/prices.csv) and XDG_DATA_HOME the prices `pricing update` fetched \
            (jumpstart-tui/pricing/price-list.csv) and the catalog `catalog update` fetched (jumpstart-tui/catalog/); \
            JUMPSTART_TUI_BUNDLED_DATA=1 uses the bundled data only; \
            JUMPSTART_TUI_DATA points at a data folder other than the bundled one (else \
            <prefix>/share/jumpstart-tui/data beside <prefix>/bin/jumpstart-tui, or a development build's checkout \
            data/; `--version` names the one in use); JUMPSTART_TUI_TODAY=YYYY-MM-DD \
            sets the day prices are aged against; JUMPSTART_TUI_PRICING_ENDPOINT sets the Price List host \
            for the wizard's u key; HTTPS_PROXY and NO_PROXY apply to the fetching commands. In the wizard: NO_COLOR turns colours off, JUMPSTART_TUI_ASCII=1 draws \
            with ASCII only, JUMPSTART_TUI_LOG=FILE appends every action and effect to FILE (nothing is \
            ever printed behind the wizard's back), and JUMPSTART_TUI_EXIT_AFTER_FIRST_FRAME=1 quits right \
            after the first frame (for timing the start, as `make bench` does).
            """,
        version: "0.1.0 (data: \(DataLocation.describe()))",
        subcommands: [
            WizardCommand.self, ModelsCommand.self, ShowCommand.self, CostCommand.self, CompareCommand.self,
            ExportCommand.self, DiffCommand.self, PricingCommand.self, CatalogCommand.self, ExportSampleCommand.self,
        ],
        defaultSubcommand: WizardCommand.self)

    public init() {}

    /// `jumpstart-tui help nope` would print the root help and exit 0 (swift-argument-parser's
    /// help command takes any word): refuse a topic that is not a command, naming the commands.
    /// Returns the exit code to end with, or nil to go on.
    public static func checkHelpTopic(_ arguments: [String]) -> Int32? {
        guard arguments.count >= 3, arguments[1] == "help" else { return nil }
        var path = ["jumpstart-tui"]
        var subcommands: [ParsableCommand.Type] = configuration.subcommands
        for word in arguments.dropFirst(2) where !word.hasPrefix("-") {
            var names: [String] = []
            var found: ParsableCommand.Type?
            for candidate in subcommands {
                let name = candidate._commandName
                if !name.hasPrefix("_") { names.append(name) }
                if name == word { found = candidate }
            }
            guard let next = found else {
                let what = path.joined(separator: " ")
                StandardStreams.err(names.isEmpty
                    ? "Error: \(what) has no subcommand \(word).\n"
                    : "Error: \(what) has no command \(word). Commands: \(names.joined(separator: ", ")).\n")
                return 64
            }
            path.append(word)
            subcommands = next.configuration.subcommands
        }
        return nil
    }

    /// `diff … --exit-code` promises 2 on any error, as diff(1) does; the argument parser's own
    /// refusals (an unknown flag, an extra argument) would end with 64 before `diff` runs. Runs
    /// such a command line and returns its status; nil for any other command line.
    public static func runDiffWithExitCode(_ arguments: [String]) -> Int32? {
        let words = Array(arguments.dropFirst())
        guard words.first == "diff", words.contains("--exit-code") else { return nil }
        do {
            var command = try parseAsRoot(words)
            try command.run()
            return 0
        } catch {
            let code = exitCode(for: error)
            if code == .success {  // --help
                StandardStreams.out(fullMessage(for: error) + "\n")
                return 0
            }
            if error is ExitCode { return code.rawValue }
            StandardStreams.err(fullMessage(for: error) + "\n")
            return 2
        }
    }

    /// Set by the executable: starts the wizard and returns its exit code. The commands layer
    /// knows nothing of terminals, so it only asks.
    nonisolated(unsafe) public static var startWizard: ((StartingAnswers) throws -> Int32)?
}

/// `jumpstart-tui [wizard] [--model …]`: the interactive wizard, with answers filled in.
struct WizardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wizard",
        abstract: "Start the interactive wizard (the default when no subcommand is given).",
        discussion: "Needs a terminal of at least 80×24. For scripts, use `export`.")

    @Option(name: .long, help: ArgumentHelp("Start with this model chosen.", valueName: "model[@version]"))
    var model: String?
    @Option(name: .long, help: "Start in this region (default: AWS_REGION, AWS_DEFAULT_REGION, us-east-1).")
    var region: String?
    @Option(name: .long, help: "Start with this instance type chosen.")
    var instanceType: String?
    // Unconditional: `--count -1` is a wrong count to name, not a missing value.
    @Option(name: .long, parsing: .unconditional, help: "Start with this instance count (1 to 1000).")
    var count: Int?
    @Option(name: .long, help: ArgumentHelp("Reopen a template this program exported.", valueName: "template"))
    var from: String?
    @Flag(name: .long, help: "With --from: don't ask about hand edits of the template's Resources that no answer holds; drop them.")
    var discardEdits = false

    func validate() throws {
        if discardEdits, from == nil { throw ValidationError("--discard-edits only applies with --from TEMPLATE_FILE; add --from, or leave --discard-edits out.") }
        if let count, !CapacityRules.countRange.contains(count) {
            throw ValidationError(PricingError.invalidCount(count).description)
        }
    }

    func run() throws {
        let start = StartingAnswers(model: model, region: region, instanceType: instanceType, count: count, fromTemplate: from, discardEdits: discardEdits)
        guard let startWizard = JumpStartTUI.startWizard else {
            throw CommandFailure("The wizard is not available in this build; use a subcommand (see --help).")
        }
        let code = try startWizard(start)
        if code != 0 { throw ExitCode(code) }
    }
}
