import TextLayout
import JumpStartCore
import TerminalUI

/// Step 3: the instance count, with the cost updating as it changes.
enum CountView {
    static func draw(_ state: WizardState, _ layout: Layout, _ theme: Theme, into buffer: inout ScreenBuffer) {
        let inner = WizardView.box("Capacity", layout.main, theme, into: &buffer)
        var y = inner.y
        func line(_ text: String, _ style: Style = .plain) {
            guard y < inner.maxY else { return }
            buffer.put(TextWidth.truncate(text, to: inner.width), at: Point(x: inner.x, y: y), style: style, clip: inner)
            y += 1
        }
        line("How many \(state.answers.chosenType) instances behind the endpoint?")
        line("")
        let labelWidth = 22
        for row in CapacityStep.visibleRows(state) {
            guard y < inner.maxY else { break }
            let focused = row == state.capacityFocus
            buffer.put((focused ? String(theme.bullet) : " ") + " " + row.label, at: Point(x: inner.x, y: y), style: focused ? theme.title : .plain, clip: inner)
            let area = Rect(x: inner.x + labelWidth, y: y, width: max(0, inner.width - labelWidth), height: 1)
            let value: String
            switch row {
            case .mode:
                value = (state.capacityAutoscaling ? "( ) fixed  (•) autoscaling" : "(•) fixed  ( ) autoscaling") + (focused ? "   Space switches" : "")
            case .schedule:
                value = (state.capacityScheduled ? "( ) around the clock  (•) scale down outside" : "(•) around the clock  ( ) scale down outside") + (focused ? "   Space switches" : "")
            default:
                let hint: String
                switch row {
                case .count: hint = "↑↓ fields · +/- · or type 1–\(Wizard.maximumCount)"
                case .target: hint = "invocations per instance per minute"
                case .window: hint = "days and hours, e.g. Mon-Fri 08:00-20:00"
                case .timeZone: hint = "IANA name, e.g. Europe/Berlin"
                case .offHours: hint = "instances outside working hours"
                default: hint = ""
                }
                let text = CapacityStep.field(row, state).text
                value = "[ \(text.isEmpty ? " " : text) ]   \(hint)"
            }
            buffer.put(TextWidth.truncate(value, to: area.width), at: area.origin, style: focused ? theme.title : .plain, clip: area)
            y += 1
            if let error = state.capacityErrors[row] {
                for l in Paragraph.wrap(error, width: max(1, inner.width - 2)).prefix(2) { line("  " + l, theme.bad) }
            }
        }
        line("")
        var out: [(String, Style)] = []
        if !state.capacityErrors.isEmpty {
            out.append(("The figures below are for the last capacity without errors.", theme.warn))
        }
        if let e = state.estimate {
            if e.known {
                let plain = state.answers.capacity == .fixed(state.answers.capacity.initialCount)
                out += [("Hourly   \(e.hourly)" + (plain ? "" : " (the count it starts with)"), theme.money), ("Monthly  \(e.monthly)", theme.money), ("Yearly   \(e.yearly)", theme.money)]
                out += WizardView.wrap(e.basis, inner.width, theme.dim)
            } else {
                out.append(("Cost unknown: \(e.reason ?? "no price").", theme.warn))
            }
        }
        out.append(("", .plain))
        out += WizardView.wrap("An endpoint bills every hour it runs, whether or not it gets requests. One instance has no redundancy; two or more in different Availability Zones keep serving if one fails. Autoscaling follows invocations per instance (Application Auto Scaling); working hours scale down on a schedule.", inner.width, theme.dim)
        WizardView.lines(out, in: Rect(x: inner.x, y: y, width: inner.width, height: max(0, inner.maxY - y)), into: &buffer)
    }
}

