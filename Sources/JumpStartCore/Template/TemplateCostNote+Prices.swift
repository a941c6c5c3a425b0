extension TemplateCostNote {
    /// The Description's cost line from a price book, for the plan's region, type and count at
    /// the standard 730 hours a month; when the price is unknown, a line that says so and names
    /// the command that fetches it.
    public static func maker(_ prices: PriceBook) -> @Sendable (DeploymentPlan) -> TemplateCostNote? {
        { plan in
            guard let e = try? prices.costEstimate(region: plan.region, instanceType: plan.instanceType, count: plan.instanceCount) else {
                return nil
            }
            guard e.monthly != nil, let q = e.quote else {
                return .unknown("no price for \(plan.instanceType) in \(plan.region) (`jumpstart-tui pricing update --regions \(plan.region)` fetches current prices)")
            }
            let source = q.origin == .bundled ? "bundled price list" : q.origin.label
            // The same figures as `cost` and the wizard: one capacity cost.
            let cost = CapacityCost(unitHourly: e.unitHourly, capacity: plan.capacity)
            var note = TemplateCostNote(monthly: cost.monthlyText, hoursPerMonth: 730, priceAsOf: q.asOf, source: source)
            if plan.capacity != .fixed(plan.instanceCount) { note.basis = cost.basis }
            return note
        }
    }
}
