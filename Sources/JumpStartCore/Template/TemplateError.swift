/// Why a template can't be written, each case carrying the field, the value and the limit, so its
/// message says what is wrong and what would be valid. Limits are the SageMaker, IAM and
/// CloudFormation APIs' own (their resource schemas and API models).
public enum TemplateError: Error, Sendable, Equatable {
    /// The catalog has no such model, version or region.
    case catalog(CatalogError)
    /// `--config NAME` names no usable deployment configuration of the version.
    case config(ConfigChoiceError)
    /// A capacity answer breaks a rule (`CapacityRules`).
    case capacity(CapacityError)
    /// A rule of DESIGN.md §2; `newestDeployable` names a version that deploys when the person
    /// gave no version.
    case plan(PlanError, newestDeployable: String?)
    case endpointNameTooLong(name: String, length: Int)
    case endpointNameInvalid(name: String)
    case instanceCountInvalid(text: String)
    case healthCheckTimeoutInvalid(text: String)
    case environmentMalformed(argument: String)
    case environmentNameInvalid(name: String)
    case environmentNameTooLong(name: String, bytes: Int)
    case environmentValueTooLong(name: String, bytes: Int)
    case environmentDuplicate(name: String)
    case tooManyEnvironmentVariables(count: Int)
    case environmentTooLarge(bytes: Int)
    case tagMalformed(argument: String)
    case tagKeyInvalid(key: String)
    case tagValueInvalid(key: String, value: String)
    case tagKeyReserved(key: String)
    case tagDuplicate(key: String)
    case tooManyTags(resource: String, count: Int, catalogTags: Int)
    case roleArnInvalid(arn: String)
    case roleArnAndPolicy
    case rolePolicyInvalid(text: String)
    case vpcIncomplete(subnets: Int, securityGroups: Int)
    case tooManySubnets(count: Int)
    case tooManySecurityGroups(count: Int)
    case subnetIdInvalid(id: String)
    case securityGroupIdInvalid(id: String)
    case kmsKeyInvalid(key: String)
    /// CreateEndpointConfig refuses a KmsKeyId for instance types with local instance storage.
    case kmsKeyWithInstanceStorage(instanceType: String)
    /// `export --from`: the file can't be read or isn't a template this program wrote.
    case templateUnreadable(path: String, reason: String)
    case templateNotOurs(path: String)
    case templateFormatVersion(path: String, found: Int)
    case templateAnswerMissing(path: String, field: String)
    /// Metadata answers that contradict each other (both RoleArn and RolePolicy).
    case templateAnswersConflict(path: String, fields: String)
    /// The template's own answers don't build here, so its Resources can't be checked for hand edits.
    case templateEditsUnchecked(path: String, reason: String)
    /// A hand edit of the template's Resources, read back into an answer, breaks that answer's rule.
    indirect case templateEditInvalid(path: String, property: String, error: TemplateError)
}

extension TemplateError: CustomStringConvertible {
    /// One sentence (or two): what is wrong, and what would be valid — naming the command-line flag.
    public var description: String { text() }

    /// The option an error is about, as the command line names it; nil for errors about no one option.
    public var flag: String? {
        switch self {
        case .endpointNameTooLong, .endpointNameInvalid: return "--endpoint-name"
        case .instanceCountInvalid: return "--count"
        case .healthCheckTimeoutInvalid: return "--health-check-timeout"
        case .environmentMalformed, .environmentNameInvalid, .environmentNameTooLong, .environmentValueTooLong, .environmentDuplicate: return "--env"
        case .tagMalformed, .tagKeyInvalid, .tagValueInvalid, .tagKeyReserved, .tagDuplicate, .tooManyTags: return "--tag"
        case .vpcIncomplete: return "--vpc-subnet"
        case .roleArnInvalid: return "--role-arn"
        case .rolePolicyInvalid: return "--role-policy"
        case .tooManySubnets, .subnetIdInvalid: return "--vpc-subnet"
        case .tooManySecurityGroups, .securityGroupIdInvalid: return "--vpc-security-group"
        case .kmsKeyWithInstanceStorage, .kmsKeyInvalid: return "--kms-key-id"
        case .capacity(let e): return e.field.flag
        default: return nil
        }
    }

