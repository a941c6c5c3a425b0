import TextLayout
import JumpStartCore
import TerminalUI

/// Draws the whole wizard for a state: a pure function of the state into a buffer.
public enum WizardView {
    public static func render(_ state: WizardState, _ services: WizardServices, theme: Theme = .plain, into buffer: inout ScreenBuffer) {
        buffer.clear()
        guard state.size.width >= Wizard.minimumSize.width, state.size.height >= Wizard.minimumSize.height else {
            tooSmall(state.size, confirmingQuit: state.overlay == .confirmQuit, into: &buffer)
            return
        }
        if let viewer = state.viewer {
            ViewerView.draw(viewer, flash: state.flash, size: state.size, theme, into: &buffer)
            return
        }
        let layout = Layout(size: state.size)
        header(state, layout, theme, into: &buffer)
        stepList(state, layout, theme, into: &buffer)
        switch state.step {
        case .model: ModelView.draw(state, services, layout, theme, into: &buffer)
        case .instance: InstanceView.draw(state, layout, theme, into: &buffer)
        case .count: CountView.draw(state, layout, theme, into: &buffer)
        case .environment: EnvironmentView.draw(state, layout, theme, into: &buffer)
        case .options: OptionsView.draw(state, layout, theme, into: &buffer)
        case .review: ReviewView.draw(state, layout, theme, into: &buffer)
        case .export: ExportView.draw(state, layout, theme, into: &buffer)
        }
        if let update = state.priceUpdate {
            let text = " Updating \(update.region)'s prices from AWS's Price List… \(update.progress)"
            buffer.put(TextWidth.truncate(text, to: layout.flash.width), at: layout.flash.origin, style: theme.dim, clip: layout.flash)
        } else if let flash = state.flash {
            buffer.put(TextWidth.truncate(" " + flash, to: layout.flash.width), at: layout.flash.origin, style: theme.warn, clip: layout.flash)
        }
        footer(state, services, layout, theme, into: &buffer)
        if let overlay = state.overlay { OverlayView.draw(overlay, state, services, layout, theme, into: &buffer) }
    }

    /// Shown below 80×24, until the terminal is large enough again.
    static func tooSmall(_ size: Size, confirmingQuit: Bool = false, into buffer: inout ScreenBuffer) {
        let lines = confirmingQuit ? [
            "Quit without exporting?",
            "Your answers were not written to a file.",
            "y quits, n stays.",
        ] : [
            "Terminal too small: \(size.width)×\(size.height).",
            "jumpstart-tui needs at least 80×24.",
            "Enlarge the window to go on; q quits.",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let text = TextWidth.truncate(line, to: size.width)
            buffer.put(text, at: Point(x: max(0, (size.width - TextWidth.of(text)) / 2), y: top + i))
        }
    }

    static func header(_ state: WizardState, _ layout: Layout, _ theme: Theme, into buffer: inout ScreenBuffer) {
        let area = layout.header
        buffer.fill(area, style: theme.header)
        var right = "region \(state.answers.region) "
        if let e = state.estimate {
            right = (e.known ? "≈ \(e.monthly)/month" : "cost unknown") + " · " + right
        }
        let room = max(0, area.width - TextWidth.of(right) - 1)
        // The answers matter more than the name: drop the name, then shorten the model's middle.
        let range = state.answers.capacity.range
        let count = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
        let type = state.answers.chosenType.isEmpty ? "" : " · \(count) × \(state.answers.chosenType)"
        var left = " jumpstart-tui" + (state.answers.modelReference.isEmpty ? "" : " · \(state.answers.modelReference)") + type
        if TextWidth.of(left) > room, !state.answers.modelReference.isEmpty {
            let keep = max(8, room - TextWidth.of(type) - 1)
            left = " " + middleTruncated(state.answers.modelReference, to: keep) + type
        }
        buffer.put(TextWidth.truncate(left, to: room), at: area.origin, style: theme.header, clip: area)
        buffer.put(right, at: Point(x: max(0, area.maxX - TextWidth.of(right)), y: area.y), style: theme.header, clip: area)
    }

