// Joining the cgroups the runner created, before anything is forked.
#define _GNU_SOURCE
#include "sandbox_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int sandbox_join_cgroups(const struct sandbox_options *options) {
    char pid[32];
    int length = snprintf(pid, sizeof(pid), "%d\n", (int)getpid());
    for (int index = 0; index < options->cgroup_count; index++) {
        char path[PATH_MAX];
        if (snprintf(path, sizeof(path), "%s/cgroup.procs", options->cgroups[index]) >= (int)sizeof(path)) {
            errno = ENAMETOOLONG;
            return -1;
        }
        int fd = open(path, O_WRONLY | O_CLOEXEC);
        if (fd < 0) {
            return -1;
        }
        if (sandbox_write_all(fd, pid, (size_t)length) != 0) {
            int saved = errno;
            close(fd);
            errno = saved;
            return -1;
        }
        if (close(fd) != 0) {
            return -1;
        }
    }
    return 0;
}
