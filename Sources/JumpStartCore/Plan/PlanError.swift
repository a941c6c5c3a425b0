/// Why a deployment can't be made, with everything a message needs to say what would work.
public enum PlanError: Error, Sendable, Equatable {
    /// The entry needs its EULA accepted (rule 1).
    case eulaNotAccepted(model: String, version: String, eulaKey: String, eulaURL: String?)
    /// The instance type isn't one the entry supports (rule 2).
    case unsupportedInstanceType(
        instanceType: String, defaultInstanceType: String, supported: [String], deployableInRegion: [String])
    /// Instance count must be a whole number of at least 1; never silently raised.
    case invalidInstanceCount(Int)
    /// Model packages take no environment variables (rule 3).
    case environmentNotAllowedForModelPackage(names: [String])
    /// The model package has no ARN for this region (rule 3).
    case modelPackageNotInRegion(region: String, availableRegions: [String])
    /// The region isn't one where JumpStart serves content (rule 4).
    case notAJumpStartRegion(region: String, jumpStartRegions: [String])
    /// The entry's data is gated and the region has no gated bucket (rule 4).
    case noGatedBucket(region: String, regionsWithGatedBucket: [String])
    /// The entry names no image for the instance family (rule 4).
    case noImageForInstanceFamily(instanceType: String, family: String, deployableInRegion: [String])
    /// The entry's image alias has no image in this region (rule 4).
    case noImageInRegion(
        instanceType: String, region: String, regionsWithImage: [String], deployableInRegion: [String])
    /// CloudFormation doesn't offer the template's resource types in the region (it would refuse the
    /// stack there); `nearest`: the nearest regions where this model and type do deploy.
    case notOfferedByCloudFormation(region: String, missingTypes: [String], source: String, nearest: [String])

    /// A short reason, for tables ("no image in eu-west-1").
    public var shortReason: String {
        switch self {
        case .eulaNotAccepted: return "EULA not accepted"
        case .unsupportedInstanceType: return "not supported by the model"
        case .invalidInstanceCount: return "instance count below 1"
        case .environmentNotAllowedForModelPackage: return "no environment for model packages"
        case .modelPackageNotInRegion(let region, _): return "no model package in \(region)"
        case .notAJumpStartRegion(let region, _): return "\(region) is not a JumpStart region"
        case .noGatedBucket(let region, _): return "no gated bucket in \(region)"
        case .noImageForInstanceFamily(_, let family, _): return "no image for \(family)"
        case .noImageInRegion(_, let region, _, _): return "no image in \(region)"
        case .notOfferedByCloudFormation(let region, _, _, _): return "CloudFormation has no SageMaker in \(region)"
        }
    }
}

extension PlanError: CustomStringConvertible {
    /// One clear sentence: what is wrong, and what would be right.
    public var description: String {
        switch self {
        case let .eulaNotAccepted(model, version, _, url):
            let doc = url.map { " Read it at \($0), then" } ?? " Read it, then"
            return "\(model)@\(version) needs its end-user licence agreement (EULA) accepted.\(doc) accept it with --accept-eula."
        case let .unsupportedInstanceType(type, def, supported, here):
            var s = "Instance type \(type) is not supported by this model. Default: \(def). Supported: \(supported.joined(separator: ", "))."
            if here.count != supported.count {
                s += here.isEmpty ? " None of them deploys in this region." : " Deployable in this region: \(here.joined(separator: ", "))."
            }
            return s
        case let .invalidInstanceCount(n):
            return "Instance count \(n) is not allowed: it must be a whole number of at least 1."
        case let .environmentNotAllowedForModelPackage(names):
            return "This model deploys from a SageMaker model package, which takes no environment variables (got \(names.joined(separator: ", "))). Remove them."
        case let .modelPackageNotInRegion(region, available):
            return "This model's package is not available in \(region). Regions that have it: \(available.joined(separator: ", "))."
        case let .notAJumpStartRegion(region, all):
            return "\(region) is not a JumpStart region. JumpStart regions: \(all.joined(separator: ", "))."
        case let .noGatedBucket(region, withBucket):
            return "This model's data is gated and \(region) has no gated JumpStart bucket. Regions with one: \(withBucket.joined(separator: ", "))."
        case let .noImageForInstanceFamily(type, family, here):
            let alt = here.isEmpty ? "No instance type of this version deploys here; try another version." : "Instance types that deploy here: \(here.joined(separator: ", "))."
            return "The catalog has no container image for \(type) (family \(family)) in this model version. \(alt)"
        case let .noImageInRegion(type, region, regions, here):
            var s = "The catalog has no container image for \(type) in \(region)."
            if !here.isEmpty { s += " Instance types that deploy in \(region): \(here.joined(separator: ", "))." }
            s += regions.isEmpty ? " It has an image for \(type) in no region." : " Regions with an image for \(type): \(regions.joined(separator: ", "))."
            return s
        case let .notOfferedByCloudFormation(region, missing, source, nearest):
            var s = "CloudFormation does not offer \(missing.joined(separator: ", ")) in \(region) (\(source)'s region data), so it would refuse this template there."
            s += nearest.isEmpty ? " No region where this model deploys has them." : " The nearest regions where it deploys: \(nearest.joined(separator: ", "))."
            return s
        }
    }
}
