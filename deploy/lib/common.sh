# shellcheck shell=bash disable=SC2034
# (SC2034: the variables set here are used by the scripts that source this file.)
# Shared by every deploy/ script: paths, defaults, state, messages, process helpers.
# Sourced, never executed. Callers have already done `set -euo pipefail`.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEPLOY_DIR="$REPO_ROOT/deploy"
export REPO_ROOT

# The five endpoint families; the names are the executable products, nginx upstreams and systemd instances.
FUNCTIONS=(inbound quotes helpdesk tenant-admin analytics)

say() { printf '%s: %s\n' "${SCRIPT_NAME:-deploy}" "$*"; }
warn() { printf '%s: warning: %s\n' "${SCRIPT_NAME:-deploy}" "$*" >&2; }
die() {
    printf '%s: error: %s\n' "${SCRIPT_NAME:-deploy}" "$*" >&2
    exit 1
}

# --- run folder and state ------------------------------------------------------------------------------------

RUN_DIR="${RUN_DIR:-$REPO_ROOT/.run}"
mkdir -p "$RUN_DIR"
RUN_DIR="$(cd "$RUN_DIR" && pwd)"
export RUN_DIR
STATE_FILE="$RUN_DIR/platform.env"          # ports and settings chosen by `deploy/up`, reused by later verbs
FUNCTION_ENV_FILE="$RUN_DIR/function.env"   # the functions' environment at `up` time (mode 600)

# Variables from the state file fill only what the caller's environment leaves unset.
load_state() {
    local file="$1" key value
    [[ -f $file ]] || return 0
    while IFS='=' read -r key value; do
        [[ $key =~ ^[A-Z_][A-Z0-9_]*$ ]] || continue
        if [[ -z ${!key+set} ]]; then
            printf -v "$key" '%s' "$value"
            export "${key?}"
        fi
    done <"$file"
}

# save_state FILE NAME... writes NAME=value for every NAME that is set (one line each, replacing the file).
save_state() {
    local file="$1" name tmp
    shift
    tmp="$(mktemp "$file.XXXXXX")"
    chmod 600 "$tmp"
    for name in "$@"; do
        if [[ -n ${!name+set} ]]; then
            [[ ${!name} != *$'\n'* ]] || die "$name contains a newline; refusing to store it"
            printf '%s=%s\n' "$name" "${!name}" >>"$tmp"
        fi
    done
    mv "$tmp" "$file"
}

load_state "$STATE_FILE"

HTTPS_PORT="${HTTPS_PORT:-8443}"
HTTP_PORT="${HTTP_PORT:-8080}"
PG_PORT="${PG_PORT:-55432}"
LISTEN_ADDR="${LISTEN_ADDR:-127.0.0.1}"
STOP_TIMEOUT="${STOP_TIMEOUT:-35}"   # seconds; REQUEST_TIMEOUT_MS (30 s) plus margin, as TimeoutStopSec
START_TIMEOUT="${START_TIMEOUT:-15}"
export HTTPS_PORT HTTP_PORT PG_PORT LISTEN_ADDR

# Where the built executables are. `swift build --show-bin-path` is slow-ish, so only asked when unset.
resolve_bin_dir() {
    if [[ -z ${BIN_DIR:-} ]]; then
        BIN_DIR="$(cd "$REPO_ROOT" && swift build -c release --show-bin-path)"
    fi
    BIN_DIR="$(cd "$BIN_DIR" 2>/dev/null && pwd)" || die "BIN_DIR $BIN_DIR does not exist (build first: make build)"
    export BIN_DIR
}

ensure_run_dirs() {
    mkdir -p "$RUN_DIR/logs" "$RUN_DIR/pids" "$RUN_DIR/sockets"
    # NGINX_USER other than us (dev, as root): the sockets folder becomes setgid to that user's group, so
    # every socket a function creates there (mode 0660) belongs to the group nginx's workers run with.
    if [[ -n ${NGINX_USER:-} && $NGINX_USER != "$(id -un)" && ${NGINX_PROFILE:-dev} == dev ]]; then
        ((EUID == 0)) || die "NGINX_USER=$NGINX_USER needs root (nginx workers switch user)"
        local group
        group="$(id -gn "$NGINX_USER")" || die "no user $NGINX_USER"
        runuser -u "$NGINX_USER" -- test -x "$RUN_DIR/sockets" ||
            die "$NGINX_USER cannot reach $RUN_DIR (a parent folder lacks o+x); unset NGINX_USER"
        chgrp "$group" "$RUN_DIR/sockets"
        chmod 2750 "$RUN_DIR/sockets"
    fi
}

