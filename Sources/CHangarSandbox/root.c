// Building the sandbox's root file system inside the init's private mount namespace:
//
//   tmpfs at ROOT                  the new root, read-only once built
//   ROOT/<entry>                   every top-level host directory, rbind, recursively read-only, nosuid, nodev
//                                  (symlinks such as /bin -> usr/bin recreated as symlinks)
//   ROOT/proc, /dev, /tmp, /run    fresh mounts (special_mounts.c)
//   ROOT/root                      an empty read-only tmpfs
//   ROOT/workspace                 the overlay (top layer first), read-write
//
// then pivot_root into it, detach the old root, and mask each hidden path. Nothing reaches the host's mount
// table: the namespace, and every mount in it, vanishes with the init.
#define _GNU_SOURCE
#include "sandbox_internal.h"
#include "sandbox_mounts.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/// Top-level host entries that are not bound: they get fresh, sandbox-only mounts instead.
static const char *const replaced_entries[] = {"proc", "sys", "dev", "tmp", "run", "root", "workspace", NULL};

static int is_replaced(const char *name) {
    for (int index = 0; replaced_entries[index] != NULL; index++) {
        if (strcmp(name, replaced_entries[index]) == 0) {
            return 1;
        }
    }
    return 0;
}

int sandbox_path(char *buffer, const char *base, const char *name) {
    if (snprintf(buffer, PATH_MAX, "%s/%s", base, name) >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

int sandbox_set_attributes(const char *path, unsigned int flags, unsigned long long attributes) {
    struct mount_attr attr = {.attr_set = attributes};
    return mount_setattr(AT_FDCWD, path, flags, &attr, sizeof(attr));
}

/// Recreates one top-level host entry under `root`: a symlink as a symlink, a directory as a read-only
/// recursive bind. Other kinds (top-level files, sockets) are left out.
static int mirror_entry(const char *root, const char *name) {
    char host[PATH_MAX];
    char target[PATH_MAX];
    struct stat info;
    if (sandbox_path(host, "", name) != 0 || sandbox_path(target, root, name) != 0) {
        return -1;
    }
    if (lstat(host, &info) != 0) {
        return errno == ENOENT ? 0 : -1;  // vanished while listing
    }
    if (S_ISLNK(info.st_mode)) {
        char link[PATH_MAX];
        ssize_t length = readlink(host, link, sizeof(link) - 1);
        if (length < 0) {
            return -1;
        }
        link[length] = '\0';
        return symlink(link, target);
    }
    if (!S_ISDIR(info.st_mode)) {
        return 0;
    }
    if (mkdir(target, 0755) != 0 || mount(host, target, NULL, MS_BIND | MS_REC, NULL) != 0) {
        return -1;
    }
    return sandbox_set_attributes(
        target, AT_RECURSIVE, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV);
}

/// Mirrors every top-level host entry except the replaced ones.
static int mirror_host(const char *root) {
    DIR *directory = opendir("/");
    if (directory == NULL) {
        return -1;
    }
    struct dirent *entry;
    int result = 0;
    errno = 0;
    while (result == 0 && (entry = readdir(directory)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0 || is_replaced(entry->d_name)) {
            continue;
        }
        result = mirror_entry(root, entry->d_name);
    }
    int saved = errno;
    closedir(directory);
    errno = saved;
    return (result == 0 && saved == 0) ? 0 : -1;
}

/// Mounts the workspace overlay at ROOT/workspace with the new mount API: "lowerdir+" takes one layer per
/// call, so paths may contain ':' or ',' and the number of layers is not bound by a page of options.
/// Without an overlay, /workspace is an empty private tmpfs.
static int mount_workspace(const struct sandbox_options *options, const char *target) {
    if (options->lower_count == 0) {
        return mount("tmpfs", target, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755");
    }
    int context = fsopen("overlay", FSOPEN_CLOEXEC);
    if (context < 0) {
        return -1;
    }
    int result = 0;
    for (int index = 0; result == 0 && index < options->lower_count; index++) {
        result = fsconfig(context, FSCONFIG_SET_STRING, "lowerdir+", options->lowers[index], 0);
    }
    // redirect_dir=off keeps the upper layer an exact delta (renamed lower directories fail with EXDEV
    // instead of leaving redirect xattrs); index and metacopy off for the same reason.
    const char *const settings[][2] = {
        {"upperdir", options->upper}, {"workdir", options->work}, {"redirect_dir", "off"},
        {"index", "off"}, {"metacopy", "off"},
    };
    for (size_t index = 0; result == 0 && index < sizeof(settings) / sizeof(settings[0]); index++) {
        result = fsconfig(context, FSCONFIG_SET_STRING, settings[index][0], settings[index][1], 0);
    }
    if (result == 0) {
        result = fsconfig(context, FSCONFIG_CMD_CREATE, NULL, NULL, 0);
    }
    int mounted = result == 0 ? fsmount(context, FSMOUNT_CLOEXEC, MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV) : -1;
    if (mounted >= 0) {
        result = move_mount(mounted, "", AT_FDCWD, target, MOVE_MOUNT_F_EMPTY_PATH);
    }
    int saved = errno;
    if (mounted >= 0) {
        close(mounted);
    }
    close(context);
    errno = saved;
    return mounted < 0 ? -1 : result;
}

/// Makes ROOT the root of this mount namespace and detaches the old root (pivot_root(".", ".") stacks the
/// old root on top of the new one; the detach removes it).
static int enter_root(const char *root) {
    if (chdir(root) != 0 || syscall(SYS_pivot_root, ".", ".") != 0) {
        return -1;
    }
    if (umount2(".", MNT_DETACH) != 0) {
        return -1;
    }
    return chdir("/");
}

/// Masks one hidden path, resolved inside the new root (so symlinks cannot point the mask at the host):
/// a directory gets an empty read-only tmpfs, anything else a read-only bind of /dev/null.
static int hide_path(const char *path) {
    struct stat info;
    if (stat(path, &info) != 0) {
        return errno == ENOENT || errno == ENOTDIR ? 0 : -1;  // not visible inside anyway
    }
    if (S_ISDIR(info.st_mode)) {
        return mount("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=4k,mode=0755");
    }
    if (mount("/dev/null", path, NULL, MS_BIND, NULL) != 0) {
        return -1;
    }
    return sandbox_set_attributes(path, 0, MOUNT_ATTR_RDONLY);
}

#define STEP(name, call)      \
    do {                      \
        *stage = (name);      \
        if ((call) != 0) {    \
            return -1;        \
        }                     \
    } while (0)

int sandbox_build_root(const struct sandbox_options *options, const char **stage) {
    const char *root = options->root_dir;
    char path[PATH_MAX];
    STEP("make mounts private", mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL));
    STEP("mount root tmpfs", mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=1m"));
    STEP("bind host directories", mirror_host(root));
    for (int index = 0; replaced_entries[index] != NULL; index++) {
        STEP("create mount points", sandbox_path(path, root, replaced_entries[index]));
        STEP("create mount points", mkdir(path, 0755));
    }
    STEP("mount workspace", sandbox_path(path, root, "workspace"));
    STEP("mount workspace", mount_workspace(options, path));
    STEP("mount special file systems", sandbox_mount_special(root, stage));
    STEP("pivot_root", enter_root(root));
    for (int index = 0; index < options->hidden_count; index++) {
        STEP("hide path", hide_path(options->hidden[index]));
    }
    STEP("make root read-only", sandbox_set_attributes("/", 0, MOUNT_ATTR_RDONLY));
    STEP("make /dev read-only", sandbox_set_attributes("/dev", 0, MOUNT_ATTR_RDONLY));
    return 0;
}
