// Mount helpers shared by root.c and special_mounts.c.
#ifndef HANGAR_SANDBOX_MOUNTS_H
#define HANGAR_SANDBOX_MOUNTS_H

/// Joins `base` and `name` with a "/" into `buffer` (PATH_MAX bytes). Returns -1 (ENAMETOOLONG) if too long.
int sandbox_path(char *buffer, const char *base, const char *name);

/// mount_setattr(2) on `path` setting `attributes` (MOUNT_ATTR_*); `flags` may include AT_RECURSIVE.
int sandbox_set_attributes(const char *path, unsigned int flags, unsigned long long attributes);

/// Mounts the sandbox-only file systems under `root`: /proc, /dev, /tmp, /run and the empty /root.
/// On failure sets *stage and returns -1 with errno set.
int sandbox_mount_special(const char *root, const char **stage);

#endif
