import JumpStartCore

/// A monthly cost as the wizard shows it, or why it is unknown.
public struct CostFigure: Sendable, Equatable {
    public var known: Bool
    public var hourly: String
    public var monthly: String
    public var yearly: String
    /// For bars and sorting only; never shown.
    public var monthlyDollars: Double
    /// "on-demand, 730 h/month, price as of 2025-01-26 (bundled)"
    public var basis: String
    /// Why it is unknown ("no price for ml.g6.xlarge in us-east-1").
    public var reason: String?
    /// The exact monthly figure, for choosing the cheapest by the core's rule; nil when unknown.
    public var monthlyAmount: Money?
    /// The price is older than the core's stale limit.
    public var stale: Bool = false
    /// One instance's hourly price, for the cost of a million tokens; nil when unknown.
    public var unitHourly: Money?

    public init(known: Bool, hourly: String, monthly: String, yearly: String, monthlyDollars: Double, basis: String, reason: String?) {
        self.known = known
        self.hourly = hourly
        self.monthly = monthly
        self.yearly = yearly
        self.monthlyDollars = monthlyDollars
        self.basis = basis
        self.reason = reason
    }

    public static func unknown(_ reason: String) -> CostFigure {
        CostFigure(known: false, hourly: "unknown", monthly: "unknown", yearly: "unknown", monthlyDollars: 0, basis: "", reason: reason)
    }

    /// The one place the wizard turns the core's figures into text: an estimate at a capacity (the
    /// same `CapacityCost` as `cost`, `compare` and the template).
    public init(_ estimate: CostEstimate, capacity: Capacity) {
        guard let hourly = estimate.hourly, let monthly = estimate.monthly, let yearly = estimate.yearly else {
            self = .unknown(estimate.reason ?? "no price for \(estimate.instanceType) in \(estimate.region)")
            return
        }
        let origin = estimate.origin?.label ?? "unknown source"
        let age = estimate.quote?.ageNote.map { " (\($0))" } ?? ""
        let scaled = capacity == .fixed(capacity.initialCount) ? nil : CapacityCost(unitHourly: estimate.unitHourly, capacity: capacity, hoursPerMonth: estimate.hoursPerMonth)
        self.init(
            known: true, hourly: hourly.formattedPrecise, monthly: scaled?.monthlyText ?? monthly.formatted,
            yearly: scaled.map { c in c.isRange ? "\(c.monthlyLow!.times(12).formatted)–\(c.monthlyHigh!.times(12).formatted)" : c.monthlyLow!.times(12).formatted } ?? yearly.formatted,
            monthlyDollars: (scaled?.monthlyLow ?? monthly).dollars,
            basis: "On-demand, \(estimate.hoursPerMonth) h a month, USD\(scaled.map { "; \($0.basis)" } ?? ""); \(origin) as of \(estimate.asOf ?? "unknown")\(age). Not included: storage, data transfer, taxes.",
            reason: nil)
        monthlyAmount = scaled?.monthlyLow ?? monthly
        unitHourly = estimate.unitHourly
        stale = estimate.quote?.isStale == true
    }
}

/// An instance type's hardware as one short line ("8 vCPU · 32 GiB · 1 × NVIDIA A10G 24 GiB").
public struct HardwareSummary: Sendable, Equatable {
    public var vcpu: String
    public var memory: String
    public var accelerators: String
    public init(vcpu: String, memory: String, accelerators: String) {
        self.vcpu = vcpu
        self.memory = memory
        self.accelerators = accelerators
    }
}

/// Prices and hardware, from the core's price book.
public struct WizardPricing: Sendable {
    public var hardware: @Sendable (_ instanceType: String) -> HardwareSummary?
    /// The month at a capacity: one figure for a fixed count, a range for autoscaling, a split with a schedule.
    public var estimate: @Sendable (_ region: String, _ instanceType: String, _ capacity: Capacity) -> CostFigure
    /// Every supported instance type of an entry in a region, sorted and marked by the core's one
    /// rule (`CostComparison`, as `compare` shows it); nil when the price book can't answer.
    public var compare: @Sendable (_ entry: CatalogEntry, _ region: String, _ capacity: Capacity) -> CostComparison?

    public init(
        hardware: @escaping @Sendable (String) -> HardwareSummary?,
        estimate: @escaping @Sendable (String, String, Capacity) -> CostFigure,
        compare: @escaping @Sendable (CatalogEntry, String, Capacity) -> CostComparison?
    ) {
        self.hardware = hardware
        self.estimate = estimate
        self.compare = compare
    }
}

/// What the review and export steps show for the current answers.
public struct TemplateRendering: Sendable, Equatable {
    public var yaml: String
    public var json: String
    public var graph: ResourceGraph
    public var exportCommand: String

    public init(yaml: String, json: String, graph: ResourceGraph, exportCommand: String) {
        self.yaml = yaml
        self.json = json
        self.graph = graph
        self.exportCommand = exportCommand
    }

    public static func == (a: TemplateRendering, b: TemplateRendering) -> Bool {
        a.yaml == b.yaml && a.json == b.json && a.graph == b.graph && a.exportCommand == b.exportCommand
    }
}

/// Builds templates from answers with the same code `export` runs.
public struct WizardTemplates: Sendable {
    /// The rendering, or the one-sentence reason the answers can't make a template.
    public var render: @Sendable (_ answers: ExportAnswers) -> Result<TemplateRendering, TemplateProblem>
    /// What to do after writing the template (quota, deploy, invoke, clean up), as `export` prints it.
    public var nextSteps: @Sendable (_ answers: ExportAnswers, _ path: String) -> [NextStep]

    public init(
        render: @escaping @Sendable (ExportAnswers) -> Result<TemplateRendering, TemplateProblem>,
        nextSteps: @escaping @Sendable (ExportAnswers, String) -> [NextStep]
    ) {
        self.render = render
        self.nextSteps = nextSteps
    }
}

/// Why a template can't be made, in one sentence.
public struct TemplateProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