    /// The same sentence naming the field as `name` (the wizard's label) instead of the flag.
    public func text(naming name: String? = nil) -> String {
        let n = name ?? flag ?? ""
        switch self {
        case .catalog(let e):
            return e.description
        case .config(let e):
            return e.description
        case .capacity(let e):
            return e.text(naming: n)
        case let .plan(e, newest):
            guard let newest else { return e.description }
            return e.description + " The newest version that deploys here on its default instance type is \(newest)."
        case let .endpointNameTooLong(name, length):
            return "\(n) \(name) is \(length) characters long; it may have at most \(TemplateRules.maxEndpointNameLength) (63 with the jumpstart- prefix)."
        case let .endpointNameInvalid(name):
            return "\(n) \"\(name)\" is not a valid endpoint name: use letters, digits and hyphens, starting and ending with a letter or digit (jumpstart-NAME must match ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$)."
        case let .instanceCountInvalid(text):
            return "\(n) \(text) is not allowed: the instance count must be a whole number from 1 to \(PricingError.maximumCount)."
        case let .healthCheckTimeoutInvalid(text):
            return "\(n) \(text) is not allowed: give a whole number of seconds from 60 to 3600 (default 600)."
        case let .environmentMalformed(argument):
            return "\(n) \"\(argument)\" is not KEY=VALUE: write it as NAME=value, for example --env MAX_INPUT_LENGTH=4096."
        case let .environmentNameInvalid(name):
            return "Environment variable name \"\(name)\" is not valid: it must match [a-zA-Z_][a-zA-Z0-9_]* (letters, digits and _, not starting with a digit)."
        case let .environmentNameTooLong(name, bytes):
            return "Environment variable name \(name.prefix(40))… is \(bytes) bytes long; names may have at most 1024 bytes."
        case let .environmentValueTooLong(name, bytes):
            return "The value of environment variable \(name) is \(bytes) bytes long; values may have at most 1024 bytes."
        case let .environmentDuplicate(name):
            return "Environment variable \(name) is given more than once; give each name once."
        case let .tooManyEnvironmentVariables(count):
            return "The environment would have \(count) variables (the catalog's and yours); SageMaker allows at most 100."
        case let .environmentTooLarge(bytes):
            return "The environment's names and values add up to \(bytes) bytes; SageMaker allows at most 32768 bytes in all."
        case let .tagMalformed(argument):
            return "\(n) \"\(argument)\" is not KEY=VALUE: write it as key=value, for example --tag team=ml."
        case let .tagKeyInvalid(key):
            return "Tag key \"\(key)\" is not valid: keys have 1 to 128 characters, each a letter, digit, space or one of _.:/=+-@."
        case let .tagValueInvalid(key, value):
            return "The value \"\(value)\" of tag \(key) is not valid: values have 0 to 256 characters, each a letter, digit, space or one of _.:/=+-@."
        case let .tagKeyReserved(key):
            return "Tag key \(key) is not allowed: keys starting with aws: are reserved for AWS; choose another key."
        case let .tagDuplicate(key):
            return "Tag key \(key) is given more than once (or is one the catalog already sets on the model); give each key once."
        case let .tooManyTags(resource, count, catalogTags):
            return "The \(resource) would have \(count) tags (\(catalogTags) from the catalog and \(count - catalogTags) of yours); a resource may have at most 50."
        case let .roleArnInvalid(arn):
            return "\(n) \(arn) is not an IAM role ARN: it must look like arn:aws:iam::123456789012:role/NAME (or role/PATH/NAME)."
        case .roleArnAndPolicy:
            return "--role-arn and --role-policy can't be used together: --role-arn uses an existing role, --role-policy sets the policy of the role the template creates."
        case let .rolePolicyInvalid(text):
            return "\(n) \(text) is not offered: use managed (AmazonSageMakerFullAccess, the default) or least-privilege."
        case let .vpcIncomplete(subnets, groups):
            return "A VPC needs both subnets and security groups: got \(subnets) --vpc-subnet and \(groups) --vpc-security-group. Give at least one of each, or neither."
        case let .tooManySubnets(count):
            return "\(n): \(count) given; SageMaker takes 1 to \(TemplateRules.maxSubnets) subnets."
        case let .tooManySecurityGroups(count):
            return "\(n): \(count) given; SageMaker takes 1 to \(TemplateRules.maxSecurityGroups) security groups."
        case let .subnetIdInvalid(id):
            return "\(n) \(id) is not a subnet id: it must look like subnet-0123456789abcdef0 (subnet- and 8 or 17 hexadecimal digits)."
        case let .securityGroupIdInvalid(id):
            return "\(n) \(id) is not a security group id: it must look like sg-0123456789abcdef0 (sg- and 8 or 17 hexadecimal digits)."
        case let .kmsKeyWithInstanceStorage(type):
            return "\(n) can't be used with \(type): it has local NVMe instance storage, which SageMaker encrypts with a hardware module, and CreateEndpointConfig refuses a KmsKeyId for such types. Remove \(n), or choose a type without instance storage."
        case let .kmsKeyInvalid(key):
            return "\(n) \(key) is not a KMS key: give a key id (1234abcd-12ab-34cd-56ef-1234567890ab or mrk-…), a key ARN, an alias name (alias/NAME) or an alias ARN."
        case let .templateUnreadable(path, reason):
            return "Can't read the template \(path): \(reason)."
        case let .templateNotOurs(path):
            return "\(path) has no Metadata.JumpStartTUI section, so it was not exported by jumpstart-tui; export --from only reopens templates this program wrote."
        case let .templateFormatVersion(path, found):
            return "\(path) was written with answers format \(found); this jumpstart-tui reads formats 1 and \(TemplateMetadata.formatVersion). Export it again with a matching jumpstart-tui."
        case let .templateAnswerMissing(path, field):
            return "\(path) has Metadata.JumpStartTUI without a valid \(field); re-export the template or fix that field."
        case let .templateAnswersConflict(path, fields):
            return "\(path) has both \(fields) in Metadata.JumpStartTUI, which contradict each other; keep the one you mean and delete the other."
        case let .templateEditsUnchecked(path, reason):
            return "Can't check \(path) for hand edits: its Resources are compared only with what its own answers build (never another version), and they don't build with the catalog in use: \(reason) With --discard-edits it is rebuilt from its answers unchecked (give another MODEL@VERSION if its own is gone)."
        case let .templateEditInvalid(path, property, error):
            return "\(path) was edited by hand, and the edit can't be read back: \(error.text(naming: property)) Fix the value in the file's Resources."
        }
    }
}

