/// Output formats of a template.
public enum TemplateFormat: String, Sendable, CaseIterable {
    case yaml, json
}

/// A template built from answers that passed every rule, with what a front end says about it.
public struct ExportedTemplate: Sendable {
    /// The answers with every default resolved (version, instance type, endpoint name): what the
    /// template's Metadata stores.
    public var answers: ExportAnswers
    public var plan: DeploymentPlan
    /// The whole endpoint name, `jumpstart-` included.
    public var endpointName: String
    /// The template as an ordered tree (the JSON data model).
    public var document: JSONText.Value
    public var warnings: [TemplateWarning]
    /// Whether the template creates the execution role (then deploying needs CAPABILITY_IAM).
    public var createsRole: Bool
    public var cost: TemplateCostNote?

    /// The template's text, ending with a newline.
    public func text(_ format: TemplateFormat) -> String {
        switch format {
        case .json: return JSONText.pretty(document) + "\n"
        case .yaml: return TemplateYAML.render(document)
        }
    }

    /// The resources and the references between them.
    public var graph: ResourceGraph { ResourceGraph(template: document) }
}

/// Answers → plan → template: the one path from what a person chose to the file's bytes, shared
/// by `export` and the wizard.
public struct TemplateBuilder: Sendable {
    public let catalog: Catalog
    /// Supplies the Description's monthly cost line; nil (or a nil answer) leaves it out.
    public var costNote: (@Sendable (DeploymentPlan) -> TemplateCostNote?)?

    public init(catalog: Catalog, costNote: (@Sendable (DeploymentPlan) -> TemplateCostNote?)? = nil) {
        self.catalog = catalog
        self.costNote = costNote
    }

    /// Logical ids: readable and stable.
    public enum LogicalId {
        public static let role = "ExecutionRole"
        public static let model = "Model"
        public static let endpointConfig = "EndpointConfig"
        public static let endpoint = "Endpoint"
        public static let scalableTarget = "ScalableTarget"
        public static let scalingPolicy = "ScalingPolicy"
    }

