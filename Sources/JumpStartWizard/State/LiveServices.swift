import Foundation
import JumpStartCore

extension WizardServices {
    /// The services the real program uses: the core's price book and template builder, the
    /// same code `cost`, `compare` and `export` run.
    public static func live(catalog: Catalog, prices: PriceBook) throws -> WizardServices {
        let builder = TemplateBuilder(catalog: catalog, costNote: TemplateCostNote.maker(prices))
        let pricing = WizardPricing(
            hardware: { type in
                prices.hardware(for: type).map { h in
                    HardwareSummary(vcpu: String(h.vcpu), memory: "\(PriceFiles.number(h.memoryGiB)) GiB", accelerators: h.acceleratorSummary)
                }
            },
            estimate: { region, type, capacity in
                do { return CostFigure(try prices.costEstimate(region: region, instanceType: type, count: capacity.initialCount), capacity: capacity) } catch {
                    return .unknown("\(error)")
                }
            },
            compare: { entry, region, capacity in
                try? CostComparison(model: entry, region: region, planner: catalog.planner, prices: prices, capacity: capacity)
            })
        let templates = WizardTemplates(
            render: { answers in
                switch builder.build(answers) {
                case .failure(let error): return .failure(TemplateProblem("\(error)"))
                case .success(let t):
                    return .success(TemplateRendering(
                        yaml: t.text(.yaml), json: t.text(.json),
                        graph: t.graph,
                        exportCommand: t.answers.commandLine()))
                }
            },
            nextSteps: { answers, path in
                guard case .success(let t) = builder.build(answers) else { return [] }
                return NextSteps.steps(for: t, templatePath: path)
            })
        return try WizardServices(catalog: catalog, pricing: pricing, templates: templates)
    }
}