    static func stepList(_ state: WizardState, _ layout: Layout, _ theme: Theme, into buffer: inout ScreenBuffer) {
        let area = layout.steps
        for step in Step.allCases {
            let done = isDone(step, state)
            let mark: String = step == state.step ? String(theme.bullet) : done ? String(theme.check) : " "
            var style: Style = step == state.step ? theme.title : (step <= state.reached ? .plain : theme.dim)
            if step == state.jumpCursor { style = theme.selected }
            if layout.wide {
                let y = area.y + 1 + step.rawValue * 2
                buffer.put(" \(mark) \(step.rawValue + 1). \(step.title)", at: Point(x: area.x, y: y), style: style, clip: area)
            }
        }
        if layout.wide {
            let x = area.maxX
            for y in area.y..<area.maxY { buffer.put(String(theme.glyphs.vertical), at: Point(x: x, y: y), style: theme.dim) }
            if let e = state.estimate {
                let y = area.y + 1 + Step.allCases.count * 2 + 1
                buffer.put(" Monthly estimate", at: Point(x: area.x, y: y), style: theme.dim, clip: area)
                buffer.put(" " + (e.known ? e.monthly : "unknown"), at: Point(x: area.x, y: y + 1), style: theme.money, clip: area)
                if e.known { buffer.put(" \(e.hourly)/hour", at: Point(x: area.x, y: y + 2), style: theme.dim, clip: area) }
            }
        } else {
            let short = ["Model", "Instance", "Capacity", "Env", "Options", "Review", "Export"]
            var x = area.x + 1
            for step in Step.allCases {
                let done = isDone(step, state)
                let mark = step == state.step ? String(theme.bullet) : done ? String(theme.check) : String(step.rawValue + 1)
                let text = "\(mark) \(short[step.rawValue])"
                var style: Style = step == state.step ? theme.title.adding(.underline) : (step <= state.reached ? .plain : theme.dim)
                if step == state.jumpCursor { style = theme.selected }
                x = buffer.put(text, at: Point(x: x, y: area.y), style: style, clip: area)
                if step != .export { x = buffer.put(" \(theme.glyphs.arrow) ", at: Point(x: x, y: area.y), style: theme.dim, clip: area) }
            }
        }
    }

    static func isDone(_ step: Step, _ state: WizardState) -> Bool {
        switch step {
        case .model: return state.entry != nil
        case .instance: return !state.answers.chosenType.isEmpty
        case .export: return state.exportedPath != nil && state.exportedAnswers == state.answers
        default: return step < state.reached
        }
    }

    static func footer(_ state: WizardState, _ services: WizardServices, _ layout: Layout, _ theme: Theme, into buffer: inout ScreenBuffer) {
        var hints: [KeyHint] = []
        if state.jumpCursor != nil {
            hints = [KeyHint("1-\(state.reached.rawValue + 1)", "go to step"), KeyHint("↑↓", "choose"), KeyHint("Enter", "go"), KeyHint("Esc", "stay")]
        } else if state.step == .model && state.filterFocused {
            hints = [KeyHint("type", "filter"), KeyHint("Enter", "choose"), KeyHint("↓", "to the list"), KeyHint("Esc", "clear"), KeyHint("Ctrl-R", "region"), KeyHint("F1", "help")]
        } else if state.step == .environment && state.envEditor != nil {
            hints = [KeyHint("Tab", "name/value"), KeyHint("Enter", "save"), KeyHint("Esc", "cancel")]
        } else {
            // Where a text field takes letters, r and q are typed, not commands: say so.
            let typing = (state.step == .options && state.optionFocus.isText) || (state.step == .export && state.exportedPath == nil)
            let written = state.step == .export && state.exportedPath != nil
            // A model package takes no environment: no add, edit or delete to offer.
            let package = state.step == .environment && state.entry?.isModelPackage == true
            hints = (Keymap.bindings(for: state.step) + Keymap.globals(for: state.step)).filter(\.inFooter).compactMap { b in
                if written, b.command == .next { return KeyHint("Enter", "finish") }
                if package, [.add, .edit, .delete].contains(b.command) { return nil }
                guard typing else { return KeyHint(b.keyLabel, shortLabel(b)) }
                switch b.command {
                case .quit: return KeyHint("Ctrl-C", "quit")
                case .regionPicker: return KeyHint("Ctrl-R", "region")
                case .help: return KeyHint("?/F1", "help")
                case .view: return state.step == .export ? KeyHint("Ctrl-V", "view") : KeyHint(b.keyLabel, shortLabel(b))
                case .copy: return state.step == .export ? KeyHint("Ctrl-Y", "copy") : KeyHint(b.keyLabel, shortLabel(b))
                default: return KeyHint(b.keyLabel, shortLabel(b))
                }
            }
        }
        // Where the version in hand doesn't deploy here, the key that finds one that does comes first.
        if state.jumpCursor == nil, let hint = deployableHint(state, services) { hints.insert(hint, at: 0) }
        buffer.render(StatusLine(fitted(hints, width: layout.footer.width), keyStyle: theme.key, glyphs: theme.glyphs), in: layout.footer)
    }

