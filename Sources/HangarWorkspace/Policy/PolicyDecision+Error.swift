public import HangarCore

extension PolicyDecision {
    /// The error the runtime raises for this decision before running anything: `policy_denied` for `deny`,
    /// `approval_required` for `require_approval`, and `nil` for the actions that let the command run.
    public var error: HangarError? {
        let source = rule.map { " (rule \($0))" } ?? ""
        switch action {
        case .allow, .allowWithCheckpoint:
            return nil
        case .deny:
            return HangarError(.policyDenied, "the exec policy denies this command\(source): \(reason)")
        case .requireApproval:
            return HangarError(.approvalRequired, "this command needs a human's approval\(source): \(reason)")
        }
    }
}
