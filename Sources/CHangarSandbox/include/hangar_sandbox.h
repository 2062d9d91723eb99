#ifndef HANGAR_SANDBOX_H
#define HANGAR_SANDBOX_H

/// Entry point of the hidden `hangar __sandbox` mode: sets up namespaces, mounts, cgroups and limits, then
/// runs the command. Returns the process exit status. `argv[0]` is "__sandbox".
int hangar_sandbox_main(int argc, char **argv);

#endif