# Environment variable prefix for a function: tenant-admin -> TENANT_ADMIN.
fn_prefix() {
    local upper="${1^^}"
    printf '%s' "${upper//-/_}"
}

is_function() {
    local fn
    for fn in "${FUNCTIONS[@]}"; do [[ $fn == "$1" ]] && return 0; done
    return 1
}

# Number of processes for a function: <FN>_PROCS (default 1).
fn_procs() {
    local var
    var="$(fn_prefix "$1")_PROCS"
    local n="${!var:-1}"
    [[ $n =~ ^[1-9][0-9]?$ ]] || die "$var must be a number from 1 to 99 (got '$n')"
    printf '%s' "$n"
}

# --- processes -----------------------------------------------------------------------------------------------

# True if pid is a live (not zombie) process whose command line contains $2.
# PID 1 in containers may reap late, so a killed process can linger as a zombie: that counts as gone.
pid_alive() {
    local pid="$1" match="${2:-}" state cmdline
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/stat ]] || return 1
    state="$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$pid/stat" 2>/dev/null)" || return 1
    [[ $state != Z && $state != X ]] || return 1
    if [[ -n $match ]]; then
        cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
        [[ $cmdline == *"$match"* ]] || return 1
    fi
    return 0
}

# pid from a pid file if that process is alive (and matches), else nothing.
live_pid() {
    local file="$1" match="${2:-}" pid
    [[ -f $file ]] || return 0
    pid="$(tr -dc '0-9' <"$file")"
    if pid_alive "$pid" "$match"; then printf '%s' "$pid"; fi
}

# wait_gone PID MATCH SECONDS: waits until the process is gone; false on timeout.
wait_gone() {
    local pid="$1" match="$2" deadline=$((SECONDS + $3))
    while pid_alive "$pid" "$match"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}

# Sends SIGTERM and waits; SIGKILL only after the timeout (and says so).
terminate() {
    local pid="$1" match="$2" what="$3" timeout="${4:-$STOP_TIMEOUT}"
    kill -TERM "$pid" 2>/dev/null || return 0
    if ! wait_gone "$pid" "$match" "$timeout"; then
        warn "$what (pid $pid) did not exit ${timeout}s after SIGTERM; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        wait_gone "$pid" "$match" 5 || warn "$what (pid $pid) is still there after SIGKILL"
        return 1
    fi
}

# Prints the last lines of a log file, for failure messages.
show_log_tail() {
    local file="$1" lines="${2:-20}"
    [[ -f $file ]] || return 0
    printf -- '--- last %s lines of %s ---\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" >&2
    printf -- '---\n' >&2
}

# A free TCP port on the loopback interface (the kernel picks it).
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Closes every fd above 2 in the current (sub)shell, so a daemon started from it holds no pipe or lock of
# its caller (a harness that waits for EOF on our output would otherwise wait for the daemon too).
close_inherited_fds() {
    local entry fd
    for entry in /proc/"$BASHPID"/fd/*; do
        fd="${entry##*/}"
        if [[ $fd =~ ^[0-9]+$ ]] && ((fd > 2)); then exec {fd}>&- 2>/dev/null || true; fi
    done
}

# Serialises verbs that change the whole platform in one run folder (up/down): a lock folder holding the
# owner's pid, released on exit; a lock left by a dead process is taken over.
LOCK_DIR="$RUN_DIR/.lock"
take_lock() {
    local owner
    if ! mkdir "$LOCK_DIR" 2>/dev/null; then
        owner="$(cat "$LOCK_DIR/pid" 2>/dev/null || true)"
        if [[ -n $owner ]] && pid_alive "$owner"; then
            die "another deploy command (pid $owner) is working on $RUN_DIR"
        fi
        rm -rf "$LOCK_DIR"
        mkdir "$LOCK_DIR" || die "cannot take the lock $LOCK_DIR"
    fi
    printf '%s\n' "$$" >"$LOCK_DIR/pid"
    trap release_lock EXIT
}
release_lock() { rm -rf "$LOCK_DIR"; }
