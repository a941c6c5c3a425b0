/// The SageMaker real-time endpoints a template deploys, each variant with its instance type and
/// capacity, read from any template: `AWS::SageMaker::Endpoint` → its `AWS::SageMaker::EndpointConfig`
/// (each production variant's `InstanceType` and `InitialInstanceCount`) → the
/// `AWS::ApplicationAutoScaling::ScalableTarget` whose `ResourceId` is
/// `endpoint/NAME/variant/VARIANT` (min/max, scheduled actions) and its target-tracking policy.
/// Values the template leaves to deploy time are unknown, with the reason.
public struct TemplateEndpoints: Sendable {
    public struct Endpoint: Sendable, Equatable {
        public var logicalId: String
        /// The endpoint's name as written, or unknown (generated, a stack name, …).
        public var name: Resolved
        /// The endpoint config's logical id, when the config is in this template.
        public var configId: String?
        public var variants: [Variant]
        /// Why the endpoint has no variants to price (its config is not in this template, …).
        public var problem: String?
    }

    public struct Variant: Sendable, Equatable {
        public var name: Resolved
        public var instanceType: Resolved
        /// The capacity, when every number it needs is known.
        public var capacity: Capacity?
        /// Why the capacity is unknown.
        public var capacityProblem: String?
        /// What the capacity reading assumed (scheduled actions not in the working-hours shape, …).
        public var notes: [String]
        /// The scalable target's logical id, when Application Auto Scaling manages the variant.
        public var scalableTargetId: String?
        /// A serverless variant: priced per request, not by instance-hour.
        public var serverless: Bool
    }

    public var endpoints: [Endpoint]
    /// Endpoint configs no endpoint of this template uses (they cost nothing on their own).
    public var unusedConfigs: [String]
    /// Scalable targets of SageMaker variants that match no endpoint variant here.
    public var unmatchedScalableTargets: [String]

    public init(_ t: CloudFormationTemplate, resolver r: ValueResolver) {
        let scalableTargets = t.resources(ofType: "AWS::ApplicationAutoScaling::ScalableTarget").filter {
            r.resolve($0.properties["ServiceNamespace"] ?? .null).value == "sagemaker"
        }
        var matchedTargets = Set<String>()
        var usedConfigs = Set<String>()
        var endpoints: [Endpoint] = []
        for e in t.resources(ofType: "AWS::SageMaker::Endpoint") {
            let name = r.resolve(e.properties["EndpointName"] ?? .null)
            // For matching a ResourceId: the name, or a placeholder standing for the generated one.
            let matchName = e.properties["EndpointName"].map { r.resolve($0, references: true) } ?? .known("${\(e.logicalId).EndpointName}")
            var endpoint = Endpoint(logicalId: e.logicalId, name: e.properties["EndpointName"] == nil ? .unknown("CloudFormation generates the name") : name,
                                    configId: nil, variants: [], problem: nil)
            guard let configValue = e.properties["EndpointConfigName"] else {
                endpoint.problem = "it names no EndpointConfigName"
                endpoints.append(endpoint)
                continue
            }
            guard let config = Self.configResource(configValue, in: t, resolver: r) else {
                endpoint.problem = "its endpoint config (\(configValue.shortText)) is not an AWS::SageMaker::EndpointConfig of this template"
                endpoints.append(endpoint)
                continue
            }
            endpoint.configId = config.logicalId
            usedConfigs.insert(config.logicalId)
            let variants = config.properties["ProductionVariants"]?.items ?? []
            if variants.isEmpty {
                // A list chosen by Fn::If, or none at all.
                endpoint.problem = config.properties["ProductionVariants"].map {
                    "the ProductionVariants of its endpoint config \(config.logicalId) are not a list written in the template: \(r.resolve($0).reason ?? $0.shortText)"
                } ?? "its endpoint config \(config.logicalId) has no ProductionVariants"
            }
            for v in variants {
                let variantName = r.resolve(v["VariantName"] ?? .null)
                var variant = Variant(name: variantName, instanceType: .unknown("no InstanceType"), capacity: nil, capacityProblem: nil,
                                      notes: [], scalableTargetId: nil, serverless: false)
                if v["ServerlessConfig"] != nil, v["InstanceType"] == nil {
                    variant.serverless = true
                    variant.instanceType = .unknown("a serverless variant, priced per request and compute time, not by instance-hour")
                    variant.capacityProblem = "serverless"
                    endpoint.variants.append(variant)
                    continue
                }
                variant.instanceType = v["InstanceType"].map { r.resolve($0) } ?? .unknown("the variant names no InstanceType")
                let (initial, initialProblem) = r.integer(v["InitialInstanceCount"], what: "InitialInstanceCount")
                // The scalable target of this variant: its ResourceId names the endpoint and the variant.
                let target = scalableTargets.first { target in
                    guard let id = target.properties["ResourceId"], case .known(let text) = r.resolve(id, references: true),
                          case .known(let endpointName) = matchName, case .known(let vName) = r.resolve(v["VariantName"] ?? .null, references: true) else { return false }
                    return text == "endpoint/\(endpointName)/variant/\(vName)"
                }
                if let target {
                    matchedTargets.insert(target.logicalId)
                    variant.scalableTargetId = target.logicalId
                    let reading = ScalingReading(target: target, template: t, resolver: r)
                    variant.capacity = reading.capacity
                    variant.capacityProblem = reading.problem
                    variant.notes = reading.notes
                } else if let initial {
                    variant.capacity = .fixed(initial)
                } else {
                    variant.capacityProblem = initialProblem
                }
                endpoint.variants.append(variant)
            }
            endpoints.append(endpoint)
        }
        self.endpoints = endpoints
        self.unusedConfigs = t.resources(ofType: "AWS::SageMaker::EndpointConfig").map(\.logicalId).filter { !usedConfigs.contains($0) }
        self.unmatchedScalableTargets = scalableTargets.map(\.logicalId).filter { !matchedTargets.contains($0) }
    }

