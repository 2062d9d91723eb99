// The sandbox-only file systems: a /proc of the new PID namespace (with the kernel tunables read-only), a
// minimal /dev, private /tmp and /run, and an empty read-only /root. The host's /dev is never bound: its
// disk nodes would let uid 0 write the raw disk even without capabilities.
#define _GNU_SOURCE
#include "sandbox_internal.h"
#include "sandbox_mounts.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

/// Parts of /proc that would let uid 0 change the host (sysctls, sysrq) even without capabilities.
static const char *const proc_read_only[] = {"sys", "sysrq-trigger", "irq", "bus", NULL};

/// Device nodes bound from the host into the minimal /dev.
static const char *const device_nodes[] = {"null", "zero", "full", "random", "urandom", "tty", NULL};

/// Symlinks of the minimal /dev: name, target.
static const char *const device_links[][2] = {
    {"ptmx", "pts/ptmx"}, {"fd", "/proc/self/fd"}, {"stdin", "/proc/self/fd/0"},
    {"stdout", "/proc/self/fd/1"}, {"stderr", "/proc/self/fd/2"}, {NULL, NULL},
};

#define STEP(name, call)      \
    do {                      \
        *stage = (name);      \
        if ((call) != 0) {    \
            return -1;        \
        }                     \
    } while (0)

/// Binds `path` onto itself and makes that bind read-only; a missing path is skipped.
static int bind_read_only(const char *path) {
    if (access(path, F_OK) != 0) {
        return 0;
    }
    if (mount(path, path, NULL, MS_BIND | MS_REC, NULL) != 0) {
        return -1;
    }
    return sandbox_set_attributes(path, AT_RECURSIVE, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID);
}

static int mount_proc(const char *root, const char **stage) {
    char proc[PATH_MAX];
    char path[PATH_MAX];
    STEP("mount proc", sandbox_path(proc, root, "proc"));
    STEP("mount proc", mount("proc", proc, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL));
    for (int index = 0; proc_read_only[index] != NULL; index++) {
        STEP("protect proc", sandbox_path(path, proc, proc_read_only[index]));
        STEP("protect proc", bind_read_only(path));
    }
    return 0;
}

/// Creates an empty file at `path` (a mount point for a device node).
static int touch(const char *path) {
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        return -1;
    }
    return close(fd);
}

static int mount_dev(const char *root, const char **stage) {
    char dev[PATH_MAX];
    char path[PATH_MAX];
    char host[PATH_MAX];
    STEP("mount dev", sandbox_path(dev, root, "dev"));
    STEP("mount dev", mount("tmpfs", dev, "tmpfs", MS_NOSUID | MS_NOEXEC, "mode=0755,size=64k"));
    for (int index = 0; device_nodes[index] != NULL; index++) {
        STEP("bind device", sandbox_path(path, dev, device_nodes[index]));
        STEP("bind device", sandbox_path(host, "/dev", device_nodes[index]));
        STEP("bind device", touch(path));
        STEP("bind device", mount(host, path, NULL, MS_BIND, NULL));
    }
    STEP("mount devpts", sandbox_path(path, dev, "pts"));
    STEP("mount devpts", mkdir(path, 0755));
    STEP("mount devpts", mount("devpts", path, "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620"));
    STEP("mount dev shm", sandbox_path(path, dev, "shm"));
    STEP("mount dev shm", mkdir(path, 01777));
    STEP("mount dev shm", mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777"));
    for (int index = 0; device_links[index][0] != NULL; index++) {
        STEP("dev links", sandbox_path(path, dev, device_links[index][0]));
        STEP("dev links", symlink(device_links[index][1], path));
    }
    return 0;
}

int sandbox_mount_special(const char *root, const char **stage) {
    char path[PATH_MAX];
    if (mount_proc(root, stage) != 0 || mount_dev(root, stage) != 0) {
        return -1;
    }
    STEP("mount tmp", sandbox_path(path, root, "tmp"));
    STEP("mount tmp", mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777"));
    STEP("mount run", sandbox_path(path, root, "run"));
    STEP("mount run", mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755"));
    STEP("mask root home", sandbox_path(path, root, "root"));
    STEP("mask root home",
         mount("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=4k,mode=0700"));
    return 0;
}
