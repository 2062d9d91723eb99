public import HangarCore

extension HangarError.Code {
    /// An exec policy file is malformed: bad JSON, an unknown key, a wrong type, an unknown action or a bad
    /// glob. The message names the JSON path of the offending value, such as `$.rules[2].action`.
    public static let policyInvalid = Self("policy_invalid", family: .configuration)
    /// The exec policy denies the command; it was not run.
    public static let policyDenied = Self("policy_denied", family: .forbidden)
    /// The exec policy requires a human to approve this exact command before it runs.
    public static let approvalRequired = Self("approval_required", family: .approvalRequired)
}