    /// Checks every answer, plans the deployment and builds the template, or says what is wrong.
    public func build(_ answers: ExportAnswers) -> Result<ExportedTemplate, TemplateError> {
        // The catalog entry.
        let reference = answers.version.map { "\(answers.model)@\($0)" } ?? answers.model
        var entry: CatalogEntry
        do {
            entry = try catalog.entry(reference: reference)
            _ = try catalog.resolveRegion(answers.region, environment: [:])
        } catch {
            return .failure(.catalog(error))
        }
        if let config = answers.config, config != entry.configName {
            do throws(ConfigChoiceError) { entry = try entry.applying(config: config) } catch { return .failure(.config(error)) }
        }
        // The person's own values, before the catalog's rules.
        if let e = checkOptions(answers) { return .failure(e) }
        let endpointPart = answers.endpointName ?? TemplateRules.defaultEndpointName(modelId: entry.modelId)
        if let e = TemplateRules.checkEndpointName(endpointPart) { return .failure(e) }
        // Every rule of DESIGN.md §2.
        let request = DeploymentRequest(
            entry: entry, region: answers.region, instanceType: answers.instanceType, instanceCount: answers.instanceCount,
            environment: answers.environment, eulaAccepted: answers.acceptEula)
        var plan: DeploymentPlan
        switch catalog.planner.plan(request) {
        case .success(let p):
            plan = p
            if let e = CapacityRules.check(answers.capacity, instanceType: p.instanceType) { return .failure(.capacity(e)) }
            plan.capacity = answers.capacity
            if case let .autoscaling(min, max, nil) = answers.capacity.kind {
                plan.capacity.kind = .autoscaling(min: min, max: max, targetInvocations: Capacity.defaultTargetInvocations)
            }
        case .failure(let error):
            var newest: String?
            if answers.version == nil, case .invalidInstanceCount = error {} else if answers.version == nil {
                newest = (try? catalog.newestDeployableVersion(of: entry.modelId, region: answers.region))
                    .flatMap { $0 }.map { $0.reference }
                if newest == entry.reference { newest = nil }
            }
            return .failure(.plan(error, newestDeployable: newest))
        }
        if let e = TemplateRules.checkMergedEnvironment(plan.environment) { return .failure(e) }
        if let key = answers.options.kmsKeyId, let e = TemplateRules.checkKmsKey(key, instanceType: plan.instanceType) { return .failure(e) }
        let catalogTags = Self.catalogTags(entry)
        let keys = Set(catalogTags.map(\.key))
        if let dup = answers.options.tags.first(where: { keys.contains($0.key) }) { return .failure(.tagDuplicate(key: dup.key)) }
        let modelTagCount = catalogTags.count + answers.options.tags.count
        if modelTagCount > TemplateRules.maxTagsPerResource {
            return .failure(.tooManyTags(resource: "model", count: modelTagCount, catalogTags: catalogTags.count))
        }

        var resolved = answers
        resolved.version = entry.version.text
        resolved.config = entry.configName
        resolved.capacity = plan.capacity
        // The model's own start-up time (its spec's deploy_kwargs) unless one was given.
        resolved.options.healthCheckTimeout = answers.options.healthCheckTimeout
            ?? entry.startupTimeouts.healthCheck ?? TemplateOptions.defaultHealthCheckTimeout
        resolved.instanceType = plan.instanceType
        resolved.endpointName = endpointPart
        let endpointName = TemplateRules.endpointNamePrefix + endpointPart

        var warnings: [TemplateWarning] = []
        for v in answers.environment
        where TemplateRules.looksLikeAWSSecret(v.value.description) || TemplateRules.looksLikeSecretName(v.name) {
            warnings.append(.secretLookingEnvironment(name: v.name))
        }
        if answers.instanceCount > TemplateRules.largeInstanceCount { warnings.append(.largeInstanceCount(answers.instanceCount)) }
        if plan.capacity.needsScalableTarget, answers.region.hasPrefix("us-gov-") { warnings.append(.serviceLinkedRoleNeeded(region: answers.region)) }
        if let s = plan.capacity.schedule { warnings.append(.scheduleStartsAtWorkingHours(window: s.text)) }
        if catalog.regions.cloudFormation.offer(region: answers.region) == .unknown {
            warnings.append(.cloudFormationSupportUnknown(region: answers.region, source: catalog.regions.cloudFormation.source))
        }
        var createsRole = false
        var policy = RolePolicy.managed
        if case .create(let asked) = answers.options.role {
            createsRole = true
            if asked == .leastPrivilege, entry.isModelPackage {
                warnings.append(.modelPackageKeepsManagedPolicy)
            } else {
                policy = asked
                if asked == .managed { warnings.append(.broadManagedPolicy) }
            }
        }
        let cost = costNote?(plan)
        let document = TemplateDocument(
            answers: resolved, plan: plan, endpointName: endpointName, catalogTags: catalogTags,
            policy: createsRole ? policy : nil, cost: cost
        ).build()
        return .success(ExportedTemplate(
            answers: resolved, plan: plan, endpointName: endpointName, document: document, warnings: warnings,
            createsRole: createsRole, cost: cost))
    }

    /// The tags the construct puts on the model (DESIGN.md §2).
    public static func catalogTags(_ entry: CatalogEntry) -> [TemplateTag] {
        var tags = [TemplateTag(key: "modelId", value: entry.modelId), TemplateTag(key: "modelVersion", value: entry.version.text)]
        if !entry.isModelPackage {
            tags += [
                TemplateTag(key: "sagemaker-studio:jumpstart-model-id", value: entry.modelId),
                TemplateTag(key: "sagemaker-studio:jumpstart-model-version", value: entry.version.text),
                TemplateTag(key: "sagemaker-studio:jumpstart-hub-name", value: "SageMakerPublicHub"),
            ]
        }
        return tags
    }

    private func checkOptions(_ answers: ExportAnswers) -> TemplateError? {
        let o = answers.options
        // The one count rule, for flags, the wizard and answers read back from a template alike.
        if case .fixed(let n) = answers.capacity.kind, !CapacityRules.countRange.contains(n) { return .instanceCountInvalid(text: String(n)) }
        // Each field by the rule the flags and the wizard's form use (TemplateRules+Fields).
        if let t = o.healthCheckTimeout, let e = TemplateRules.checkHealthCheckTimeout(t) { return e }
        if let e = TemplateRules.checkEnvironment(answers.environment) { return e }
        if let e = TemplateRules.checkTags(o.tags) { return e }
        if case .existing(let arn) = o.role, let e = TemplateRules.checkRoleArn(arn) { return e }
        if let e = TemplateRules.checkVpcPairing(subnets: o.vpcSubnets.count, securityGroups: o.vpcSecurityGroups.count) { return e }
        if let e = TemplateRules.checkSubnets(o.vpcSubnets) ?? TemplateRules.checkSecurityGroups(o.vpcSecurityGroups) { return e }
        if let key = o.kmsKeyId, let e = TemplateRules.checkKmsKey(key, instanceType: nil) { return e }
        return nil
    }
}

