import Foundation

extension ExecPolicy {
    /// The policy Hangar ships, written in the policy file format (``standardJSON``):
    ///
    /// - deny tools that raise privileges (`sudo`, `su`, `doas`, …) or change mounts, namespaces or the kernel
    ///   (`mount`, `nsenter`, `chroot`, `insmod`, …);
    /// - deny commands that write, delete or change the mode of a path they name outside the workspace and
    ///   `/tmp` (`rm`, `cp`, `mv`, `tee`, `touch`, `chmod`, `dd of=…`, `sed -i`, `find … -delete`, …);
    ///   `/dev/null` and friends are fine, and reading anywhere is fine (`ls /etc`, `cat /etc/hosts`);
    /// - require approval for what leaves the machine for good: `git push`, publishing packages (`npm`,
    ///   `pnpm`, `yarn`, `bun`, `cargo`, `uv`, `poetry`, `hatch`, `flit`, `twine upload`, `gem push`) and
    ///   pushing images (`docker`, `podman`, `buildah`); and for the host network;
    /// - checkpoint first for destructive but local commands: `rm -r`, `git reset --hard`, `git clean -f`,
    ///   `git checkout -- …`/`git checkout <path>`, `git restore`, `find … -delete`, `truncate`, `dd`, `shred`;
    /// - allow inline code (`sh -c`, `python3 -c`, `perl -e`, `node -e`) by the rule `inline-script`: what it
    ///   does cannot be known, and the sandbox enforces; simple shell scripts are still split and their
    ///   commands checked;
    /// - allow everything else.
    public static let standard: ExecPolicy = {
        do {
            return try parse(Data(standardJSON.utf8))
        } catch {
            // The text is a constant checked by the tests; failing here is a programming error.
            fatalError("the standard exec policy does not parse: \(error)")
        }
    }()

    /// The standard policy's source, in the policy file format.
    public static let standardJSON = """
        {
          "version": 1,
          "default": "allow",
          "network": { "none": "allow", "proxy": "allow", "host": "require_approval" },
          "rules": [
            { "id": "no-privilege",
              "argv0": ["sudo", "su", "doas", "pkexec", "runuser", "setpriv", "capsh", "setcap", "sudoedit"],
              "action": "deny",
              "reason": "raises privileges; commands in a workspace run unprivileged" },
            { "id": "no-kernel",
              "argv0": ["mount", "umount", "nsenter", "unshare", "chroot", "pivot_root", "insmod", "rmmod",
                        "modprobe", "kexec", "losetup", "swapon", "swapoff", "reboot", "shutdown", "halt",
                        "poweroff"],
              "action": "deny",
              "reason": "changes mounts, namespaces or the kernel" },
            { "id": "write-outside-workspace",
              "argv0": ["rm", "rmdir", "unlink", "shred", "mv", "tee", "touch", "truncate", "mkdir", "chmod",
                        "chown", "chgrp", "dd"],
              "paths": ["/**", "!$WORKSPACE/**", "!/tmp/**", "!/dev/null", "!/dev/zero", "!/dev/random",
                        "!/dev/urandom", "!/dev/std*", "!/dev/fd/**"],
              "action": "deny",
              "reason": "writes a path outside the workspace and /tmp" },
            { "id": "copy-outside-workspace",
              "argv0": ["cp", "ln", "install", "rsync"],
              "destination": ["/**", "!$WORKSPACE/**", "!/tmp/**", "!/dev/null"],
              "action": "deny",
              "reason": "writes a path outside the workspace and /tmp" },
            { "id": "edit-outside-workspace",
              "argv0": ["sed", "perl"],
              "flags": ["-i", "--in-place"],
              "paths": ["/**", "!$WORKSPACE/**", "!/tmp/**"],
              "action": "deny",
              "reason": "edits a file outside the workspace and /tmp in place" },
            { "id": "delete-outside-workspace",
              "argv0": ["find"],
              "flags": ["-delete"],
              "paths": ["/**", "!$WORKSPACE/**", "!/tmp/**"],
              "action": "deny",
              "reason": "deletes files outside the workspace and /tmp" },
            { "id": "git-push",
              "argv0": ["git"], "subcommand": ["push"],
              "action": "require_approval",
              "reason": "publishes commits to a remote repository" },
            { "id": "package-publish",
              "argv0": ["npm", "pnpm", "yarn", "bun", "cargo", "uv", "poetry", "hatch", "flit", "twine", "gem"],
              "subcommand": ["publish", "unpublish", "upload", "push", "yank"],
              "action": "require_approval",
              "reason": "publishes or withdraws a package in a registry" },
            { "id": "image-push",
              "argv0": ["docker", "podman", "buildah"], "subcommand": ["push"],
              "action": "require_approval",
              "reason": "publishes a container image to a registry" },
            { "id": "rm-recursive",
              "argv0": ["rm"], "flags": ["-r", "-R", "--recursive"],
              "action": "allow_with_checkpoint",
              "reason": "deletes directory trees; the workspace is checkpointed first" },
            { "id": "git-reset-hard",
              "argv0": ["git"], "subcommand": ["reset"], "flags": ["--hard"],
              "action": "allow_with_checkpoint",
              "reason": "discards uncommitted changes; the workspace is checkpointed first" },
            { "id": "git-clean",
              "argv0": ["git"], "subcommand": ["clean"], "flags": ["-f", "--force"],
              "action": "allow_with_checkpoint",
              "reason": "deletes untracked files; the workspace is checkpointed first" },
            { "id": "git-checkout-discard",
              "argv0": ["git"], "subcommand": ["checkout"], "flags": ["--", "-f", "--force"],
              "action": "allow_with_checkpoint",
              "reason": "may discard uncommitted changes; the workspace is checkpointed first" },
            { "id": "git-checkout-paths",
              "argv0": ["git"], "subcommand": ["checkout"], "paths": ["/**"],
              "action": "allow_with_checkpoint",
              "reason": "may discard uncommitted changes; the workspace is checkpointed first" },
            { "id": "git-restore",
              "argv0": ["git"], "subcommand": ["restore"],
              "action": "allow_with_checkpoint",
              "reason": "discards uncommitted changes; the workspace is checkpointed first" },
            { "id": "find-delete",
              "argv0": ["find"], "flags": ["-delete"],
              "action": "allow_with_checkpoint",
              "reason": "deletes the files it finds; the workspace is checkpointed first" },
            { "id": "overwrite",
              "argv0": ["truncate", "dd", "shred"],
              "action": "allow_with_checkpoint",
              "reason": "overwrites file contents; the workspace is checkpointed first" },
            { "id": "inline-script",
              "inline_script": true,
              "action": "allow",
              "reason": "inline code cannot be inspected; it runs inside the sandbox, which enforces the limits" }
          ]
        }
        """
}