    /// The endpoint config an endpoint's `EndpointConfigName` points at: `!GetAtt C.EndpointConfigName`,
    /// `!Ref C`, or the name a config of this template is given.
    static func configResource(_ value: TemplateValue, in t: CloudFormationTemplate, resolver r: ValueResolver) -> CloudFormationTemplate.Resource? {
        let configs = t.resources(ofType: "AWS::SageMaker::EndpointConfig")
        if let (name, argument) = value.intrinsic {
            if name == "Ref", let id = argument.text, let c = configs.first(where: { $0.logicalId == id }) { return c }
            if name == "Fn::GetAtt", let id = argument.items?.first?.text ?? argument.text?.split(separator: ".").first.map(String.init),
               let c = configs.first(where: { $0.logicalId == id }) { return c }
        }
        guard case .known(let text) = r.resolve(value, references: true) else { return nil }
        return configs.first { c in
            c.properties["EndpointConfigName"].map { r.resolve($0, references: true) } == .known(text)
        }
    }
}

/// A scalable target read back into a `Capacity`: min/max, the target-tracking policy's target,
/// and scheduled actions in the working-hours shape this program writes (one action raising the
/// capacity at the start of the window, one lowering it at its end). Any other schedule is
/// priced from the least to the most capacity it allows, and says so.
struct ScalingReading {
    var capacity: Capacity?
    var problem: String?
    var notes: [String] = []

    init(target: CloudFormationTemplate.Resource, template t: CloudFormationTemplate, resolver r: ValueResolver) {
        let p = target.properties
        let (min, minProblem) = r.integer(p["MinCapacity"], what: "MinCapacity")
        let (max, maxProblem) = r.integer(p["MaxCapacity"], what: "MaxCapacity")
        guard let min, let max else {
            problem = "the scalable target \(target.logicalId): \(minProblem ?? maxProblem ?? "")"
            return
        }
        // A target-tracking policy on this target makes it autoscaling.
        let policies = t.resources(ofType: "AWS::ApplicationAutoScaling::ScalingPolicy").filter { policy in
            if let ref = policy.properties["ScalingTargetId"], ref.intrinsic?.name == "Ref", ref.intrinsic?.argument.text == target.logicalId { return true }
            guard let a = policy.properties["ResourceId"], let b = p["ResourceId"] else { return false }
            return r.resolve(a, references: true) == r.resolve(b, references: true) && r.resolve(a, references: true).value != nil
        }
        let tracking = policies.first { r.resolve($0.properties["PolicyType"] ?? .null).value == "TargetTrackingScaling" }
        let targetValue = tracking.flatMap { r.integer($0.properties["TargetTrackingScalingPolicyConfiguration"]?["TargetValue"], what: "TargetValue").0 }
        var c: Capacity = min == max && policies.isEmpty ? .fixed(min) : Capacity(.autoscaling(min: min, max: max, targetInvocations: targetValue))
        if let actions = p["ScheduledActions"]?.items, !actions.isEmpty {
            switch Self.schedule(actions, min: min, max: max, resolver: r) {
            case .success(let s): c.schedule = s
            case .failure(let why):
                // Not our shape: the least and the most any action or the target allows, always.
                let counts = [min, max] + actions.flatMap { a in
                    ["MinCapacity", "MaxCapacity"].compactMap { r.integer(a["ScalableTargetAction"]?[$0], what: $0).0 }
                }
                let low = counts.min() ?? min, high = counts.max() ?? max
                c = low == high ? .fixed(low) : Capacity(.autoscaling(min: low, max: high, targetInvocations: targetValue))
                notes.append("the scheduled actions of \(target.logicalId) are not one working-hours window (\(why)); the month is priced from always \(low) to always \(high) instance\(high == 1 ? "" : "s"), the least and the most they allow")
            }
        }
        capacity = c
    }

