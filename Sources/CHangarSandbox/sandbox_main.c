// The helper process: `hangar __sandbox ... -- ARGV`. It stays in the host's namespaces, joins the cgroups,
// forks the init of a new PID namespace (init.c), watches the lifeline, and writes one status line:
//
//   exit N | signal N | exec_error ERRNO | chdir_error ERRNO | setup_error STAGE: MESSAGE | lifeline_lost
//
// The helper itself exits 0 once the status is written, 125 when it could not even write it.
#define _GNU_SOURCE
#include "hangar_sandbox.h"
#include "sandbox_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/// Exit status of the helper when the status file cannot be written.
#define HELPER_FAILURE 125

int sandbox_write_all(int fd, const char *buffer, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, buffer, length);
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written < 0) {
            return -1;
        }
        buffer += written;
        length -= (size_t)written;
    }
    return 0;
}

/// Writes the status line to the already-open status file and returns the helper's exit status.
static int finish(int status_fd, const char *line) {
    size_t length = strlen(line);
    if (status_fd < 0 || sandbox_write_all(status_fd, line, length) != 0) {
        // Last resort: the runner reads stderr only as the command's output, so keep this short.
        dprintf(STDERR_FILENO, "hangar sandbox: %s", line);
        return HELPER_FAILURE;
    }
    close(status_fd);
    return 0;
}

/// Finishes with `setup_error STAGE: strerror(errno)`.
static int fail(int status_fd, const char *stage) {
    char line[256];
    snprintf(line, sizeof(line), "setup_error %s: %s\n", stage, strerror(errno));
    return finish(status_fd, line);
}

/// Reads the init's report (one line, written just before it exits) into `line`. Empty if there is none.
static void read_report(int report_fd, char *line, size_t size) {
    size_t used = 0;
    while (used + 1 < size) {
        ssize_t count = read(report_fd, line + used, size - 1 - used);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count <= 0) {
            break;
        }
        used += (size_t)count;
    }
    line[used] = '\0';
}

/// Waits for the init to exit while watching the lifeline (stdin). When the lifeline reaches EOF the runner
/// is gone: kill the init at once, which tears down the whole PID namespace. Returns 1 if that happened.
static int wait_for_init(pid_t init, int lifeline, int *wait_status) {
    int pidfd = (int)syscall(SYS_pidfd_open, init, 0);
    int lifeline_lost = 0;
    while (pidfd >= 0) {
        struct pollfd fds[2] = {{.fd = pidfd, .events = POLLIN}, {.fd = STDIN_FILENO, .events = POLLIN}};
        int ready = poll(fds, (lifeline && !lifeline_lost) ? 2 : 1, -1);
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready < 0 || (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
            break;
        }
        if (fds[1].revents != 0) {
            char scratch[64];
            ssize_t count = read(STDIN_FILENO, scratch, sizeof(scratch));
            // Anything written is ignored; only EOF (or an error) means the runner died.
            if (count == 0 || (count < 0 && errno != EINTR && errno != EAGAIN)) {
                lifeline_lost = 1;
                kill(init, SIGKILL);
            }
        }
    }
    while (waitpid(init, wait_status, 0) < 0) {
        if (errno != EINTR) {
            *wait_status = 0;
            break;
        }
    }
    if (pidfd >= 0) {
        close(pidfd);
    }
    return lifeline_lost;
}

int hangar_sandbox_main(int argc, char **argv) {
    struct sandbox_options options;
    char error[256];
    if (sandbox_parse_options(argc, argv, &options, error, sizeof(error)) != 0) {
        dprintf(STDERR_FILENO, "hangar sandbox: %s\n", error);
        if (options.status_file != NULL) {
            int fd = open(options.status_file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
            char line[300];
            snprintf(line, sizeof(line), "setup_error options: %s\n", error);
            return finish(fd, line);
        }
        return HELPER_FAILURE;
    }
    // Opened first, so every later failure can be reported.
    int status_fd = open(options.status_file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (status_fd < 0) {
        dprintf(STDERR_FILENO, "hangar sandbox: cannot open the status file: %s\n", strerror(errno));
        return HELPER_FAILURE;
    }
    if (sandbox_load_environment(&options) != 0) {
        return fail(status_fd, "environment");
    }
    // The file may hold secrets: gone from the disk as soon as it is in memory (the runner also removes it).
    if (options.env_file != NULL) {
        unlink(options.env_file);
    }
    // Join the cgroups before forking, so the init and every descendant are accounted and killable.
    if (sandbox_join_cgroups(&options) != 0) {
        return fail(status_fd, "cgroups");
    }
    // The report pipe carries the init's one-line result; the alive pipe lets the init notice a helper that
    // died before its PR_SET_PDEATHSIG was armed (its read end gets EOF).
    int report[2];
    int alive[2];
    if (pipe2(report, O_CLOEXEC) != 0 || pipe2(alive, O_CLOEXEC) != 0) {
        return fail(status_fd, "pipe");
    }
    // Only the PID namespace is entered here (it applies to children); the init unshares the rest, so this
    // process keeps the host's mount table and can always write the status file.
    if (unshare(CLONE_NEWPID) != 0) {
        return fail(status_fd, "unshare pid namespace");
    }
    pid_t init = fork();
    if (init < 0) {
        return fail(status_fd, "fork init");
    }
    if (init == 0) {
        close(report[0]);
        close(alive[1]);
        close(status_fd);
        sandbox_init_main(&options, report[1], alive[0]);
    }
    close(report[1]);
    close(alive[0]);
    int wait_status = 0;
    int lifeline_lost = wait_for_init(init, options.lifeline, &wait_status);
    close(alive[1]);
    char line[512];
    read_report(report[0], line, sizeof(line));
    close(report[0]);
    if (lifeline_lost) {
        return finish(status_fd, "lifeline_lost\n");
    }
    if (line[0] == '\0') {
        // The init died without a report: killed from outside (cgroup.kill, OOM) or crashed.
        if (WIFSIGNALED(wait_status)) {
            snprintf(line, sizeof(line), "signal %d\n", WTERMSIG(wait_status));
        } else {
            snprintf(line, sizeof(line), "setup_error init: exited with status %d without a report\n",
                     WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1);
        }
    }
    return finish(status_fd, line);
}
