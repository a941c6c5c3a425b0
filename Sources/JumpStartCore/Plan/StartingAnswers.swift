/// Answers given on the command line before the wizard starts (`jumpstart-tui --model … --region …`).
/// Each is checked by the wizard as if typed, so a wrong one gets the same message there.
public struct StartingAnswers: Sendable, Equatable {
    public var model: String?
    public var region: String?
    public var instanceType: String?
    public var count: Int?
    /// A template this program exported, to reopen.
    public var fromTemplate: String?
    /// Reopen `fromTemplate` without asking about hand edits of its Resources that no answer holds: drop them.
    public var discardEdits: Bool

    public init(model: String? = nil, region: String? = nil, instanceType: String? = nil, count: Int? = nil, fromTemplate: String? = nil,
                discardEdits: Bool = false) {
        self.model = model
        self.region = region
        self.instanceType = instanceType
        self.count = count
        self.fromTemplate = fromTemplate
        self.discardEdits = discardEdits
    }
}
