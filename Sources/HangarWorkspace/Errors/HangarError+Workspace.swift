public import HangarCore

extension HangarError.Code {
    public static let invalidName = Self("invalid_name", family: .invalidInput)
    public static let pathEscapesWorkspace = Self("path_escapes_workspace", family: .invalidInput)
    public static let vaultNotFound = Self("vault_not_found", family: .notFound)
    public static let workspaceNotFound = Self("workspace_not_found", family: .notFound)
    public static let checkpointNotFound = Self("checkpoint_not_found", family: .notFound)
    public static let fileNotFound = Self("file_not_found", family: .notFound)
    public static let approvalNotFound = Self("approval_not_found", family: .notFound)
    public static let vaultExists = Self("vault_exists", family: .conflict)
    public static let workspaceExists = Self("workspace_exists", family: .conflict)
    public static let checkpointExists = Self("checkpoint_exists", family: .conflict)
    /// Another process holds the vault's lock (a promote is running).
    public static let vaultBusy = Self("vault_busy", family: .conflict)
    /// The workspace is in use: another command runs in it, or it is mounted on the host.
    public static let workspaceBusy = Self("workspace_busy", family: .conflict)
    /// The vault's head moved since the workspace was forked; promoting would drop someone else's change.
    public static let vaultMoved = Self("vault_moved", family: .conflict)
    /// The approval token does not match this command, has expired, or was used already.
    public static let approvalInvalid = Self("approval_invalid", family: .forbidden)
    public static let approvalUsed = Self("approval_used", family: .conflict)
    /// No copy-on-write mechanism works on this machine.
    public static let workspaceUnsupported = Self("workspace_unsupported", family: .unavailable)
    /// A file-system operation on the state directory failed.
    public static let workspaceIO = Self("workspace_io", family: .storage)
}
