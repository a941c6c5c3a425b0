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
                let estimate: CostEstimate
                do { estimate = try prices.costEstimate(region: region, instanceType: type, count: capacity.initialCount) } catch {
                    return .unknown("\(error)")
                }
                guard let hourly = estimate.hourly, let monthly = estimate.monthly, let yearly = estimate.yearly else {
                    return .unknown(estimate.reason ?? "no price for \(type) in \(region)")
                }
                let origin = estimate.origin?.label ?? "unknown source"
                let age = estimate.quote?.ageNote.map { " (\($0))" } ?? ""
                // Autoscaling or a schedule: the same CapacityCost as `cost` and the template.
                let scaled = capacity == .fixed(capacity.initialCount) ? nil : CapacityCost(unitHourly: estimate.unitHourly, capacity: capacity)
                var figure = CostFigure(
                    known: true, hourly: hourly.formattedPrecise, monthly: scaled?.monthlyText ?? monthly.formatted,
                    yearly: scaled.map { c in c.isRange ? "\(c.monthlyLow!.times(12).formatted)–\(c.monthlyHigh!.times(12).formatted)" : c.monthlyLow!.times(12).formatted } ?? yearly.formatted,
                    monthlyDollars: monthly.dollars,
                    basis: "On-demand, \(estimate.hoursPerMonth) h a month, USD\(scaled.map { "; \($0.basis)" } ?? ""); \(origin) as of \(estimate.asOf ?? "unknown")\(age). Not included: storage, data transfer, taxes.",
                    reason: nil)
                figure.monthlyAmount = monthly
                figure.unitHourly = estimate.unitHourly
                figure.stale = estimate.quote?.isStale == true
                return figure
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
