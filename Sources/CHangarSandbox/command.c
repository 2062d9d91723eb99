// The command itself: forked by the init, confined, then exec'd. The child path between fork and exec uses
// only async-signal-safe calls (open, dup2, setrlimit, chdir, prctl, raw syscalls, execve, write, _exit).
#define _GNU_SOURCE
#include "sandbox_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/// What the child reports through the CLOEXEC pipe when it cannot exec; nothing arrives on success.
struct exec_failure {
    int stage;  // FAILED_EXEC or FAILED_CHDIR
    int error;  // errno
};

enum { FAILED_EXEC = 1, FAILED_CHDIR = 2, FAILED_SETUP = 3 };

/// Lowers a resource limit to at most `value` (both soft and hard). Never raises: CAP_SYS_RESOURCE is missing.
static int lower_limit(int resource, rlim_t value) {
    struct rlimit limit;
    if (getrlimit(resource, &limit) != 0) {
        return -1;
    }
    if (limit.rlim_max == RLIM_INFINITY || limit.rlim_max > value) {
        limit.rlim_max = value;
    }
    if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
    }
    return setrlimit(resource, &limit);
}

/// Drops every capability: the bounding set (so exec as uid 0 grants none), the ambient set, and the
/// effective/permitted/inheritable sets. Without this, root inside could simply unmount the read-only views.
static int drop_capabilities(void) {
    for (int capability = 0; capability <= 63; capability++) {
        if (prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0 && errno != EINVAL) {
            return -1;
        }
    }
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0) {
        return -1;
    }
    struct __user_cap_header_struct header = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
    struct __user_cap_data_struct data[2] = {{0, 0, 0}, {0, 0, 0}};
    return (int)syscall(SYS_capset, &header, data);
}

/// Makes the command's tree the OOM killer's first choice (raising needs no capability), so that at the memory
/// limit the kernel kills the command rather than the helper or the init, whose results must get out.
static int prefer_for_oom_kill(void) {
    int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    int result = sandbox_write_all(fd, "1000", 4);
    close(fd);
    return result;
}

/// Reports a failure to the init and exits; async-signal-safe.
static void child_fail(int pipe_fd, int stage) __attribute__((noreturn));
static void child_fail(int pipe_fd, int stage) {
    struct exec_failure failure = {.stage = stage, .error = errno};
    (void)!write(pipe_fd, &failure, sizeof(failure));
    _exit(127);
}

/// The child between fork and exec.
static void run_child(const struct sandbox_options *options, int pipe_fd) __attribute__((noreturn));
static void run_child(const struct sandbox_options *options, int pipe_fd) {
    if (setsid() < 0) {
        child_fail(pipe_fd, FAILED_SETUP);
    }
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd < 0 || dup2(null_fd, STDIN_FILENO) < 0) {
        child_fail(pipe_fd, FAILED_SETUP);
    }
    if (null_fd != STDIN_FILENO) {
        close(null_fd);
    }
    if (lower_limit(RLIMIT_CORE, 0) != 0 || lower_limit(RLIMIT_NOFILE, (rlim_t)options->nofile) != 0) {
        child_fail(pipe_fd, FAILED_SETUP);
    }
    if (prefer_for_oom_kill() != 0) {
        child_fail(pipe_fd, FAILED_SETUP);
    }
    if (chdir(options->workdir) != 0) {
        child_fail(pipe_fd, FAILED_CHDIR);
    }
    // Nothing but stdin, stdout and stderr survives the exec (the report pipe is already CLOEXEC).
    if (syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) != 0) {
        child_fail(pipe_fd, FAILED_SETUP);
    }
    if (drop_capabilities() != 0 || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        child_fail(pipe_fd, FAILED_SETUP);
    }
    // execvp searches the PATH of `environ`, which must be the command's, not the helper's.
    environ = options->environment;
    execvp(options->command[0], options->command);
    child_fail(pipe_fd, FAILED_EXEC);
}

int sandbox_run_command(const struct sandbox_options *options, int *exec_errno, int *chdir_errno) {
    *exec_errno = 0;
    *chdir_errno = 0;
    int failure_pipe[2];
    if (pipe2(failure_pipe, O_CLOEXEC) != 0) {
        return -1;
    }
    pid_t child = fork();
    if (child < 0) {
        return -1;
    }
    if (child == 0) {
        close(failure_pipe[0]);
        run_child(options, failure_pipe[1]);
    }
    close(failure_pipe[1]);
    struct exec_failure failure = {0, 0};
    ssize_t count;
    do {
        count = read(failure_pipe[0], &failure, sizeof(failure));
    } while (count < 0 && errno == EINTR);
    close(failure_pipe[0]);
    if (count == (ssize_t)sizeof(failure)) {
        if (failure.stage == FAILED_EXEC) {
            *exec_errno = failure.error;
        } else if (failure.stage == FAILED_CHDIR) {
            *chdir_errno = failure.error;
        } else {
            errno = failure.error;
            return -1;
        }
    }
    // As PID 1, reap every process: orphans of the command are re-parented here.
    for (;;) {
        int status = 0;
        pid_t reaped = wait(&status);
        if (reaped == child) {
            return status;
        }
        if (reaped < 0 && errno != EINTR) {
            return -1;
        }
    }
}
