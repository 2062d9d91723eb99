// `hangar-sandbox`: the sandbox helper as a small executable of its own. The runner prefers it to re-executing
// the `hangar` binary in its hidden `__sandbox` mode, because loading the full Swift binary costs ~18 ms per
// command here and this one ~1 ms; both take the same arguments, starting with "__sandbox".
#include "hangar_sandbox.h"

int main(int argc, char **argv) {
    return hangar_sandbox_main(argc - 1, argv + 1);
}