    static func deployableHint(_ state: WizardState, _ services: WizardServices) -> KeyHint? {
        let regionIndex = services.catalog.regions.index(of: state.answers.region)
        switch state.step {
        case .model where !state.filterFocused:
            guard let s = Wizard.selectedSummary(state, services), !s.deploysWithDefault(regionIndex: regionIndex) else { return nil }
            return KeyHint("Ctrl-N", "a version that deploys")
        case .instance:
            guard state.entry != nil, !state.instanceRows.isEmpty, !state.instanceRows.contains(where: \.deploys) else { return nil }
            return KeyHint("n", "newest version that deploys")
        default:
            return nil
        }
    }

    /// The hints that fit a footer `width` wide, in their order — but how to quit and how to get
    /// help, and what Enter does, are always among them (at 80 columns the step's own keys used to
    /// push quitting out).
    static func fitted(_ hints: [KeyHint], width: Int) -> [KeyHint] {
        func size(_ h: KeyHint) -> Int { TextWidth.of(h.key) + 1 + TextWidth.of(h.label) + 2 }
        let pinned = hints.filter { $0.key == "Enter" || $0.label == "quit" || $0.label == "help" || $0.label == "clear/quit" }
        var room = width - pinned.map(size).reduce(0, +)
        var keep: [KeyHint] = []
        for h in hints {
            if pinned.contains(h) { keep.append(h); continue }
            if size(h) <= room { keep.append(h); room -= size(h) }
        }
        return keep
    }

    static func shortLabel(_ b: Binding) -> String {
        switch b.command {
        case .help: return "help"
        case .regionPicker: return "region"
        case .back: return b.help.hasPrefix("clear") ? "clear/quit" : "back"
        case .quit: return "quit"
        case .up, .down: return "move"
        case .next: return "next"
        case .focusFilter: return "filter"
        case .toggleAllVersions: return "versions"
        case .toggleSort: return "sort"
        case .increment: return "more"
        case .decrement: return "fewer"
        case .add: return "add"
        case .edit: return "edit"
        case .delete: return "delete"
        case .toggle: return "toggle"
        case .toggleFormat: return "YAML/JSON"
        case .nextField: return "next field"
        case .previousField: return "prev field"
        case .pageUp, .pageDown: return "page"
        case .view: return "view whole"
        case .copy: return "copy"
        default: return b.help
        }
    }

    /// `huggingface-llm-…-instruct@3.5.0`: the start and the end of a long name, which say most.
    static func middleTruncated(_ text: String, to width: Int) -> String { TextFit.middle(text, to: width) }

    /// Text in a box with a title; returns the inner area.
    @discardableResult
    static func box(_ title: String, _ area: Rect, _ theme: Theme, into buffer: inout ScreenBuffer) -> Rect {
        buffer.render(Box(title: title, borderStyle: theme.dim, titleStyle: theme.title, glyphs: theme.glyphs), in: area)
        return Box.inner(area)
    }

    /// Writes lines into an area, one per row, cut to its width.
    static func lines(_ lines: [(String, Style)], in area: Rect, into buffer: inout ScreenBuffer) {
        for (i, (text, style)) in lines.prefix(max(0, area.height)).enumerated() {
            buffer.put(TextWidth.truncate(text, to: area.width), at: Point(x: area.x, y: area.y + i), style: style, clip: area)
        }
    }

    /// Word-wrapped text as (line, style) pairs.
    static func wrap(_ text: String, _ width: Int, _ style: Style = .plain) -> [(String, Style)] {
        Paragraph.wrap(text, width: max(1, width)).map { ($0, style) }
    }
}