/// Step 4: the merged environment, with add, edit and delete.
enum EnvironmentView {
    static func draw(_ state: WizardState, _ layout: Layout, _ theme: Theme, into buffer: inout ScreenBuffer) {
        let inner = WizardView.box("Environment of the container", layout.main, theme, into: &buffer)
        if state.entry?.isModelPackage == true {
            var out = WizardView.wrap("\(state.answers.modelReference) deploys from a SageMaker model package. A model package fixes its own container and settings, so SageMaker takes no environment variables for it (the construct refuses them too).", inner.width)
            out.append(("", .plain))
            out.append(("Press Enter to go on.", theme.dim))
            WizardView.lines(out, in: inner, into: &buffer)
            return
        }
        let rows = EnvironmentStep.merged(state)
        let nameWidth = min(34, max(12, rows.map { TextWidth.of($0.name) }.max() ?? 12))
        let table = TableView(
            columns: [
                TableColumn("NAME", width: .fixed(nameWidth)),
                TableColumn("VALUE", width: .flexible(minimum: 10, weight: 3)),
                TableColumn("FROM", width: .flexible(minimum: 10, weight: 2)),
            ],
            rows: rows.map { v in
                let from: String
                switch v.origin {
                case .model: from = "catalog"
                case .instanceType: from = "instance type"
                case .user: from = v.replaced.map { "you (was \($0))" } ?? "you"
                }
                return [v.name, v.value, from]
            },
            selected: state.envEditor == nil ? state.envSelection : nil,
            rowStyles: Dictionary(uniqueKeysWithValues: rows.enumerated().compactMap { $0.element.origin == .user ? ($0.offset, theme.title) : nil }),
            headerStyle: theme.dim, selectedStyle: theme.selected, glyphs: theme.glyphs)
        let tableArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - 2))
        buffer.render(table, in: tableArea)
        WizardView.lines([("SAGEMAKER_SUBMIT_DIRECTORY is dropped, as the construct does; values are strings.", theme.dim)],
                         in: inner.row(inner.height - 1), into: &buffer)
        if let editor = state.envEditor { drawEditor(editor, layout, theme, into: &buffer) }
    }

    static func drawEditor(_ editor: EnvironmentEditor, _ layout: Layout, _ theme: Theme, into buffer: inout ScreenBuffer) {
        let width = min(70, layout.main.width - 4)
        let area = Rect(x: layout.main.x + (layout.main.width - width) / 2, y: layout.main.y + 3, width: width, height: 8)
        buffer.fill(area)
        let inner = WizardView.box(editor.original == nil ? "Add a variable" : "Edit \(editor.original!)", area, theme, into: &buffer)
        buffer.put("Name:  ", at: inner.origin, style: editor.focusOnValue ? theme.dim : theme.title, clip: inner)
        buffer.render(TextField(state: editor.name, isFocused: !editor.focusOnValue), in: Rect(x: inner.x + 7, y: inner.y, width: inner.width - 7, height: 1))
        buffer.put("Value: ", at: Point(x: inner.x, y: inner.y + 2), style: editor.focusOnValue ? theme.title : theme.dim, clip: inner)
        buffer.render(TextField(state: editor.value, isFocused: editor.focusOnValue), in: Rect(x: inner.x + 7, y: inner.y + 2, width: inner.width - 7, height: 1))
        if let error = editor.error {
            WizardView.lines(WizardView.wrap(error, inner.width, theme.bad), in: Rect(x: inner.x, y: inner.y + 4, width: inner.width, height: 2), into: &buffer)
        } else {
            WizardView.lines([("Tab switches fields · Enter saves · Esc cancels", theme.dim)], in: inner.row(4), into: &buffer)
        }
    }
}

