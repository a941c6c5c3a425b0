import JumpStartCore
import TerminalUI

/// The wizard's steps, in order.
public enum Step: Int, Sendable, CaseIterable, Comparable {
    case model, instance, count, environment, options, review, export

    public var title: String {
        switch self {
        case .model: return "Model"
        case .instance: return "Instance type"
        case .count: return "Capacity"
        case .environment: return "Environment"
        case .options: return "Endpoint & options"
        case .review: return "Review"
        case .export: return "Export"
        }
    }

    public static func < (a: Step, b: Step) -> Bool { a.rawValue < b.rawValue }
}

/// A window over everything else: help, the region picker, a question, a message.
public enum Overlay: Sendable, Equatable {
    case help
    /// `typed`: what was typed to find a region by code or name ("frank", "eu-c").
    case regionPicker(selected: Int, typed: String = "")
    case confirmQuit
    case confirmOverwrite(path: String)
    /// A reopened template's Resources have hand edits no answer holds: go on without them, or quit.
    case confirmDiscardEdits(path: String, lost: [TemplateEdit], readBack: [ReadBackEdit])
    case alert(String)
}

/// The whole wizard, as data. Views read it; only `Wizard.reduce` changes it.
public struct WizardState: Sendable, Equatable {
    public var size: Size
    public var step: Step = .model
    /// The furthest step reached, so later steps can be revisited after going back.
    public var reached: Step = .model
    public var overlay: Overlay?
    /// A text shown whole on the full screen (`v`): the template, the commands, an address.
    public var viewer: TextViewer?
    /// Ctrl-G was pressed: the step list has the keys (a digit or ↑↓ Enter jumps); the step
    /// under the cursor.
    public var jumpCursor: Step?
    public var answers = ExportAnswers.empty()
    /// A message about the last key (a refusal, a hint), cleared by the next key.
    public var flash: String?
    public var quitting = false
    /// Printed once the screen is torn down (why the wizard quit without opening anything).
    public var exitMessage: String?
    /// The answers last written to a file, to know whether quitting loses work.
    public var exportedAnswers: ExportAnswers?

    // Step 1: the model list.
    public var filter = TextFieldState()
    public var filterFocused = false
    public var allVersions = false
    /// Indexes into the current `ModelFilter` of the models matching the filter.
    public var matches: [Int] = []
    public var modelSelection = 0
    public var modelScroll = 0
    /// The chosen entry.
    public var entry: CatalogEntry?
    /// A version asked for with Ctrl-N (the newest that deploys here), until it is loaded.
    public var switchingTo: String?
    /// Where the chosen entry's EULA can be read in the current region, when it needs one.
    public var eulaURL: String?

    // Step 2: instance types.
    public enum InstanceSort: String, Sendable, Equatable { case price, name }
    public var instanceSort: InstanceSort = .price
    public var instanceRows: [InstanceRow] = []
    public var instanceSelection = 0
    public var instanceScroll = 0

    // Step 3: capacity. The fixed count keeps its own field; the other rows' typed texts, errors
    // and switches are here.
    public var countField = TextFieldState(text: "1")
    public var capacityFocus: CapacityRow = .count
    public var capacityTexts: [CapacityRow: TextFieldState] = [:]
    public var capacityErrors: [CapacityRow: String] = [:]
    public var capacityAutoscaling = false
    public var capacityScheduled = false

    // Step 4: environment.
    public var envSelection = 0
    public var envEditor: EnvironmentEditor?

    // Step 5: options.
    public var optionFocus: OptionField = .endpointName
    public var optionFields: [OptionField: TextFieldState] = [:]
    public var optionErrors: [OptionField: String] = [:]

    // Step 6: review.
    public var reviewJSON = false
    public var reviewScroll = 0
    public var rendering: TemplateRendering?
    public var renderingProblem: String?

    // Step 7: export.
    public var exportPath = TextFieldState()
    public var exportedPath: String?
    /// What `export` prints after writing: quota, deploy, invoke, clean-up.
    public var nextSteps: [NextStep]?
    /// Whether the next digit typed replaces the count (true on arriving and after +/-).
    public var countReplaces = true

    /// The running estimate for the current answers (nil until an instance type is chosen).
    public var estimate: CostFigure?

    /// A price update under way (`u` on the instance step): the region and its progress.
    public var priceUpdate: PriceUpdateProgress?

    public init(size: Size, region: String = "us-east-1") {
        self.size = size
        self.answers.region = region
    }

    /// Whether there are answers that were never written to a file.
    public var hasUnsavedAnswers: Bool {
        entry != nil && exportedAnswers != answers
    }
}

/// A price update under way, for the status line.
public struct PriceUpdateProgress: Sendable, Equatable {
    public var region: String
    public var progress: String
}

/// One row of the instance-type table.
public struct InstanceRow: Sendable, Equatable {
    public var instanceType: String
    public var isDefault: Bool
    public var isCheapest: Bool
    public var hardware: HardwareSummary?
    public var cost: CostFigure
    /// Nil when it deploys; else the short reason it can't.
    public var problem: String?
    public var deploys: Bool { problem == nil }
    /// What a million output tokens cost at JumpStart's benchmark, where it publishes one.
    public var tokenCost: CostComparison.TokenCost? = nil
}

/// Adding or editing one environment variable.
public struct EnvironmentEditor: Sendable, Equatable {
    /// The variable being replaced, when editing.
    public var original: String?
    public var name: TextFieldState
    public var value: TextFieldState
    public var focusOnValue: Bool
    public var error: String?
}

/// The fields of the options step, in screen order.
public enum OptionField: String, Sendable, Equatable, CaseIterable, Hashable {
    case endpointName, healthCheckTimeout, role, roleArn, subnets, securityGroups, kmsKeyId, tags, eula

    public var label: String {
        switch self {
        case .endpointName: return "Endpoint name"
        case .healthCheckTimeout: return "Health-check timeout (s)"
        case .role: return "Execution role"
        case .roleArn: return "Existing role ARN"
        case .subnets: return "VPC subnets"
        case .securityGroups: return "VPC security groups"
        case .kmsKeyId: return "KMS key"
        case .tags: return "Tags (KEY=VALUE, …)"
        case .eula: return "EULA"
        }
    }

    /// Whether the field takes typed text (the others toggle with Space).
    public var isText: Bool { self != .role && self != .eula }
}