/// Writes the template tree: DESIGN.md §2's resources and properties, nothing implied twice.
struct TemplateDocument {
    typealias V = JSONText.Value
    typealias Id = TemplateBuilder.LogicalId
    let answers: ExportAnswers
    let plan: DeploymentPlan
    let endpointName: String
    let catalogTags: [TemplateTag]
    /// Nil when an existing role is used.
    let policy: RolePolicy?
    let cost: TemplateCostNote?

    func build() -> V {
        var resources: [(String, V)] = []
        if let policy { resources.append((Id.role, role(policy))) }
        resources.append((Id.model, model()))
        resources.append((Id.endpointConfig, endpointConfig()))
        resources.append((Id.endpoint, endpoint()))
        if plan.capacity.needsScalableTarget { resources.append((Id.scalableTarget, scalableTarget())) }
        if let target = plan.capacity.targetInvocations { resources.append((Id.scalingPolicy, scalingPolicy(target))) }
        var outputs: [(String, V)] = [
            ("EndpointArn", .object([
                ("Description", .string("ARN of the SageMaker endpoint.")),
                ("Value", ref(Id.endpoint)),
            ])),
            ("EndpointName", .object([
                ("Description", .string("Name of the SageMaker endpoint, for invoke-endpoint.")),
                ("Value", getAtt(Id.endpoint, "EndpointName")),
            ])),
        ]
        if policy != nil {
            outputs.append(("RoleArn", .object([
                ("Description", .string("ARN of the execution role this stack created.")),
                ("Value", getAtt(Id.role, "Arn")),
            ])))
        }
        return .object([
            ("AWSTemplateFormatVersion", .string("2010-09-09")),
            ("Description", .string(description())),
            ("Metadata", .object([(TemplateMetadata.key, TemplateMetadata.encode(answers))])),
            ("Resources", .object(resources)),
            ("Outputs", .object(outputs)),
        ])
    }

    func description() -> String {
        let e = plan.entry
        let instances: String
        switch plan.capacity.kind {
        case .fixed(let n): instances = "\(n) x \(plan.instanceType)"
        case let .autoscaling(min, max, _): instances = "\(min) to \(max) x \(plan.instanceType) (autoscaling)"
        }
        let schedule = plan.capacity.schedule.map { " during \($0.text), \($0.offHoursCount) outside" } ?? ""
        var s = "SageMaker JumpStart endpoint \(endpointName): \(e.modelId)@\(e.version.text) on \(instances)\(schedule) in \(plan.region)."
        if let cost, let reason = cost.unknownReason {
            s += " Estimated cost unknown: \(reason)."
        } else if let cost {
            s += " Estimated cost \(cost.monthly) a month (on-demand, \(cost.hoursPerMonth) h a month\(cost.basis.map { ", \($0)" } ?? ""), price as of \(cost.priceAsOf), \(cost.source))."
        }
        return s + " Written by jumpstart-tui."
    }

    var partition: String { plan.region.hasPrefix("cn-") ? "aws-cn" : plan.region.hasPrefix("us-gov-") ? "aws-us-gov" : "aws" }

    func ref(_ id: String) -> V { .object([("Ref", .string(id))]) }
    func getAtt(_ id: String, _ attribute: String) -> V { .object([("Fn::GetAtt", .array([.string(id), .string(attribute)]))]) }
    func sub(_ text: String) -> V { .object([("Fn::Sub", .string(text))]) }

    func tags(_ list: [TemplateTag]) -> V {
        .array(list.map { .object([("Key", .string($0.key)), ("Value", .string($0.value))]) })
    }

    func withTags(_ pairs: [(String, V)], _ list: [TemplateTag]) -> [(String, V)] {
        list.isEmpty ? pairs : pairs + [("Tags", tags(list))]
    }

    func role(_ policy: RolePolicy) -> V {
        var properties: [(String, V)] = [
            ("AssumeRolePolicyDocument", .object([
                ("Version", .string("2012-10-17")),
                ("Statement", .array([.object([
                    ("Effect", .string("Allow")),
                    ("Principal", .object([("Service", .string("sagemaker.amazonaws.com"))])),
                    ("Action", .string("sts:AssumeRole")),
                ])])),
            ])),
        ]
        switch policy {
        case .managed:
            properties.append(("ManagedPolicyArns", .array([sub("arn:${AWS::Partition}:iam::aws:policy/AmazonSageMakerFullAccess")])))
        case .leastPrivilege:
            properties.append(("Policies", .array([.object([
                ("PolicyName", .string("jumpstart-endpoint")),
                ("PolicyDocument", .object([
                    ("Version", .string("2012-10-17")),
                    ("Statement", .array(leastPrivilegeStatements())),
                ])),
            ])])))
        }
        return .object([
            ("Type", .string("AWS::IAM::Role")),
            ("Properties", .object(withTags(properties, answers.options.tags))),
        ])
    }

