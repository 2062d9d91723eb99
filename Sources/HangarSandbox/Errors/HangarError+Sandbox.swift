public import HangarCore

extension HangarError.Code {
    /// The command's executable does not exist inside the sandbox (exec failed with ENOENT).
    public static let commandNotFound = Self("command_not_found", family: .notFound)
    /// A limit is below what any command needs (memory under 8 MiB, pids under 1, cpu out of range, timeout ≤ 0).
    public static let limitTooLow = Self("limit_too_low", family: .invalidInput)
    /// The sandbox could not be set up or torn down; the command did not run as asked.
    public static let sandboxFailed = Self("sandbox_failed", family: .sandbox)
    /// The requested network mode is not available on this server.
    public static let networkModeUnavailable = Self("network_mode_unavailable", family: .unavailable)
}
