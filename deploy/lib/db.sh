# shellcheck shell=bash disable=SC2034
# (SC2034: the variables set here are used by the scripts that source this file.)
# The local PostgreSQL cluster of a run folder: paths, URLs, start/stop. Sourced after common.sh.
#
# Layout: $RUN_DIR/pg/{data/, socket/, postgres.log}, owned by the `postgres` user (initdb and pg_ctl refuse
# to run as root). When postgres cannot reach $RUN_DIR (a parent folder without o+x) or the socket path would
# pass the 107-byte unix-socket limit, $RUN_DIR/pg is a symlink to /var/tmp/travel-pg-<hash> instead.

if [[ -z ${PG_BIN:-} ]]; then
    PG_BIN="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
fi
PG_LINK="$RUN_DIR/pg"
DB_NAME="travel"
DB_OWNER_ROLE="travel_owner"
DB_APP_ROLE="travel_app"
DB_PLATFORM_ROLE="travel_platform"
PG_MAX_CONNECTIONS="${PG_MAX_CONNECTIONS:-200}"

pg_base() { readlink -f "$PG_LINK"; }
pg_data() { printf '%s/data' "$(pg_base)"; }
pg_sockdir() { printf '%s/socket' "$(pg_base)"; }
pg_log() { printf '%s/postgres.log' "$(pg_base)"; }

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_pg() {
    if ((EUID == 0)); then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

require_pg_bin() {
    [[ -n $PG_BIN && -x $PG_BIN/pg_ctl ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql (make deps)"
    command -v psql >/dev/null || die "psql not found (make deps)"
}

# Creates $RUN_DIR/pg (or the /var/tmp fallback) owned by the cluster's user.
pg_prepare_base() {
    local base="$PG_LINK" owner
    if [[ ! -e $PG_LINK ]]; then
        local sock_len=$((${#PG_LINK} + ${#PG_PORT} + 20))
        if ((sock_len > 100)) || { ((EUID == 0)) && ! runuser -u postgres -- test -x "$RUN_DIR"; }; then
            base="/var/tmp/travel-pg-$(printf '%s' "$RUN_DIR" | sha256sum | cut -c1-12)"
            say "postgres cannot use $RUN_DIR directly (permissions or socket path length); cluster lives in $base"
            mkdir -p "$base"
            ln -sfn "$base" "$PG_LINK"
        else
            mkdir -p "$base"
        fi
    fi
    base="$(pg_base)"
    mkdir -p "$base/socket"
    touch "$base/postgres.log"
    if ((EUID == 0)); then
        owner="postgres:postgres"
        chown "$owner" "$base" "$base/socket" "$base/postgres.log"
    fi
    chmod 0755 "$base" "$base/socket"
}

pg_initialised() { [[ -f "$(pg_data)/PG_VERSION" ]]; }

pg_running() {
    [[ -e $PG_LINK ]] && pg_initialised && as_pg "$PG_BIN/pg_ctl" -D "$(pg_data)" status >/dev/null 2>&1
}

# Settings that depend on this run (port, socket folder); rewritten before every start.
pg_write_settings() {
    local conf
    conf="$(pg_data)/travel.conf"
    {
        printf '# Written by deploy/db at every start; edits are lost.\n'
        printf "listen_addresses = ''\n"
        printf 'port = %s\n' "$PG_PORT"
        printf "unix_socket_directories = '%s'\n" "$(pg_sockdir)"
        printf 'max_connections = %s\n' "$PG_MAX_CONNECTIONS"
        printf "log_line_prefix = '%%m [%%p] %%q%%u@%%d '\n"
        if [[ ${PG_FAST:-0} == 1 ]]; then
            printf '# PG_FAST=1: throwaway cluster (make test / make bench); a crash may lose data.\n'
            printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n'
        fi
    } >"$conf"
    if ((EUID == 0)); then chown postgres:postgres "$conf"; fi
}

# libpq URIs over the unix socket (trust auth). Roles: app (functions), owner (migrate/seed), superuser.
db_url() {
    local role
    case "${1:-app}" in
        app) role="$DB_APP_ROLE" ;;
        owner) role="$DB_OWNER_ROLE" ;;
        superuser) role="postgres" ;;
        *) die "unknown role '$1' (app|owner|superuser)" ;;
    esac
    printf 'postgresql:///%s?host=%s&port=%s&user=%s' "$DB_NAME" "$(pg_sockdir)" "$PG_PORT" "$role"
}

psql_super() {
    psql -X -q -v ON_ERROR_STOP=1 -h "$(pg_sockdir)" -p "$PG_PORT" -U postgres "$@"
}
