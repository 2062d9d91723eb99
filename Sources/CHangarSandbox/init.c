// PID 1 of the sandbox's PID namespace. It is forked from the single-threaded helper, so it may call any
// libc function. It enters the remaining namespaces, builds the root, runs the command, reaps every orphan,
// and reports the command's status. When it exits the kernel kills whatever is left in the namespace.
#define _GNU_SOURCE
#include "sandbox_internal.h"

#include <errno.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/// Exit status of the init when it reports a failure (the helper reads the report, not this).
#define INIT_FAILURE 125

static int report_fd = -1;

/// Writes `line` to the helper and exits.
static void report_and_exit(const char *line, int status) __attribute__((noreturn));
static void report_and_exit(const char *line, int status) {
    sandbox_write_all(report_fd, line, strlen(line));
    _exit(status);
}

/// Reports `setup_error STAGE: strerror(errno)` and exits.
static void fail(const char *stage) __attribute__((noreturn));
static void fail(const char *stage) {
    char line[256];
    snprintf(line, sizeof(line), "setup_error %s: %s\n", stage, strerror(errno));
    report_and_exit(line, INIT_FAILURE);
}

/// Sets IFF_UP on "lo" in a fresh network namespace, so loopback works inside the sandbox.
static int loopback_up(void) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    struct ifreq request;
    memset(&request, 0, sizeof(request));
    strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
    int result = ioctl(fd, SIOCGIFFLAGS, &request);
    if (result == 0) {
        request.ifr_flags |= IFF_UP | IFF_RUNNING;
        result = ioctl(fd, SIOCSIFFLAGS, &request);
    }
    int saved = errno;
    close(fd);
    errno = saved;
    return result;
}

/// Dies with the helper: PR_SET_PDEATHSIG, then a check that the helper did not die before it was armed.
static void tie_to_helper(int alive_fd) {
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) {
        fail("prctl pdeathsig");
    }
    struct pollfd alive = {.fd = alive_fd, .events = POLLIN};
    if (poll(&alive, 1, 0) > 0 && (alive.revents & (POLLHUP | POLLERR)) != 0) {
        _exit(INIT_FAILURE);
    }
}

void sandbox_init_main(const struct sandbox_options *options, int report, int alive_fd) {
    report_fd = report;
    tie_to_helper(alive_fd);
    int flags = CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | (options->network_host ? 0 : CLONE_NEWNET);
    if (unshare(flags) != 0) {
        fail("unshare namespaces");
    }
    if (sethostname("hangar", strlen("hangar")) != 0) {
        fail("sethostname");
    }
    if (!options->network_host && loopback_up() != 0) {
        fail("loopback up");
    }
    const char *stage = "root";
    if (sandbox_build_root(options, &stage) != 0) {
        fail(stage);
    }
    int exec_errno = 0;
    int chdir_errno = 0;
    int status = sandbox_run_command(options, &exec_errno, &chdir_errno);
    if (status < 0) {
        fail("start command");
    }
    char line[64];
    if (exec_errno != 0) {
        snprintf(line, sizeof(line), "exec_error %d\n", exec_errno);
    } else if (chdir_errno != 0) {
        snprintf(line, sizeof(line), "chdir_error %d\n", chdir_errno);
    } else if (WIFSIGNALED(status)) {
        snprintf(line, sizeof(line), "signal %d\n", WTERMSIG(status));
    } else {
        snprintf(line, sizeof(line), "exit %d\n", WEXITSTATUS(status));
    }
    report_and_exit(line, 0);
}
