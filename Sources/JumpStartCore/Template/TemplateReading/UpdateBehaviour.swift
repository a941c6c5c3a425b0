/// What CloudFormation does when a property of a SageMaker or scaling resource changes: updates
/// the resource in place, or replaces it (creates a new one, points the stack at it, deletes the
/// old one). The replacing properties are the `createOnlyProperties` of each type's CloudFormation
/// registry schema (the "Update requires: Replacement" of the resource reference; checked against
/// the schemas cfn-lint 1.51 ships), every other property updates with no interruption.
public enum UpdateBehaviour: Sendable, Equatable {
    case noInterruption
    case replacement
    /// A type this program has no table for.
    case unknown

    static let replacing: [String: Set<String>] = [
        "AWS::SageMaker::Model": ["ExecutionRoleArn", "EnableNetworkIsolation", "InferenceExecutionConfig", "PrimaryContainer", "ModelName", "VpcConfig", "Containers"],
        "AWS::SageMaker::EndpointConfig": ["KmsKeyId", "AsyncInferenceConfig", "ExecutionRoleArn", "ShadowProductionVariants", "EnableNetworkIsolation",
                                           "ProductionVariants", "DataCaptureConfig", "ExplainerConfig", "EndpointConfigName", "VpcConfig"],
        "AWS::SageMaker::Endpoint": ["EndpointName"],
        "AWS::ApplicationAutoScaling::ScalableTarget": ["ResourceId", "ScalableDimension", "ServiceNamespace"],
        "AWS::ApplicationAutoScaling::ScalingPolicy": ["PolicyName", "ServiceNamespace", "ResourceId", "ScalableDimension", "ScalingTargetId"],
    ]

    /// The property whose value names the resource: set by hand, it can't be replaced under the
    /// same name (CloudFormation creates the new resource before deleting the old one).
    static let nameProperty: [String: String] = [
        "AWS::SageMaker::Model": "ModelName", "AWS::SageMaker::EndpointConfig": "EndpointConfigName", "AWS::SageMaker::Endpoint": "EndpointName",
    ]

    public static func of(type: String, property: String) -> UpdateBehaviour {
        guard let set = replacing[type] else { return .unknown }
        return set.contains(property) ? .replacement : .noInterruption
    }

    /// The resource types `diff` looks at: SageMaker's and Application Auto Scaling's.
    public static func isWatched(_ type: String) -> Bool {
        type.hasPrefix("AWS::SageMaker::") || type.hasPrefix("AWS::ApplicationAutoScaling::")
    }
}
