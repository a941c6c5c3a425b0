import JumpStartCore

/// A cost as the wizard shows it: the core's figures (`CostEstimate` for the starting count's
/// hour, `CapacityCost` for the month at the capacity) kept as money, turned into text only by the
/// computed properties below, with the same formatting as `cost` and `compare` (`Money.formatted`,
/// `CapacityCost.monthlyText`/`yearlyText`).
public struct CostFigure: Sendable, Equatable {
    /// The price at the starting count; nil when the estimate itself failed (see `failure`).
    public var estimate: CostEstimate?
    /// The month at the capacity; nil when the estimate failed.
    public var cost: CapacityCost?
    /// Why no estimate could be made at all (an error from the price book).
    public var failure: String?

    /// The one place the wizard gets a cost: an estimate at a capacity (the same `CapacityCost` as
    /// `cost`, `compare` and the template).
    public init(_ estimate: CostEstimate, capacity: Capacity) {
        self.estimate = estimate
        self.cost = CapacityCost(unitHourly: estimate.unitHourly, capacity: capacity, hoursPerMonth: estimate.hoursPerMonth)
    }

    public static func unknown(_ reason: String) -> CostFigure { CostFigure(failure: reason) }

    private init(failure: String) { self.failure = failure }

    public var known: Bool { cost?.known == true }
    /// Why it is unknown ("no price for ml.g6.xlarge in us-east-1"); nil when known.
    public var reason: String? { known ? nil : failure ?? estimate?.reason }
    /// The starting count for one hour ("$1.2120"), or "unknown".
    public var hourly: String { known ? estimate?.hourly?.formattedPrecise ?? "unknown" : "unknown" }
    /// "$884.76" or "$884.76–$1,769.52" (autoscaling), or "unknown".
    public var monthly: String { cost?.monthlyText ?? "unknown" }
    public var yearly: String { cost?.yearlyText ?? "unknown" }
    /// The month at the fewest instances the capacity allows: the figure "cheapest" is chosen by.
    public var monthlyAmount: Money? { cost?.monthlyLow }
    /// One instance's hourly price, for the cost of a million tokens; nil when unknown.
    public var unitHourly: Money? { estimate?.unitHourly }
    /// The price is older than the core's stale limit.
    public var stale: Bool { estimate?.quote?.isStale == true }
    /// "On-demand, 730 h a month, USD; …; bundled prices as of 2025-01-26. Not included: …"
    public var basis: String {
        guard known, let estimate, let cost else { return "" }
        let origin = estimate.origin?.label ?? "unknown source"
        let age = estimate.quote?.ageNote.map { " (\($0))" } ?? ""
        let plain = cost.capacity == .fixed(cost.capacity.initialCount)
        return "On-demand, \(estimate.hoursPerMonth) h a month, USD\(plain ? "" : "; \(cost.basis)"); \(origin) as of \(estimate.asOf ?? "unknown")\(age). Not included: storage, data transfer, taxes."
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
