// The helper's argument protocol:
//
//   hangar __sandbox --status-file PATH --root-dir DIR [--env-file PATH] [--workdir DIR]
//                    [--lower DIR]... [--upper DIR --work DIR] [--hide PATH]... [--cgroup DIR]...
//                    [--network none|host] [--nofile N] [--lifeline] -- ARGV...
//
// Paths are host paths except --workdir (inside the sandbox). --lower is given top layer first.
#define _GNU_SOURCE
#include "sandbox_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
    OPT_STATUS = 1,
    OPT_ROOT,
    OPT_ENV,
    OPT_WORKDIR,
    OPT_LOWER,
    OPT_UPPER,
    OPT_WORK,
    OPT_HIDE,
    OPT_CGROUP,
    OPT_NETWORK,
    OPT_NOFILE,
    OPT_LIFELINE,
};

static const struct option long_options[] = {
    {"status-file", required_argument, NULL, OPT_STATUS},
    {"root-dir", required_argument, NULL, OPT_ROOT},
    {"env-file", required_argument, NULL, OPT_ENV},
    {"workdir", required_argument, NULL, OPT_WORKDIR},
    {"lower", required_argument, NULL, OPT_LOWER},
    {"upper", required_argument, NULL, OPT_UPPER},
    {"work", required_argument, NULL, OPT_WORK},
    {"hide", required_argument, NULL, OPT_HIDE},
    {"cgroup", required_argument, NULL, OPT_CGROUP},
    {"network", required_argument, NULL, OPT_NETWORK},
    {"nofile", required_argument, NULL, OPT_NOFILE},
    {"lifeline", no_argument, NULL, OPT_LIFELINE},
    {NULL, 0, NULL, 0},
};

int sandbox_parse_options(int argc, char **argv, struct sandbox_options *options, char *error, size_t size) {
    memset(options, 0, sizeof(*options));
    options->workdir = "/workspace";
    options->nofile = 4096;
    // Each repeatable option occurs at most argc times.
    options->lowers = calloc((size_t)argc, sizeof(char *));
    options->hidden = calloc((size_t)argc, sizeof(char *));
    options->cgroups = calloc((size_t)argc, sizeof(char *));
    if (options->lowers == NULL || options->hidden == NULL || options->cgroups == NULL) {
        snprintf(error, size, "out of memory");
        return -1;
    }
    opterr = 0;
    optind = 1;
    int option;
    // "+": stop at the first non-option, so the command's own flags are never taken for ours.
    while ((option = getopt_long(argc, argv, "+", long_options, NULL)) != -1) {
        switch (option) {
        case OPT_STATUS: options->status_file = optarg; break;
        case OPT_ROOT: options->root_dir = optarg; break;
        case OPT_ENV: options->env_file = optarg; break;
        case OPT_WORKDIR: options->workdir = optarg; break;
        case OPT_LOWER: options->lowers[options->lower_count++] = optarg; break;
        case OPT_UPPER: options->upper = optarg; break;
        case OPT_WORK: options->work = optarg; break;
        case OPT_HIDE: options->hidden[options->hidden_count++] = optarg; break;
        case OPT_CGROUP: options->cgroups[options->cgroup_count++] = optarg; break;
        case OPT_LIFELINE: options->lifeline = 1; break;
        case OPT_NETWORK:
            if (strcmp(optarg, "host") == 0) {
                options->network_host = 1;
            } else if (strcmp(optarg, "none") == 0) {
                options->network_host = 0;
            } else {
                snprintf(error, size, "unknown network mode");
                return -1;
            }
            break;
        case OPT_NOFILE: {
            char *end = NULL;
            errno = 0;
            options->nofile = strtol(optarg, &end, 10);
            if (errno != 0 || end == optarg || *end != '\0' || options->nofile < 1) {
                snprintf(error, size, "--nofile needs a positive number");
                return -1;
            }
            break;
        }
        default:
            snprintf(error, size, "unknown or incomplete option");
            return -1;
        }
    }
    if (optind < argc && strcmp(argv[optind - 1], "--") != 0) {
        snprintf(error, size, "the command must follow \"--\"");
        return -1;
    }
    if (optind >= argc) {
        snprintf(error, size, "no command given");
        return -1;
    }
    options->command = &argv[optind];
    if (options->status_file == NULL || options->root_dir == NULL) {
        snprintf(error, size, "--status-file and --root-dir are required");
        return -1;
    }
    if (options->workdir[0] != '/') {
        snprintf(error, size, "--workdir must be absolute");
        return -1;
    }
    if ((options->upper == NULL) != (options->work == NULL) || (options->upper != NULL && options->lower_count == 0)) {
        snprintf(error, size, "--upper and --work go together, with at least one --lower");
        return -1;
    }
    return 0;
}

int sandbox_load_environment(struct sandbox_options *options) {
    static char *empty[] = {NULL};
    options->environment = empty;
    if (options->env_file == NULL) {
        return 0;
    }
    int fd = open(options->env_file, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    struct stat info;
    if (fstat(fd, &info) != 0) {
        close(fd);
        return -1;
    }
    size_t length = (size_t)info.st_size;
    char *buffer = malloc(length + 1);
    if (buffer == NULL) {
        close(fd);
        errno = ENOMEM;
        return -1;
    }
    size_t done = 0;
    while (done < length) {
        ssize_t count = read(fd, buffer + done, length - done);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count <= 0) {
            int saved = count == 0 ? EIO : errno;
            close(fd);
            free(buffer);
            errno = saved;
            return -1;
        }
        done += (size_t)count;
    }
    close(fd);
    buffer[length] = '\0';
    // Each entry ends with a NUL; count them, then point into the buffer.
    size_t entries = 0;
    for (size_t index = 0; index < length; index++) {
        entries += buffer[index] == '\0';
    }
    char **environment = calloc(entries + 1, sizeof(char *));
    if (environment == NULL) {
        free(buffer);
        errno = ENOMEM;
        return -1;
    }
    size_t slot = 0;
    for (size_t start = 0; start < length && slot < entries;) {
        environment[slot++] = buffer + start;
        start += strlen(buffer + start) + 1;
    }
    options->environment = environment;
    return 0;
}
