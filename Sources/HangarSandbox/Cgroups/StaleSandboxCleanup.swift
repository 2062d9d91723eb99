import Glibc
import Logging

/// Removes what a crashed runner left behind: empty `hangar/<pid>-<n>` cgroups and `<pid>-<n>` scratch
/// directories whose owning process is gone. Entries of live processes are never touched, so runners in
/// several processes can share the machine. Logged at debug: this housekeeping must not reach a command's
/// stderr (`hangar exec` prints the command's own stderr and nothing else).
enum StaleSandboxCleanup {
    static func run(cgroupRoot: String, runDirectory: String, logger: Logger) {
        for hierarchy in SandboxCgroup.hierarchies {
            let parent = "\(cgroupRoot)/\(hierarchy)/\(SandboxCgroup.parentName)"
            for name in SystemFile.entries(of: parent) where isStale(name) {
                if rmdir("\(parent)/\(name)") == 0 {
                    logger.debug("removed a stale sandbox cgroup", metadata: ["sandbox.exec_id": "\(name)"])
                }
            }
        }
        for name in SystemFile.entries(of: runDirectory) where isStale(name) {
            ExecScratch(directory: "\(runDirectory)/\(name)").remove()
            logger.debug("removed a stale sandbox directory", metadata: ["sandbox.exec_id": "\(name)"])
        }
    }

    /// An execution id ("<pid>-<n>") whose process no longer exists.
    static func isStale(_ name: String) -> Bool {
        guard let pid = ExecID.ownerPID(of: name) else { return false }
        return pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }
}
