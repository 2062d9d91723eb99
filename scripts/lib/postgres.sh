# shellcheck shell=bash
# Housekeeping in the test database. Source after common.sh.

# ulid_ms ULID: the creation time in Unix milliseconds encoded in a ULID's first 10 characters.
ulid_ms() {
    local ulid=${1^^} alphabet=0123456789ABCDEFGHJKMNPQRSTVWXYZ value=0 i prefix
    for ((i = 0; i < 10; i++)); do
        prefix=${alphabet%%"${ulid:i:1}"*}
        ((${#prefix} < 32)) || return 1
        value=$((value * 32 + ${#prefix}))
    done
    echo "$value"
}

# drop_old_test_schemas URL: the conformance suite gives each test a schema `t_<ulid>` and leaves it behind,
# so that a failing test's data can be looked at. Drop those created more than an hour ago: none belongs to a
# run still going (a whole run takes well under that), even one started by someone else on the same server.
drop_old_test_schemas() {
    local url=$1 cutoff schema created dropped=0
    cutoff=$(($(now_ms) - 3600 * 1000))
    while read -r schema; do
        [[ -n "$schema" ]] || continue
        created=$(ulid_ms "${schema#t_}") || continue
        ((created < cutoff)) || continue
        psql "$url" -X -q -v ON_ERROR_STOP=1 -c "DROP SCHEMA IF EXISTS \"$schema\" CASCADE" >/dev/null 2>&1 &&
            dropped=$((dropped + 1))
    done < <(psql "$url" -X -Atq -c "SELECT nspname FROM pg_namespace WHERE nspname ~ '^t_[0-9a-z]{26}$'")
    ((dropped == 0)) || log "dropped $dropped test schemas older than an hour"
    # The reader roles the data tests create (t_<ulid>_reader), left by killed runs.
    local role roles=0
    while read -r role; do
        [[ -n "$role" ]] || continue
        created=$(ulid_ms "$(echo "${role#t_}" | cut -c1-26)") || continue
        ((created < cutoff)) || continue
        psql "$url" -X -q -c "DROP ROLE IF EXISTS \"$role\"" >/dev/null 2>&1 && roles=$((roles + 1))
    done < <(psql "$url" -X -Atq -c "SELECT rolname FROM pg_roles WHERE rolname ~ '^t_[0-9a-z]{26}_reader$'")
    ((roles == 0)) || log "dropped $roles test roles older than an hour"
}
