import JumpStartCore
import TerminalUI

/// Step 1: the filterable model list and the selected model's details.
enum ModelView {
    static func draw(_ state: WizardState, _ services: WizardServices, _ layout: Layout, _ theme: Theme, into buffer: inout ScreenBuffer) {
        let index = services.index(allVersions: state.allVersions)
        let regionIndex = services.catalog.regions.index(of: state.answers.region)
        let what = state.allVersions ? "every version" : "newest versions"
        let title = "Models (\(what)) · \(state.matches.count) of \(index.summaries.count)"
        let inner = WizardView.box(title, layout.modelList, theme, into: &buffer)
        guard !inner.isEmpty else { return }
        // The filter line.
        let label = "Filter: "
        buffer.put(label, at: inner.origin, style: state.filterFocused ? theme.title : theme.dim, clip: inner)
        let fieldArea = Rect(x: inner.x + label.count, y: inner.y, width: max(0, inner.width - label.count), height: 1)
        buffer.render(TextField(state: state.filter, placeholder: "type to filter, e.g. llama 3 8b", isFocused: state.filterFocused, style: .plain), in: fieldArea)
        // The list.
        let listArea = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1))
        if state.matches.isEmpty {
            WizardView.lines([("No model id contains \"\(state.filter.text)\". Esc clears the filter.", theme.warn)],
                             in: listArea.row(1), into: &buffer)
            return
        }
        let rows: [[String]] = state.matches.map { i in
            let s = index.summaries[i]
            var marks = ""
            marks += s.needsEula ? "E" : " "
            marks += s.isModelPackage ? "P" : " "
            marks += s.deploysWithDefault(regionIndex: regionIndex) ? " " : String(theme.cross)
            return [s.modelId, s.version.text, s.defaultInstanceType, marks]
        }
        let styles = Dictionary(uniqueKeysWithValues: state.matches.enumerated().compactMap { (row, i) -> (Int, Style)? in
            index.summaries[i].deploysWithDefault(regionIndex: regionIndex) ? nil : (row, theme.dim)
        })
        let table = TableView(
            columns: [
                TableColumn("MODEL", width: .flexible(minimum: 20, weight: 1)),
                TableColumn("VERSION", width: .fixed(8)),
                TableColumn("DEFAULT TYPE", width: .fixed(16)),
                TableColumn("NOTE", width: .fixed(4)),
            ],
            rows: rows, selected: state.modelSelection, scrollOffset: state.modelScroll, rowStyles: styles,
            headerStyle: theme.dim, selectedStyle: theme.selected, glyphs: theme.glyphs)
        buffer.render(table, in: listArea)
        detail(state, services, layout, theme, into: &buffer)
    }

    static func detail(_ state: WizardState, _ services: WizardServices, _ layout: Layout, _ theme: Theme, into buffer: inout ScreenBuffer) {
        let area = layout.modelDetail
        guard let s = Wizard.selectedSummary(state, services) else { return }
        let inner = WizardView.box(s.reference, area, theme, into: &buffer)
        let regions = services.catalog.regions.names
        let regionIndex = services.catalog.regions.index(of: state.answers.region)
        var out: [(String, Style)] = []
        var notes: [String] = []
        if s.needsEula { notes.append("E EULA to accept") }
        if s.isModelPackage { notes.append("P model package") }
        if !s.deploysWithDefault(regionIndex: regionIndex) { notes.append("\(theme.cross) not deployable here on its default type") }
        if !notes.isEmpty { out.append((notes.joined(separator: " · "), s.deploysWithDefault(regionIndex: regionIndex) ? theme.dim : theme.warn)) }
        let types = s.instanceTypes.map { t in
            (s.deploys(regionIndex: regionIndex, instanceType: t) ? "" : String(theme.cross)) + t + (t == s.defaultInstanceType ? "*" : "")
        }
        let where_ = regions.enumerated().filter { s.deploysWithDefault(regionIndex: $0.offset) }.map(\.element)
        if layout.modelDetailBeside {
            out += WizardView.wrap("Instance types in \(state.answers.region) (* default, \(theme.cross) not deployable):", inner.width, theme.dim)
            out += WizardView.wrap(types.joined(separator: "  "), inner.width)
            out.append(("", .plain))
            out += WizardView.wrap("Deploys on \(s.defaultInstanceType) in \(where_.count) region\(where_.count == 1 ? "" : "s"):", inner.width, theme.dim)
            out += WizardView.wrap(where_.isEmpty ? "none" : where_.joined(separator: ", "), inner.width)
        } else {
            out += WizardView.wrap("Types: " + types.joined(separator: " "), inner.width)
            let missing = regions.filter { !where_.contains($0) }
            let summary: String
            if where_.isEmpty { summary = "no region on \(s.defaultInstanceType)" }
            else if missing.isEmpty { summary = "every JumpStart region (\(regions.count))" }
            else if missing.count < where_.count { summary = "\(where_.count) regions; not in \(missing.joined(separator: ", "))" }
            else { summary = where_.joined(separator: ", ") }
            out += WizardView.wrap("Deploys in: " + summary, inner.width)
        }
        WizardView.lines(out, in: inner, into: &buffer)
    }
}
