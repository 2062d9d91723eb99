# shellcheck shell=bash
# Shared helpers for the scripts under scripts/. Source it; it defines functions and HANGAR_REPO_ROOT only.

# shellcheck disable=SC2034 # used by the scripts that source this file
HANGAR_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"

# Progress goes to stderr so that stdout stays for a command's result (pg-up prints only its URL there).
log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# Monotonic-enough wall clock in milliseconds.
now_ms() { date +%s%3N; }

# "83.4s" or "12m03s" for a duration in milliseconds.
format_ms() {
    local ms=$1
    if ((ms < 60000)); then
        printf '%d.%ds' $((ms / 1000)) $((ms % 1000 / 100))
    else
        printf '%dm%02ds' $((ms / 60000)) $((ms % 60000 / 1000))
    fi
}

# True when a Debian package is installed (not merely known or half-configured).
deb_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# ensure_deb_packages PKG...: install the packages that are missing, non-interactively.
# `apt-get update` runs at most once per top-level invocation (the flag is exported to child scripts).
ensure_deb_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        deb_installed "$pkg" || missing+=("$pkg")
    done
    ((${#missing[@]} == 0)) && return 0
    command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get to install them"
    local sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null || die "missing packages (${missing[*]}); run as root or install them"
        sudo=(sudo -n)
    fi
    local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300)
    if [[ "${HANGAR_APT_UPDATED:-}" != 1 ]]; then
        log "apt-get update"
        "${apt[@]}" update </dev/null >&2 || die "apt-get update failed"
        export HANGAR_APT_UPDATED=1
    fi
    log "apt-get install ${missing[*]}"
    "${apt[@]}" install --no-install-recommends "${missing[@]}" </dev/null >&2 ||
        die "apt-get install ${missing[*]} failed"
}