    /// Two actions: at the window's start back to min–max, at its end down to a fixed count.
    static func schedule(_ actions: [TemplateValue], min: Int, max: Int, resolver r: ValueResolver) -> Result<OffHoursSchedule, ScheduleShape> {
        guard actions.count == 2 else { return .failure(ScheduleShape("\(actions.count) actions")) }
        struct Action { var cron: CronTimes; var min: Int; var max: Int; var zone: String }
        var read: [Action] = []
        for a in actions {
            guard let text = r.resolve(a["Schedule"] ?? .null).value, let cron = CronTimes(text) else {
                return .failure(ScheduleShape("a schedule that is not cron(minutes hours ? * days *)"))
            }
            guard let lo = r.integer(a["ScalableTargetAction"]?["MinCapacity"], what: "MinCapacity").0,
                  let hi = r.integer(a["ScalableTargetAction"]?["MaxCapacity"], what: "MaxCapacity").0 else {
                return .failure(ScheduleShape("an action without both MinCapacity and MaxCapacity"))
            }
            let zone = a["Timezone"].flatMap { r.resolve($0).value } ?? "UTC"
            read.append(Action(cron: cron, min: lo, max: hi, zone: zone))
        }
        guard let start = read.first(where: { $0.min == min && $0.max == max }),
              let end = read.first(where: { $0.min == $0.max && !($0.min == min && $0.max == max) }) else {
            return .failure(ScheduleShape("no action restores \(min)–\(max) and another lowers it to one count"))
        }
        guard start.zone == end.zone else { return .failure(ScheduleShape("the actions are in different time zones")) }
        let endMinutes: Int
        if end.cron.days == start.cron.days, end.cron.minutes > start.cron.minutes {
            endMinutes = end.cron.minutes
        } else if end.cron.minutes == 0, end.cron.days == start.cron.days.map({ $0 % 7 + 1 }).sorted() {
            endMinutes = 24 * 60  // ends at midnight: the next day's 00:00
        } else {
            return .failure(ScheduleShape("the end is not later the same day as the start"))
        }
        return .success(OffHoursSchedule(days: start.cron.days, start: start.cron.minutes, end: endMinutes, timeZone: start.zone, offHoursCount: end.min))
    }

    struct ScheduleShape: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}

/// `cron(M H ? * DAYS *)` as Application Auto Scaling takes it: minutes after midnight and the
/// days (1 = Monday … 7 = Sunday). Only the shapes a weekly window needs.
struct CronTimes: Equatable {
    var minutes: Int
    var days: [Int]

    /// AWS numbers the days SUN=1 … SAT=7 and also takes their names.
    static let names = ["MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6, "SUN": 7]

    init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("cron("), t.hasSuffix(")") else { return nil }
        let f = t.dropFirst(5).dropLast().split(separator: " ")
        guard f.count == 6, let m = Int(f[0]), let h = Int(f[1]), (0..<60).contains(m), (0..<24).contains(h),
              f[2] == "?" || f[2] == "*", f[3] == "*", f[5] == "*" else { return nil }
        minutes = h * 60 + m
        func day(_ s: Substring) -> Int? {
            if let n = Self.names[s.uppercased()] { return n }
            if let n = Int(s), (1...7).contains(n) { return n == 1 ? 7 : n - 1 }
            return nil
        }
        var d: [Int] = []
        if f[4] == "*" || f[4] == "?" { d = Array(1...7) } else {
            for part in f[4].split(separator: ",") {
                let ends = part.split(separator: "-")
                if ends.count == 2 {
                    // A range in AWS's order (SUN=1 … SAT=7), never across Saturday.
                    guard let a = day(ends[0]), let b = day(ends[1]) else { return nil }
                    let order = { (x: Int) in x % 7 + 1 }  // Monday 1 → 2, Sunday 7 → 1
                    guard order(a) <= order(b) else { return nil }
                    d += (order(a)...order(b)).map { $0 == 1 ? 7 : $0 - 1 }
                } else if ends.count == 1, let a = day(ends[0]) {
                    d.append(a)
                } else { return nil }
            }
        }
        days = Array(Set(d)).sorted()
    }
}
