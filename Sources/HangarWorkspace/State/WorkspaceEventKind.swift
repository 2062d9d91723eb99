/// The event kinds of the workspace runtime. Each payload carries the full record after the change, so the
/// projector is a pure function of the event.
public enum WorkspaceEventKind {
    public static let vaultCreated = "vault.created"
    public static let vaultPromoted = "vault.promoted"
    public static let vaultDeleted = "vault.deleted"
    public static let forked = "workspace.forked"
    public static let checkpointed = "workspace.checkpointed"
    public static let rolledBack = "workspace.rolled_back"
    public static let discarded = "workspace.discarded"
    public static let mounted = "workspace.mounted"
    public static let unmounted = "workspace.unmounted"
    public static let collected = "workspace.collected"
    public static let squashed = "workspace.squashed"
    public static let executed = "workspace.exec"
    public static let fileWritten = "workspace.file_written"
    public static let approvalRequested = "approval.requested"
    public static let approvalGranted = "approval.granted"
    public static let approvalConsumed = "approval.consumed"
    public static let collectedGarbage = "workspace.gc"
}
