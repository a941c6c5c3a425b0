extension TemplateCostNote {
    /// The Description's cost line from a price book, for the plan's region, type and count at
    /// the standard 730 hours a month; nil when the price is unknown (the line is then left out).
    public static func maker(_ prices: PriceBook) -> @Sendable (DeploymentPlan) -> TemplateCostNote? {
        { plan in
            guard let e = try? prices.costEstimate(region: plan.region, instanceType: plan.instanceType, count: plan.instanceCount),
                  let monthly = e.monthly, let asOf = e.asOf else { return nil }
            let source = e.origin == .user ? "your price file" : "bundled price list"
            return TemplateCostNote(monthly: monthly.formatted, hoursPerMonth: 730, priceAsOf: asOf, source: source)
        }
    }
}