    /// Reading the model data, pulling the image, writing logs and metrics; nothing else.
    func leastPrivilegeStatements() -> [V] {
        guard case let .container(image, data) = plan.source else { return [] }
        func statement(_ sid: String, _ actions: [String], _ resources: [V], condition: V? = nil) -> V {
            var pairs: [(String, V)] = [
                ("Sid", .string(sid)), ("Effect", .string("Allow")),
                ("Action", actions.count == 1 ? .string(actions[0]) : .array(actions.map { .string($0) })),
                ("Resource", resources.count == 1 ? resources[0] : .array(resources)),
            ]
            if let condition { pairs.append(("Condition", condition)) }
            return .object(pairs)
        }
        var out: [V] = []
        switch data.kind {
        case .compressedArchive:
            out.append(statement("ReadModelData", ["s3:GetObject"], [sub("arn:${AWS::Partition}:s3:::\(data.bucket)/\(data.key)")]))
        case .uncompressedPrefix:
            out.append(statement("ReadModelData", ["s3:GetObject"], [sub("arn:${AWS::Partition}:s3:::\(data.bucket)/\(data.key)*")]))
            out.append(statement(
                "ListModelData", ["s3:ListBucket"], [sub("arn:${AWS::Partition}:s3:::\(data.bucket)")],
                condition: .object([("StringLike", .object([("s3:prefix", .string("\(data.key)*"))]))])))
        }
        if let repository = Self.repositoryArn(image: image) {
            out.append(statement(
                "PullImage", ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                [sub(repository)]))
        }
        out.append(statement("EcrAuthorization", ["ecr:GetAuthorizationToken"], [.string("*")]))
        out.append(statement(
            "WriteLogs", ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
            [sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/sagemaker/Endpoints/\(endpointName)"),
             sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/sagemaker/Endpoints/\(endpointName):log-stream:*")]))
        out.append(statement("PutMetrics", ["cloudwatch:PutMetricData"], [.string("*")]))
        if !answers.options.vpcSubnets.isEmpty {
            out.append(statement("VpcNetworkInterfaces", [
                "ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface",
                "ec2:DeleteNetworkInterfacePermission", "ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs",
            ], [.string("*")]))
        }
        return out
    }

    /// `ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO:TAG` → the repository's ARN (partition as a pseudo parameter).
    static func repositoryArn(image: String) -> String? {
        guard let slash = image.firstIndex(of: "/") else { return nil }
        let host = image[..<slash].split(separator: ".")
        var repo = image[image.index(after: slash)...]
        if let at = repo.firstIndex(of: "@") { repo = repo[..<at] } else if let colon = repo.lastIndex(of: ":") { repo = repo[..<colon] }
        guard host.count >= 4, host[1] == "dkr", host[2] == "ecr", !repo.isEmpty else { return nil }
        return "arn:${AWS::Partition}:ecr:\(host[3]):\(host[0]):repository/\(repo)"
    }

    func model() -> V {
        var properties: [(String, V)] = []
        switch answers.options.role {
        case .existing(let arn): properties.append(("ExecutionRoleArn", .string(arn)))
        case .create: properties.append(("ExecutionRoleArn", getAtt(Id.role, "Arn")))
        }
        properties.append(("EnableNetworkIsolation", .bool(true)))
        switch plan.source {
        case .modelPackage(let arn):
            properties.append(("PrimaryContainer", .object([("ModelPackageName", .string(arn))])))
        case let .container(image, data):
            var container: [(String, V)] = [("Image", .string(image))]
            switch data.kind {
            case .compressedArchive:
                container.append(("ModelDataUrl", .string(data.url)))
            case .uncompressedPrefix:
                container.append(("ModelDataSource", .object([("S3DataSource", .object([
                    ("S3Uri", .string(data.url)),
                    ("S3DataType", .string("S3Prefix")),
                    ("CompressionType", .string("None")),
                    ("ModelAccessConfig", .object([("AcceptEula", .bool(plan.eulaAccepted))])),
                ]))])))
            }
            if !plan.environment.isEmpty {
                container.append(("Environment", .object(plan.environment.map { ($0.name, .string($0.value)) })))
            }
            properties.append(("PrimaryContainer", .object(container)))
        }
        if !answers.options.vpcSubnets.isEmpty {
            properties.append(("VpcConfig", .object([
                ("SecurityGroupIds", .array(answers.options.vpcSecurityGroups.map { .string($0) })),
                ("Subnets", .array(answers.options.vpcSubnets.map { .string($0) })),
            ])))
        }
        return .object([
            ("Type", .string("AWS::SageMaker::Model")),
            ("Properties", .object(withTags(properties, catalogTags + answers.options.tags))),
        ])
    }

    func endpointConfig() -> V {
        var properties: [(String, V)] = [
            ("ProductionVariants", .array([.object([
                ("VariantName", .string("AllTraffic")),
                ("ModelName", getAtt(Id.model, "ModelName")),
                ("InstanceType", .string(plan.instanceType)),
                ("InitialInstanceCount", .int(plan.instanceCount)),
                ("InitialVariantWeight", .int(1)),
                ("ContainerStartupHealthCheckTimeoutInSeconds", .int(answers.options.healthCheckTimeout ?? TemplateOptions.defaultHealthCheckTimeout)),
            ] + (plan.entry.startupTimeouts.modelDataDownload.map { [("ModelDataDownloadTimeoutInSeconds", .int($0))] } ?? []))])),
        ]
        if let key = answers.options.kmsKeyId { properties.append(("KmsKeyId", .string(key))) }
        return .object([
            ("Type", .string("AWS::SageMaker::EndpointConfig")),
            ("Properties", .object(withTags(properties, answers.options.tags))),
        ])
    }

    /// Application Auto Scaling's handle on the variant's instance count: the autoscaling range, and
    /// the schedule's actions. No role: Application Auto Scaling uses its service-linked role.
    func scalableTarget() -> V {
        let c = plan.capacity
        var properties: [(String, V)] = [
            ("ServiceNamespace", .string("sagemaker")),
            ("ScalableDimension", .string("sagemaker:variant:DesiredInstanceCount")),
            // From the endpoint's own name, so the two can't drift apart.
            ("ResourceId", sub("endpoint/${\(Id.endpoint).EndpointName}/variant/AllTraffic")),
            ("MinCapacity", .int(c.range.lowerBound)),
            ("MaxCapacity", .int(c.range.upperBound)),
        ]
        // Elsewhere Application Auto Scaling uses (and creates) its service-linked role when none is
        // named; AWS GovCloud's CloudFormation requires the role named (cfn-lint E3003 there).
        if plan.region.hasPrefix("us-gov-") {
            properties.append(("RoleARN", sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint")))
        }
        if let s = c.schedule {
            func action(_ name: String, _ at: Int, _ min: Int, _ max: Int) -> V {
                .object([
                    ("ScheduledActionName", .string(name)),
                    ("Schedule", .string(s.cron(at: at))),
                    ("Timezone", .string(s.timeZone)),
                    ("ScalableTargetAction", .object([("MinCapacity", .int(min)), ("MaxCapacity", .int(max))])),
                ])
            }
            properties.append(("ScheduledActions", .array([
                action("working-hours-start", s.start, c.range.lowerBound, c.range.upperBound),
                action("working-hours-end", s.end, s.offHoursCount, s.offHoursCount),
            ])))
        }
        return .object([
            ("Type", .string("AWS::ApplicationAutoScaling::ScalableTarget")),
            ("Properties", .object(properties)),
        ])
    }

    /// Target tracking on invocations per instance, with the cool-downs `Capacity` documents.
    func scalingPolicy(_ target: Int) -> V {
        .object([
            ("Type", .string("AWS::ApplicationAutoScaling::ScalingPolicy")),
            ("Properties", .object([
                ("PolicyName", .string("\(endpointName)-invocations")),
                ("PolicyType", .string("TargetTrackingScaling")),
                ("ScalingTargetId", ref(Id.scalableTarget)),
                ("TargetTrackingScalingPolicyConfiguration", .object([
                    ("TargetValue", .int(target)),
                    ("PredefinedMetricSpecification", .object([("PredefinedMetricType", .string("SageMakerVariantInvocationsPerInstance"))])),
                    ("ScaleOutCooldown", .int(Capacity.scaleOutCooldown)),
                    ("ScaleInCooldown", .int(Capacity.scaleInCooldown)),
                ])),
            ])),
        ])
    }

    func endpoint() -> V {
        .object([
            ("Type", .string("AWS::SageMaker::Endpoint")),
            ("Properties", .object(withTags([
                ("EndpointName", .string(endpointName)),
                ("EndpointConfigName", getAtt(Id.endpointConfig, "EndpointConfigName")),
            ], answers.options.tags))),
        ])
    }
}
