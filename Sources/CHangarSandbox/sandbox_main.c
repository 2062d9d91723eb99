#include "hangar_sandbox.h"

int hangar_sandbox_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    return 125;
}
