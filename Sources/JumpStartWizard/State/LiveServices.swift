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
                switch builder.build(answers.exportAnswers) {
                case .failure(let error): return .failure(TemplateProblem("\(error)"))
                case .success(let t):
                    return .success(TemplateRendering(
                        yaml: t.text(.yaml), json: t.text(.json),
                        graph: t.graph,
                        exportCommand: t.answers.commandLine()))
                }
            },
            nextSteps: { answers, path in
                guard case .success(let t) = builder.build(answers.exportAnswers) else { return [] }
                return NextSteps.steps(for: t, templatePath: path)
            })
        return try WizardServices(catalog: catalog, pricing: pricing, templates: templates)
    }
}

extension WizardAnswers {
    /// The same answers in the form `export` takes, so both build identical templates.
    public var exportAnswers: ExportAnswers {
        let parts = modelReference.split(separator: "@", maxSplits: 1).map(String.init)
        let role: RoleChoice
        switch rolePolicy {
        case .managed: role = .create(.managed)
        case .leastPrivilege: role = .create(.leastPrivilege)
        case .existing: role = .existing(arn: roleArn)
        }
        return ExportAnswers(
            model: parts.first ?? "", version: parts.count > 1 ? parts[1] : nil, region: region,
            instanceType: instanceType.isEmpty ? nil : instanceType, capacity: capacity,
            environment: environment, endpointName: endpointName.isEmpty ? nil : endpointName, acceptEula: eulaAccepted,
            options: TemplateOptions(
                role: role, vpcSubnets: subnets, vpcSecurityGroups: securityGroups, healthCheckTimeout: healthCheckTimeout,
                kmsKeyId: kmsKeyId.isEmpty ? nil : kmsKeyId, tags: tags.map { TemplateTag(key: $0.key, value: $0.value) }),
            config: config)
    }

    /// Answers read back from an exported template (`--from`).
    public init(_ a: ExportAnswers) {
        self.init()
        modelReference = a.version.map { "\(a.model)@\($0)" } ?? a.model
        region = a.region
        instanceType = a.instanceType ?? ""
        capacity = a.capacity
        environment = a.environment
        endpointName = a.endpointName ?? ""
        eulaAccepted = a.acceptEula
        healthCheckTimeout = a.options.healthCheckTimeout
        switch a.options.role {
        case .create(.managed): rolePolicy = .managed
        case .create(.leastPrivilege): rolePolicy = .leastPrivilege
        case .existing(let arn): rolePolicy = .existing; roleArn = arn
        }
        subnets = a.options.vpcSubnets
        securityGroups = a.options.vpcSecurityGroups
        kmsKeyId = a.options.kmsKeyId ?? ""
        tags = a.options.tags.map { ($0.key, $0.value) }
        config = a.config
    }
}
