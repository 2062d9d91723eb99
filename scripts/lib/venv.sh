# shellcheck shell=bash
# The Python virtualenv for the foreign-client scripts. Source after common.sh.

# ensure_venv DIR REQUIREMENTS: creates DIR as a virtualenv when it is missing or broken, and installs
# REQUIREMENTS into it when they (or the Python version) changed since the last install, per a stamp file.
ensure_venv() {
    local venv=$1 requirements=$2 python want stamp=$1/.hangar-requirements.sha256
    python=$(command -v python3 || true)
    if [[ -z "$python" ]] || ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
        # Debian's own python3 keeps venv and ensurepip in separate packages.
        ensure_deb_packages python3 python3-venv
        python=$(command -v python3) || die "python3 is not installed"
    fi
    want=$({ cat "$requirements"; "$python" --version; } | sha256sum | cut -d' ' -f1)
    if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import sys' 2>/dev/null; then
        log "creating a virtualenv in $venv"
        rm -rf "$venv"
        "$python" -m venv "$venv" || die "could not create a virtualenv with $python"
    fi
    if [[ "$(cat "$stamp" 2>/dev/null)" == "$want" ]]; then
        log "virtualenv is up to date with $requirements"
        return 0
    fi
    log "pip install -r $requirements"
    rm -f "$stamp"
    "$venv/bin/python" -m pip install --disable-pip-version-check --no-input --progress-bar off \
        -r "$requirements" </dev/null || die "pip install -r $requirements failed"
    echo "$want" >"$stamp"
}
