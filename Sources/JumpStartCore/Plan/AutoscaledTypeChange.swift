/// What to do when an autoscaled (or scheduled) variant's instance type changes: SageMaker can't
/// update a variant's instance type while Application Auto Scaling manages it (SageMaker Developer
/// Guide, "Update or delete endpoints that use automatic scaling"). Said by `export --from` and by
/// `diff`, in the same words.
public enum AutoscaledTypeChange {
    /// The warning and its two steps. `removeScaling` is step 1's "how", which differs between a
    /// template of ours (`export --from … --schedule none`) and any other (delete the resources).
    public static func text(from old: String, to new: String, endpoint: String, region: String, stillAutoscaling: Bool, removeScaling: String) -> String {
        [
            "warning: this endpoint's instance count is managed by Application Auto Scaling (autoscaling or a schedule), and SageMaker can't change such a variant's instance type (\(old) → \(new)) in place: deploying this over the running stack would fail. In two deployments instead:",
            "  1. Remove the scaling, keeping \(old): \(removeScaling), and deploy it (CloudFormation deletes the scalable target and its policy; endpoint \(endpoint) in \(region) keeps serving).",
            "  2. Deploy this template: the new instance type" + (stillAutoscaling ? ", and the scaling registered again." : "."),
        ].joined(separator: "\n")
    }

    /// Step 1 for a template of ours.
    public static let removeScalingOurs = "`jumpstart-tui export --from THE-DEPLOYED-TEMPLATE --count N --schedule none -o no-scaling.yaml`"
}
