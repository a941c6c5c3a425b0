import JumpStartCore

/// The wizard edits the core's `ExportAnswers` directly — the same answers type `export`,
/// `--from` and the template builder use — through these form-shaped views of its fields (a
/// text box holds "" where the answers hold nil). Nothing here is stored twice.
extension ExportAnswers {
    /// A fresh set of answers in a region: no model chosen yet.
    public static func empty(region: String = "us-east-1") -> ExportAnswers {
        ExportAnswers(model: "", region: region)
    }

    /// `MODEL@VERSION` (or `MODEL`), "" before a model is chosen.
    public var modelReference: String {
        get { version.map { "\(model)@\($0)" } ?? model }
        set {
            let parts = newValue.split(separator: "@", maxSplits: 1).map(String.init)
            model = parts.first ?? ""
            version = parts.count > 1 ? parts[1] : nil
        }
    }

    /// The instance type, "" before one is chosen.
    public var chosenType: String {
        get { instanceType ?? "" }
        set { instanceType = newValue.isEmpty ? nil : newValue }
    }

    /// The endpoint name after `jumpstart-`, "" for none yet.
    public var endpointText: String {
        get { endpointName ?? "" }
        set { endpointName = newValue.isEmpty ? nil : newValue }
    }

    /// How the role is given, as the options step offers it.
    public enum RoleForm: String, Sendable, Equatable, CaseIterable {
        case managed
        case leastPrivilege = "least-privilege"
        case existing
    }

    public var roleForm: RoleForm {
        get {
            switch options.role {
            case .create(.managed): return .managed
            case .create(.leastPrivilege): return .leastPrivilege
            case .existing: return .existing
            }
        }
        set {
            switch newValue {
            case .managed: options.role = .create(.managed)
            case .leastPrivilege: options.role = .create(.leastPrivilege)
            case .existing: options.role = .existing(arn: roleArn)
            }
        }
    }

    /// The existing role's ARN; "" when the template creates a role.
    public var roleArn: String {
        get { if case .existing(let arn) = options.role { return arn }; return "" }
        set { options.role = .existing(arn: newValue) }
    }

    public var subnets: [String] {
        get { options.vpcSubnets }
        set { options.vpcSubnets = newValue }
    }

    public var securityGroups: [String] {
        get { options.vpcSecurityGroups }
        set { options.vpcSecurityGroups = newValue }
    }

    /// The KMS key, "" for none.
    public var kmsKeyText: String {
        get { options.kmsKeyId ?? "" }
        set { options.kmsKeyId = newValue.isEmpty ? nil : newValue }
    }

    public var healthCheckTimeout: Int? {
        get { options.healthCheckTimeout }
        set { options.healthCheckTimeout = newValue }
    }
}
