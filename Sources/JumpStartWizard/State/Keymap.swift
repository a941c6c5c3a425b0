import TerminalUI

/// What a key asks for, before any step decides what that means.
public enum Command: Sendable, Equatable {
    case next, back, up, down, pageUp, pageDown, top, bottom
    case help, regionPicker, quit, forceQuit
    case focusFilter, toggleAllVersions
    case toggleSort
    case increment, decrement
    case add, edit, delete
    case toggle
    case toggleFormat
    case nextField, previousField
    case updatePrices
    case nextConfig
    /// Show the step's long text (template, commands, address) full-screen; copy it.
    case view, copy
    /// Go to another reached step (Ctrl-G, or a digit where no field takes digits; handled
    /// before any step sees the key).
    case jump
    /// The newest version of the model that deploys in the region.
    case deployableVersion
}

/// One key binding: the keys, the short label for the footer, and the line of help.
public struct Binding: Sendable, Equatable {
    public var keys: [Key]
    public var keyLabel: String
    public var help: String
    public var command: Command
    /// Shown in the footer as well as in help.
    public var inFooter: Bool

    init(_ keys: [Key], _ keyLabel: String, _ help: String, _ command: Command, footer: Bool = true) {
        self.keys = keys
        self.keyLabel = keyLabel
        self.help = help
        self.command = command
        self.inFooter = footer
    }
}

/// One keymap per step, driving both key handling and the help and footer text, so the two can't disagree.
public enum Keymap {
    static let up: [Key] = [.up, .character("k")]
    static let down: [Key] = [.down, .character("j")]

    /// Keys every step understands (where no text field takes them).
    public static let global: [Binding] = [
        Binding([.character("?"), .function(1)], "?", "help for this step", .help),
        Binding([.ctrl("r"), .character("r")], "r", "change region (Ctrl-R while typing)", .regionPicker),
        Binding([.escape], "Esc", "back one step (answers are kept)", .back),
        Binding([.character("q")], "q", "quit (asks if answers are not exported)", .quit),
        Binding([.ctrl("c")], "Ctrl-C", "quit at once", .forceQuit, footer: false),
        Binding([.ctrl("g")], "1-7", "go to a step reached (in a field: Ctrl-G, then the digit)", .jump, footer: false),
    ]

    /// The global keys as a step sees them. On the model list, q and r start the filter like any
    /// letter (qwen, rinna: typing a model's name must never quit), so there Esc on an empty
    /// filter quits and Ctrl-R opens the region picker.
    public static func globals(for step: Step) -> [Binding] {
        guard step == .model else { return global }
        return [
            Binding([.character("?"), .function(1)], "?", "help for this step", .help),
            Binding([.ctrl("r"), .function(2)], "Ctrl-R", "change region", .regionPicker),
            Binding([.escape], "Esc", "clear the filter; on an empty filter, quit (asks if answers are not exported)", .back),
            Binding([.ctrl("c")], "Ctrl-C", "quit at once", .forceQuit, footer: false),
            Binding([.ctrl("g")], "Ctrl-G", "jump to a step reached: then its digit, or ↑↓ and Enter (digits alone when the filter is not being typed)", .jump, footer: false),
        ]
    }