/// Step 5: the endpoint's name and options, validated as typed.
enum OptionsView {
    static func draw(_ state: WizardState, _ layout: Layout, _ theme: Theme, into buffer: inout ScreenBuffer) {
        let inner = WizardView.box("Endpoint and options", layout.main, theme, into: &buffer)
        let labelWidth = 28
        var y = inner.y
        for field in OptionsStep.visibleFields(state) {
            guard y < inner.maxY else { break }
            let focused = field == state.optionFocus
            buffer.put((focused ? String(theme.bullet) : " ") + " " + field.label, at: Point(x: inner.x, y: y), style: focused ? theme.title : .plain, clip: inner)
            let valueArea = Rect(x: inner.x + labelWidth, y: y, width: max(0, inner.width - labelWidth), height: 1)
            if field.isText {
                let placeholder: String
                switch field {
                case .subnets: placeholder = "none (no VPC) · subnet-…, subnet-…"
                case .securityGroups: placeholder = "none · sg-…"
                case .kmsKeyId: placeholder = "none (AWS-owned key)"
                case .tags: placeholder = "none · team=ml, cost-center=42"
                default: placeholder = ""
                }
                buffer.render(TextField(state: OptionsStep.field(field, state), placeholder: placeholder, isFocused: focused, style: focused ? .underline : .plain), in: valueArea)
            } else {
                let text = "[\(OptionsStep.text(field, state))]" + (focused ? "  Space to change" : "")
                buffer.put(TextWidth.truncate(text, to: valueArea.width), at: valueArea.origin, style: field == .eula && !state.answers.acceptEula ? theme.warn : .plain, clip: valueArea)
            }
            y += 1
            if let error = state.optionErrors[field] {
                for line in Paragraph.wrap(error, width: max(1, inner.width - 2)).prefix(3) {
                    buffer.put("  " + line, at: Point(x: inner.x, y: y), style: theme.bad, clip: inner)
                    y += 1
                }
            }
        }
        y += 1
        var notes: [(String, Style)] = []
        if let entry = state.entry, let key = entry.requiresEula {
            // The address on a line of its own, never broken ("…" where it goes on): v shows it whole.
            let url = state.eulaURL ?? key
            notes += WizardView.wrap("This model's licence must be accepted before it deploys. Read it" + (TextWidth.of(url) > inner.width ? " (on the EULA field v shows the address whole):" : ":"), inner.width, theme.warn)
            notes.append((url, theme.warn))
        }
        if state.answers.roleForm == .managed {
            notes += WizardView.wrap("The managed policy AmazonSageMakerFullAccess is broad (the construct's default); least-privilege allows only this model's data, image, logs and metrics.", inner.width, theme.dim)
        }
        WizardView.lines(notes, in: Rect(x: inner.x, y: y, width: inner.width, height: max(0, inner.maxY - y)), into: &buffer)
    }
}

/// Step 6: cost, resource graph, template and the equivalent command line.
enum ReviewView {
    /// Rows the command line takes at the bottom.
    static func commandRows(_ r: TemplateRendering, _ layout: Layout) -> Int {
        min(layout.wide ? 6 : 4, commandLines(r.exportCommand, width: layout.main.width - 2).count)
    }

