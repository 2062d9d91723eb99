// Internal declarations shared by the files of the sandbox helper. Not part of the public header.
//
// Why the helper is written in C: the namespace, mount and limit set-up has to happen in the processes that
// become the sandbox, between fork and exec. swift-subprocess 1.0.2 has no pre-exec hook; Swift's Glibc module
// does not export unshare, pivot_root, prctl or the new mount API; and fork() in a multi-threaded Swift
// process may only be followed by async-signal-safe code. The `hangar` binary enters this code in its hidden
// `__sandbox` mode before any Swift concurrency starts, so the helper is single-threaded and may fork freely.
#ifndef HANGAR_SANDBOX_INTERNAL_H
#define HANGAR_SANDBOX_INTERNAL_H

#include <stddef.h>

/// Everything the runner asked for, parsed from the command line (see options.c for the protocol).
struct sandbox_options {
    const char *status_file;  // --status-file: the one-line result, written by the helper at the end
    const char *root_dir;     // --root-dir: an empty host directory the new root is mounted on
    const char *env_file;     // --env-file: NUL-separated KEY=VALUE entries, the command's whole environment
    const char *workdir;      // --workdir: absolute path inside the sandbox (default /workspace)
    const char *upper;        // --upper: overlay upper directory (host path)
    const char *work;         // --work: overlay work directory (host path)
    const char **lowers;      // --lower (repeatable, top first): overlay lower directories (host paths)
    int lower_count;
    const char **hidden;      // --hide (repeatable): host paths masked by an empty read-only mount
    int hidden_count;
    const char **cgroups;     // --cgroup (repeatable): cgroup directories the helper joins first
    int cgroup_count;
    int network_host;         // --network host|none
    int lifeline;             // --lifeline: stdin is a pipe whose EOF means the runner died
    long nofile;              // --nofile N: RLIMIT_NOFILE for the command (only ever lowered)
    char **command;           // after "--": the command's argv, NULL-terminated
    char **environment;       // loaded from env_file, NULL-terminated
};

/// Parses argv (argv[0] is "__sandbox"). On failure writes a message into `error` and returns -1.
int sandbox_parse_options(int argc, char **argv, struct sandbox_options *options, char *error, size_t size);

/// Reads the NUL-separated environment file into options->environment. Returns -1 with errno set on failure.
int sandbox_load_environment(struct sandbox_options *options);

/// Writes `pid` into cgroup.procs of every cgroup directory. Returns -1 with errno set on failure.
int sandbox_join_cgroups(const struct sandbox_options *options);

/// The body of PID 1 in the new PID namespace: builds the sandbox, runs the command, reaps, and writes one
/// status line to `report_fd`. `alive_fd` is the read end of a pipe the helper holds open. Never returns.
void sandbox_init_main(const struct sandbox_options *options, int report_fd, int alive_fd) __attribute__((noreturn));

/// Builds the new root on options->root_dir, pivots into it and masks the hidden paths. On failure sets
/// *stage to a short, path-free description and returns -1 with errno set.
int sandbox_build_root(const struct sandbox_options *options, const char **stage);

/// Runs the command in a forked child of the init and returns its wait status, or -1 when the fork failed.
/// On an exec or chdir failure, *exec_errno / *chdir_errno is set (else 0).
int sandbox_run_command(const struct sandbox_options *options, int *exec_errno, int *chdir_errno);

/// Writes all of `buffer` to `fd`, retrying on EINTR and short writes. Returns -1 on error.
int sandbox_write_all(int fd, const char *buffer, size_t length);

#endif