    public static func bindings(for step: Step) -> [Binding] {
        switch step {
        case .model:
            return [
                Binding([.up, .down, .character("j"), .character("k")], "↑↓", "move (j/k when the filter is not being typed)", .down),
                Binding([.enter], "Enter", "choose the model", .next),
                Binding([.character("/")], "/", "type to filter by model id (any letter but j and k starts it too)", .focusFilter),
                Binding([.tab], "Tab", "show every version / newest only", .toggleAllVersions),
                Binding([.ctrl("n")], "Ctrl-N", "choose the newest version of this model that deploys in the region", .deployableVersion, footer: false),
                Binding([.pageUp, .pageDown, .character(" ")], "PgUp/PgDn", "move a page (Space: down a page)", .pageDown, footer: false),
                Binding([.home, .end], "Home/End", "first / last model", .top, footer: false),
            ]
        case .instance:
            return [
                Binding([.up, .down, .character("j"), .character("k")], "↑↓", "move", .down),
                Binding([.enter], "Enter", "choose this instance type (deployable ones only)", .next),
                Binding([.character("s")], "s", "sort by price / by name", .toggleSort),
                Binding([.character("u")], "u", "fetch prices", .updatePrices),
                Binding([.character("n"), .ctrl("n")], "n", "the newest version of this model that deploys here", .deployableVersion, footer: false),
                Binding([.character("c")], "c", "next deployment configuration (fetched versions)", .nextConfig, footer: false),
                Binding([.pageUp, .pageDown, .character(" ")], "PgUp/PgDn", "move a page (Space: down a page)", .pageDown, footer: false),
                Binding([.home, .end, .character("g"), .character("G")], "Home/End", "first / last (g / G)", .top, footer: false),
            ]
        case .count:
            return [
                Binding([.down, .tab], "↓/Tab", "next field", .nextField),
                Binding([.up, .backTab], "↑", "previous field", .previousField, footer: false),
                Binding([.character("+"), .right], "+/-", "one more / one fewer (on a number)", .increment),
                Binding([.character("-"), .left], "-", "one fewer (on a number)", .decrement, footer: false),
                Binding([.character(" ")], "Space", "fixed or autoscaling; working hours on or off (on those rows)", .toggle),
                Binding([], "0-9", "type a number (counts 1–\(Wizard.maximumCount)); the window and time zone take text", .increment, footer: false),
                Binding([.enter], "Enter", "confirm the capacity", .next),
            ]
        case .environment:
            return [
                Binding([.up, .down, .character("j"), .character("k")], "↑↓", "move", .down),
                Binding([.pageUp, .pageDown], "PgUp/PgDn", "move a page", .pageDown, footer: false),
                Binding([.home, .end, .character("g"), .character("G")], "Home/End", "first / last variable (g / G)", .top, footer: false),
                Binding([.character("a")], "a", "add a variable", .add),
                Binding([.character("e"), .character(" ")], "e", "edit (override) the selected variable", .edit),
                Binding([.character("d"), .delete], "d", "delete your variable or override", .delete),
                Binding([.enter], "Enter", "confirm the environment", .next),
            ]
        case .options:
            return [
                Binding([.up, .backTab], "↑", "previous field", .previousField),
                Binding([.down, .tab], "↓/Tab", "next field", .nextField),
                Binding([.character(" ")], "Space", "toggle the role choice or the EULA (on those fields)", .toggle),
                Binding([.character("v"), .ctrl("v")], "v", "the EULA address whole, to read or copy (Ctrl-V in a text field)", .view, footer: false),
                Binding([.enter], "Enter", "confirm the options", .next),
            ]
        case .review:
            return [
                Binding([.up, .down, .character("j"), .character("k")], "↑↓", "scroll the template", .down),
                Binding([.pageUp, .pageDown, .character(" ")], "PgUp/PgDn", "scroll a page (Space: down a page)", .pageDown),
                Binding([.home, .end, .character("g"), .character("G")], "Home/End", "top / end of the template (g / G)", .top, footer: false),
                Binding([.character("t")], "t", "YAML / JSON", .toggleFormat),
                Binding([.character("v")], "v", "the template full-screen: scroll sideways, / search, y copy", .view),
                Binding([.character("y")], "y", "copy the export command line (OSC 52)", .copy, footer: false),
                Binding([.enter], "Enter", "go on to export", .next),
            ]
        case .export:
            return [
                Binding([.enter], "Enter", "write the template to this path; once written, finish (every step is printed)", .next),
                Binding([.character("v"), .ctrl("v")], "v", "every next step and its commands full-screen, whole (Ctrl-V while typing the path)", .view),
                Binding([.character("y"), .ctrl("y")], "y", "copy the deploy command (Ctrl-Y while typing the path)", .copy),
                Binding([.character("e")], "e", "once written: edit the path to write another copy", .edit, footer: false),
            ]
        }
    }

    /// The command a key means on a step (step bindings first, then global ones).
    static func command(for key: Key, on step: Step) -> Command? {
        for b in bindings(for: step) + globals(for: step) where b.keys.contains(key) {
            switch (b.command, key) {
            case (.down, .up), (.down, .character("k")): return .up
            case (.pageDown, .pageUp): return .pageUp
            case (.top, .end), (.top, .character("G")): return .bottom
            default: return b.command
            }
        }
        return nil
    }
}