    /// The command line as a shell takes it over several lines: broken only between arguments,
    /// each line but the last ending in " \\", so a copy of the lines still runs as one command.
    static func commandLines(_ command: String, width: Int) -> [String] {
        // Shell words: a space inside quotes ('MY VAR=a b') is part of its word.
        var words: [String] = [], word = "", quote: Character?
        for c in command {
            if let q = quote { word.append(c); if c == q { quote = nil }; continue }
            if c == "'" || c == "\"" { quote = c; word.append(c); continue }
            if c == " " { if !word.isEmpty { words.append(word); word = "" }; continue }
            word.append(c)
        }
        if !word.isEmpty { words.append(word) }
        var lines: [String] = []
        var line = ""
        for w in words {
            if line.isEmpty { line = (lines.isEmpty ? "" : "  ") + w; continue }
            if TextWidth.of(line) + 1 + TextWidth.of(w) + 2 <= width { line += " " + w } else { lines.append(line); line = "  " + w }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.enumerated().map { i, line in i < lines.count - 1 ? line + " \\" : line }
    }

    /// Template lines the pane shows: a page, for PgUp/PgDn (no line skipped, none repeated).
    static func templateRows(_ state: WizardState) -> Int {
        let layout = Layout(size: state.size)
        guard let r = state.rendering else { return 1 }
        return max(1, layout.main.height - 2 - commandRows(r, layout) - 2)
    }

    static func draw(_ state: WizardState, _ layout: Layout, _ theme: Theme, into buffer: inout ScreenBuffer) {
        let main = layout.main
        guard let r = state.rendering else {
            let inner = WizardView.box("Review", main, theme, into: &buffer)
            WizardView.lines(WizardView.wrap(state.renderingProblem ?? "No template yet.", inner.width, theme.bad), in: inner, into: &buffer)
            return
        }
        // Cost, two lines.
        var top: [(String, Style)] = []
        if let e = state.estimate, e.known {
            top.append(("\(e.hourly)/hour · \(e.monthly)/month · \(e.yearly)/year", theme.money))
            top.append((e.basis, theme.dim))
        } else {
            top.append(("Cost unknown: \(state.estimate?.reason ?? "no price for this instance type here"). Never guessed.", theme.warn))
            top.append(("Fill it: u on the instance step, or `jumpstart-tui pricing update --regions \(state.answers.region)`.", theme.dim))
        }
        WizardView.lines(top, in: Rect(x: main.x + 1, y: main.y, width: main.width - 1, height: 2), into: &buffer)
        // The command line, at the bottom.
        var commandLines = commandLines(r.exportCommand, width: main.width - 2)
        let commandHeight = commandRows(r, layout)
        if commandLines.count > commandHeight {
            // Say that the command goes on rather than show a wrong one.
            commandLines = Array(commandLines.prefix(commandHeight))
            commandLines[commandHeight - 1] = TextWidth.truncate(commandLines[commandHeight - 1] + " …", to: main.width - 2)
            if !commandLines[commandHeight - 1].hasSuffix("…") { commandLines[commandHeight - 1] += " …" }
        }
        let commandArea = Rect(x: main.x + 1, y: main.maxY - commandHeight, width: main.width - 1, height: commandHeight)
        WizardView.lines(commandLines.prefix(commandHeight).map { ($0, theme.dim) }, in: commandArea, into: &buffer)
        // Graph and template.
        let body = Rect(x: main.x, y: main.y + 2, width: main.width, height: max(0, main.height - 2 - commandHeight))
        // Wide enough for every box and arrow label whole where the screen allows (half of it).
        let graphWidth = layout.wide ? min(max(56, r.graph.naturalWidth + 2), body.width / 2) : min(38, body.width / 2)
        let graphArea = Rect(x: body.x, y: body.y, width: graphWidth, height: body.height)
        let graphInner = WizardView.box("Resources", graphArea, theme, into: &buffer)
        let boxes = r.graph.text(width: graphInner.width).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let graph = boxes.count <= graphInner.height ? boxes
            : r.graph.compactLines(width: graphInner.width, arrowDown: String(theme.glyphs.arrow == ">" ? "v" : "▼"), line: String(theme.glyphs.vertical))
        WizardView.lines(graph.map { ($0, .plain) }, in: graphInner, into: &buffer)
        let templateArea = Rect(x: graphArea.maxX, y: body.y, width: body.width - graphArea.width, height: body.height)
        let text = state.reviewJSON ? r.json : r.yaml
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let title = "\(state.reviewJSON ? "JSON" : "YAML") (t) · lines \(min(all.count, state.reviewScroll + 1))–\(min(all.count, state.reviewScroll + max(0, templateArea.height - 2))) of \(all.count)"
        let inner = WizardView.box(title, templateArea, theme, into: &buffer)
        WizardView.lines(all.dropFirst(state.reviewScroll).map { ($0, .plain) }, in: inner, into: &buffer)
    }
}

/// Step 7: the path, the write, and what to do next.
enum ExportView {
    static func draw(_ state: WizardState, _ layout: Layout, _ theme: Theme, into buffer: inout ScreenBuffer) {
        let inner = WizardView.box("Export the template", layout.main, theme, into: &buffer)
        buffer.put("File: ", at: inner.origin, style: theme.title, clip: inner)
        buffer.render(TextField(state: state.exportPath, isFocused: state.exportedPath == nil), in: Rect(x: inner.x + 6, y: inner.y, width: inner.width - 6, height: 1))
        var out: [(String, Style)] = [("", .plain)]
        if let path = state.exportedPath {
            // The deploy command first and whole: at 80×24 there is room for little else, and a
            // command cut short (without --capabilities) would fail.
            let steps = state.nextSteps ?? []
            out.append(("\(theme.check) Wrote \(path)", theme.good))
            out.append(("", .plain))
            if let deploy = steps.first(where: { $0.kind == .deploy }) {
                out.append(("Deploy it (check the instance quota first, see below):", .bold))
                // Commands are never broken: one line each, "…" where it goes on; v shows them whole.
                for command in deploy.commands { out.append((command, .plain)) }
            }
            if let e = state.estimate, e.known {
                out += WizardView.wrap("It costs about \(e.monthly) a month until the stack is deleted.", inner.width, theme.warn)
            }
            out += WizardView.wrap("v shows every step whole · y copies the deploy command · Enter or q finishes and prints every step", inner.width, theme.dim)
            out.append(("", .plain))
            // The rest of export's steps, numbered on from 1, without the deploy step shown above.
            for (i, step) in steps.filter({ $0.kind != .deploy }).enumerated() {
                out += WizardView.wrap("\(i + 1). \(step.text)", inner.width, .bold)
                for command in step.commands { out.append(("   " + command, theme.dim)) }
            }
        } else {
            out += WizardView.wrap("YAML or JSON follows the extension. The file is written whole or not at all; an existing file is replaced only after you confirm.", inner.width, theme.dim)
        }
        WizardView.lines(out, in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1)), into: &buffer)
    }
}