/// A value that is allowed but risky: said on standard error, never a refusal.
public enum TemplateWarning: Sendable, Equatable {
    /// The value looks like an AWS access key id or secret access key; environment variables are
    /// visible to anyone who can describe the model.
    case secretLookingEnvironment(name: String)
    /// More than 10 instances: a large always-on bill.
    case largeInstanceCount(Int)
    /// The created role gets `AmazonSageMakerFullAccess`.
    case broadManagedPolicy
    /// Least privilege was asked for a model package; the managed policy is kept.
    case modelPackageKeepsManagedPolicy
    /// No current data on whether CloudFormation offers the template's resource types in the region.
    case cloudFormationSupportUnknown(region: String, source: String)
    /// In AWS GovCloud the scalable target names Application Auto Scaling's service-linked role,
    /// which must exist before the stack is deployed.
    case serviceLinkedRoleNeeded(region: String)
    /// A schedule acts only at its times: a stack deployed outside working hours starts at the
    /// working-hours capacity until the window next ends.
    case scheduleStartsAtWorkingHours(window: String)
}

extension TemplateWarning: CustomStringConvertible {
    public var description: String {
        switch self {
        case .secretLookingEnvironment(let name):
            return "Environment variable \(name) looks like an AWS access key or secret. Anyone who can describe the model can read it; SageMaker's documentation says not to put secrets in the environment."
        case .largeInstanceCount(let n):
            return "\(n) instances is a large always-on bill: an endpoint is charged for every instance, every hour, until it is deleted."
        case .broadManagedPolicy:
            return "The role gets the AWS managed policy AmazonSageMakerFullAccess, which is broad (all of SageMaker and more); --role-policy least-privilege limits it to this endpoint's model data, image, logs and metrics."
        case .modelPackageKeepsManagedPolicy:
            return "This model deploys from a SageMaker model package, whose model data and image live in the seller's account and can't be named in a policy; the role keeps the managed policy AmazonSageMakerFullAccess."
        case let .cloudFormationSupportUnknown(region, source):
            return "Whether CloudFormation offers SageMaker endpoints in \(region) is unknown (\(source) keeps no current data for it); check before deploying there."
        case .scheduleStartsAtWorkingHours(let window):
            return "The schedule acts at its times only: a stack created or updated outside \(window) runs the working-hours capacity until the window next ends (the figures assume the schedule is in step)."
        case .serviceLinkedRoleNeeded(let region):
            return "In \(region) (AWS GovCloud) CloudFormation needs the scalable target's role named: the template names Application Auto Scaling's service-linked role for SageMaker, which must exist first: aws iam create-service-linked-role --aws-service-name sagemaker.application-autoscaling.amazonaws.com --region \(region) (an error that it exists is fine)."
        }
    }
}
