# shellcheck shell=bash
# Start and stop a `hangar serve` for the foreign-client scripts. Source after common.sh.

HANGAR_SERVER_PID=
HANGAR_SERVER_URL=

# start_server BINARY HOME LOG: starts `hangar serve` on 127.0.0.1, port 0 (the server picks a free port and
# prints `listening on URL`), and waits until GET /health answers 200. Sets HANGAR_SERVER_PID and
# HANGAR_SERVER_URL. Returns non-zero (and prints the server's log) when it does not come up within 60 s.
start_server() {
    local binary=$1 home=$2 logfile=$3 deadline
    HANGAR_SERVER_URL=
    mkdir -p "$home"
    HANGAR_HOME=$home "$binary" serve --host 127.0.0.1 --port 0 </dev/null >"$logfile" 2>&1 &
    HANGAR_SERVER_PID=$!
    deadline=$(($(now_ms) + 60000))
    while (($(now_ms) < deadline)); do
        if ! kill -0 "$HANGAR_SERVER_PID" 2>/dev/null; then
            wait "$HANGAR_SERVER_PID" || true
            HANGAR_SERVER_PID=
            warn "hangar serve exited before it was ready; its output:"
            sed 's/^/    /' "$logfile" >&2
            return 1
        fi
        if [[ -z "$HANGAR_SERVER_URL" ]]; then
            HANGAR_SERVER_URL=$(sed -n 's|^listening on \(http://[^ ]*\)$|\1|p' "$logfile" | head -n 1)
        fi
        if [[ -n "$HANGAR_SERVER_URL" ]] && curl -fsS -o /dev/null --max-time 2 "$HANGAR_SERVER_URL/health"; then
            return 0
        fi
        sleep 0.2
    done
    warn "hangar serve did not answer GET /health within 60 s; its output:"
    sed 's/^/    /' "$logfile" >&2
    stop_server >/dev/null 2>&1 || true
    return 1
}

# stop_server: SIGTERM, then wait up to 30 s for a clean exit. Returns non-zero unless the server exited 0 in
# time (it is killed when it did not).
stop_server() {
    local pid=$HANGAR_SERVER_PID status=0 deadline
    [[ -n "$pid" ]] || return 0
    HANGAR_SERVER_PID=
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$(($(now_ms) + 30000))
    while kill -0 "$pid" 2>/dev/null && (($(now_ms) < deadline)); do
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        warn "hangar serve (pid $pid) was still running 30 s after SIGTERM; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        return 1
    fi
    wait "$pid" || status=$?
    if ((status != 0)); then
        warn "hangar serve exited with status $status after SIGTERM (expected 0)"
        return 1
    fi
    return 0
}
