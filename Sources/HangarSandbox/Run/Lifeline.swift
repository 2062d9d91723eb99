import Glibc
import HangarCore
import SystemPackage

/// The pipe whose read end is the helper's stdin and whose write end only this process holds (close-on-exec,
/// never written). When this process dies, even by SIGKILL, the kernel closes the write end, the helper sees
/// EOF and kills the sandbox at once.
///
/// PR_SET_PDEATHSIG against the runner cannot do this job: it fires when the spawning *thread* exits, and the
/// Swift concurrency pool's threads come and go.
struct Lifeline: ~Copyable {
    let readEnd: FileDescriptor
    private let writeEnd: Int32

    init() throws {
        var fds: [Int32] = [-1, -1]
        guard systemPipe2(&fds, O_CLOEXEC) == 0 else {
            throw HangarError(
                .sandboxFailed, "the sandbox could not be started", underlying: SystemCallError("pipe2", ""))
        }
        readEnd = FileDescriptor(rawValue: fds[0])
        writeEnd = fds[1]
    }

    deinit {
        close(writeEnd)
    }
}

/// pipe2(2), which Swift's Glibc module does not export. Both ends are created close-on-exec atomically, so no
/// process spawned concurrently from another thread can inherit the write end and hold the lifeline open.
@_silgen_name("pipe2")
private func systemPipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