/// Help, the region picker, questions and messages, drawn over the step.
enum OverlayView {
    static func draw(_ overlay: Overlay, _ state: WizardState, _ services: WizardServices, _ layout: Layout, _ theme: Theme, into buffer: inout ScreenBuffer) {
        let size = state.size
        func panel(_ title: String, width: Int, height: Int) -> Rect {
            let w = min(width, size.width - 4), h = min(height, size.height - 2)
            let area = Rect(x: (size.width - w) / 2, y: max(1, (size.height - h) / 2), width: w, height: h)
            buffer.fill(area)
            return WizardView.box(title, area, theme, into: &buffer)
        }
        switch overlay {
        case .help:
            let bindings = Keymap.bindings(for: state.step) + Keymap.globals(for: state.step)
            let width = min(76, size.width - 4) - 4
            // Each key's help wrapped under itself, never cut.
            var out: [(String, Style)] = bindings.flatMap { b in
                Prose.wrap(b.help, width: max(10, width - 14)).enumerated().map { i, line in
                    ((i == 0 ? "  " + b.keyLabel.padding(toLength: 12, withPad: " ", startingAt: 0) : String(repeating: " ", count: 14)) + line, Style.plain)
                }
            }
            // The note only where it fits whole: the keys come first, never cut.
            let note = WizardView.wrap("Ctrl-R and F2 open the region picker and F1 opens help even while typing. The monthly estimate stays in the header once an instance type is chosen.", width, theme.dim).map { ("  " + $0.0, $0.1) }
            if out.count + 1 + note.count + 2 <= size.height - 2 { out += [("", .plain)] + note }
            let inner = panel("Keys: \(state.step.title) (Esc closes)", width: 76, height: out.count + 2)
            WizardView.lines(out, in: inner, into: &buffer)
        case let .regionPicker(selected, typed):
            let names = services.catalog.regions.names
            let inner = panel(typed.isEmpty ? "Region: type a code or city · Enter chooses · Esc cancels" : "Region: \(typed)▏ · Enter chooses · Esc cancels",
                              width: 76, height: min(names.count + 2, size.height - 2))
            let rows = names.map { name -> String in
                var note = ""
                switch services.catalog.regions.cloudFormation.offer(region: name) {
                case .missing: note = "\(theme.cross) CloudFormation has no SageMaker"
                case .unknown: note = "? CloudFormation support unknown"
                case .offered:
                    if let entry = state.entry, services.catalog.planner.deployableInstanceTypes(entry, in: name).isEmpty {
                        note = "\(theme.cross) model doesn't deploy"
                    }
                }
                // Codes and names padded so every mark starts in one column.
                let place = RegionNames.location[name] ?? ""
                let padded = name.padding(toLength: 15, withPad: " ", startingAt: 0) + (note.isEmpty ? place : place.padding(toLength: 27, withPad: " ", startingAt: 0))
                return (name == state.answers.region ? "\(theme.bullet) " : "  ") + padded + note
            }
            buffer.render(ListView(rows, selected: selected, scrollOffset: ListView.scrollOffset(keeping: selected, visible: inner.height, count: rows.count, current: 0), selectedStyle: theme.selected, glyphs: theme.glyphs), in: inner)
        case .confirmQuit:
            let inner = panel("Quit?", width: 56, height: 5)
            WizardView.lines([("Your answers were not exported. Quit anyway?", .plain), ("y quits · n or Esc stays", theme.dim)], in: inner, into: &buffer)
        case .confirmOverwrite(let path):
            let inner = panel("Replace the file?", width: 70, height: 6)
            WizardView.lines(WizardView.wrap("\(path) exists. Replace it with this template?", inner.width) + [("y replaces · n or Esc keeps it", theme.dim)], in: inner, into: &buffer)
        case let .confirmDiscardEdits(path, lost, readBack):
            let width = min(76, size.width - 4) - 2
            // A path on its line, what differs under it, indented.
            func item(_ head: String, _ detail: String, _ style: Style) -> [(String, Style)] {
                // A path is one long word: cut it where the line ends rather than wrap it whole.
                var chunks: [String] = []
                var rest = Substring("• " + head)
                while !rest.isEmpty {
                    let n = max(1, chunks.isEmpty ? width : width - 2)
                    chunks.append((chunks.isEmpty ? "" : "  ") + rest.prefix(n))
                    rest = rest.dropFirst(n)
                }
                return chunks.map { ($0, style) } + WizardView.wrap(detail, width - 2, style).map { ("  " + $0.0, $0.1) }
            }
            var out = WizardView.wrap("\(path) was edited by hand. These edits of its Resources are in no answer, and would be lost:", width)
            for e in lost { out += item(e.path, e.comparison, theme.warn) }
            if !readBack.isEmpty {
                out += WizardView.wrap("Read back into the answers:", width)
                for r in readBack { out += item(r.edit.path, "→ \(r.answer)", theme.dim) }
            }
            // The question stays on screen however long the list: the list gives way.
            let room = max(1, size.height - 4 - 1)
            if out.count > room {
                let hidden = out.count - (room - 1)
                out = Array(out.prefix(room - 1)) + [("… \(hidden) more lines: jumpstart-tui export --from \(path) lists every edit", theme.dim)]
            }
            out.append(("y goes on without them · n, Esc or q quits and leaves the file as it is", .bold))
            let inner = panel("Hand edits would be lost", width: 76, height: out.count + 2)
            WizardView.lines(out, in: inner, into: &buffer)
        case .alert(let message):
            let lines = message.split(separator: "\n").flatMap { Paragraph.wrap(String($0), width: min(72, size.width - 8)) }
            let inner = panel("Note (Enter closes)", width: 76, height: lines.count + 2)
            WizardView.lines(lines.map { ($0, .plain) }, in: inner, into: &buffer)
        }
    }
}
