# shellcheck shell=bash
# One function's processes in a run folder: build, install, start, stop, restart, reload, status.
# Used by deploy/<function>; the caller sets FN and calls function_main "$@".
#
# Process i of function fn (i = 1..<FN>_PROCS) binds its own socket (FCGI_SOCKET) and has
#   $RUN_DIR/sockets/<fn>-<i>.sock   listening socket (the nginx upstream lists every one of them)
#   $RUN_DIR/pids/<fn>-<i>.pid       pid
#   $RUN_DIR/logs/<fn>-<i>.log       stderr: JSON lines
# One socket per process is what makes rolling restarts work: stopping one process drains only its socket
# while nginx sends new connections to the others (fastcgi-spike §6.2).

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# shellcheck source=db.sh
source "$DEPLOY_DIR/lib/db.sh"

fn_socket() { printf '%s/sockets/%s-%s.sock' "$RUN_DIR" "$FN" "$1"; }
fn_pidfile() { printf '%s/pids/%s-%s.pid' "$RUN_DIR" "$FN" "$1"; }
fn_logfile() { printf '%s/logs/%s-%s.log' "$RUN_DIR" "$FN" "$1"; }
fn_pid() { live_pid "$(fn_pidfile "$1")" "/$FN"; }

# Indexes of the processes to manage: 1..<FN>_PROCS plus any still running from an earlier, larger count.
fn_indexes() {
    local n i file
    n="$(fn_procs "$FN")"
    for ((i = 1; i <= n; i++)); do printf '%s\n' "$i"; done
    for file in "$RUN_DIR/pids/$FN-"*.pid; do
        [[ -e $file ]] || continue
        i="${file##*-}"
        i="${i%.pid}"
        [[ $i =~ ^[0-9]+$ ]] && ((i > n)) && printf '%s\n' "$i"
    done
    return 0
}

fn_build() {
    say "building $FN (release)"
    (cd "$REPO_ROOT" && swift build -c release --product "$FN")
}

# Installs the release binary under $PREFIX/bin (default /opt/travel/bin, as fn@.service expects) atomically:
# a running process keeps its old inode; restart or reload it (systemctl restart fn@<fn>) to switch.
fn_install() {
    resolve_bin_dir
    local prefix="${DESTDIR:-}${PREFIX:-/opt/travel}"
    [[ -x $BIN_DIR/$FN ]] || die "$BIN_DIR/$FN not built (deploy/$FN build)"
    install -d -m 0755 "$prefix/bin"
    install -m 0755 "$BIN_DIR/$FN" "$prefix/bin/.$FN.new"
    mv -f "$prefix/bin/.$FN.new" "$prefix/bin/$FN"
    say "installed $prefix/bin/$FN"
}

# The function's environment: what the caller exported wins, then the snapshot `deploy/up` took,
# then what the run folder dictates (socket, database URL) and per-function overrides.
fn_environment() {
    load_state "$FUNCTION_ENV_FILE"
    local prefix threads_var body_var
    prefix="$(fn_prefix "$FN")"
    threads_var="${prefix}_THREADS"
    body_var="${prefix}_MAX_BODY_BYTES"
    if [[ -n ${!threads_var:-} ]]; then export FCGI_THREADS="${!threads_var}"; fi
    if [[ -n ${!body_var:-} ]]; then export MAX_BODY_BYTES="${!body_var}"; fi
    if [[ -z ${DATABASE_URL:-} && -e $PG_LINK ]]; then
        DATABASE_URL="$(db_url app)"
        export DATABASE_URL
    fi
    if [[ -z ${APP_VERSION:-} ]]; then
        APP_VERSION="$(git -C "$REPO_ROOT" describe --always --dirty 2>/dev/null || printf 'dev')"
        export APP_VERSION
    fi
}

fn_start_one() {
    local i="$1" sock pidfile logfile pid bin deadline
    sock="$(fn_socket "$i")"
    pidfile="$(fn_pidfile "$i")"
    logfile="$(fn_logfile "$i")"
    pid="$(fn_pid "$i")"
    if [[ -n $pid ]]; then
        say "$FN-$i already running (pid $pid)"
        return 0
    fi
    bin="$BIN_DIR/$FN"
    [[ -x $bin ]] || die "$bin not found or not executable (make build)"
    ((${#sock} < 108)) || die "socket path $sock is longer than a unix socket allows; use a shorter RUN_DIR"
    rm -f "$sock"
    # setsid: the process outlives this shell and its terminal; stdin is /dev/null because an unset
    # FCGI_SOCKET would mean "listen on fd 0" (systemd), which must never happen by accident here.
    (
        cd "$RUN_DIR" || exit 1
        close_inherited_fds
        export FCGI_SOCKET="unix:$sock"
        exec setsid "$bin" </dev/null >>"$logfile" 2>&1
    ) &
    pid=$!
    printf '%s\n' "$pid" >"$pidfile"
    deadline=$((SECONDS + START_TIMEOUT))
    until [[ -S $sock ]]; do
        if ! pid_alive "$pid"; then
            rm -f "$pidfile"
            show_log_tail "$logfile"
            die "$FN-$i exited during start-up (log: $logfile)"
        fi
        if ((SECONDS >= deadline)); then
            show_log_tail "$logfile"
            die "$FN-$i did not create $sock within ${START_TIMEOUT}s"
        fi
        sleep 0.05
    done
    say "$FN-$i started (pid $pid, $sock)"
}

# SIGTERM, then wait: the process stops accepting, finishes its in-flight requests and exits 0.
fn_stop_one() {
    local i="$1" pid pidfile
    pidfile="$(fn_pidfile "$i")"
    pid="$(fn_pid "$i")"
    if [[ -z $pid ]]; then
        rm -f "$pidfile"
        return 0
    fi
    say "stopping $FN-$i (pid $pid): SIGTERM, waiting up to ${STOP_TIMEOUT}s for in-flight requests"
    local rc=0
    terminate "$pid" "/$FN" "$FN-$i" || rc=1
    rm -f "$pidfile"
    # The function removes its socket on exit; after a SIGKILL it cannot.
    rm -f "$(fn_socket "$i")"
    if ((rc == 0)); then say "$FN-$i stopped"; fi
    return "$rc"
}

fn_start() {
    resolve_bin_dir
    ensure_run_dirs
    fn_environment
    local n i
    n="$(fn_procs "$FN")"
    for ((i = 1; i <= n; i++)); do fn_start_one "$i"; done
}

fn_stop() {
    local i rc=0 pids=()
    # Stop all processes at once (each drains in parallel), then wait for all of them.
    for i in $(fn_indexes); do
        fn_stop_one "$i" &
        pids+=("$!")
    done
    for i in "${pids[@]}"; do wait "$i" || rc=1; done
    return "$rc"
}

# Rolling restart: one process at a time, so the others keep serving (needs <FN>_PROCS >= 2 for zero
# downtime; with one process, requests during its restart get nginx's 502 JSON).
fn_reload() {
    resolve_bin_dir
    ensure_run_dirs
    fn_environment
    local i n
    n="$(fn_procs "$FN")"
    if ((n < 2)); then warn "$FN has one process; a reload has a short gap (set $(fn_prefix "$FN")_PROCS=2)"; fi
    for i in $(fn_indexes); do
        fn_stop_one "$i"
        if ((i <= n)); then fn_start_one "$i"; fi
    done
}

fn_status() {
    local i pid down=0
    for i in $(fn_indexes); do
        pid="$(fn_pid "$i")"
        if [[ -n $pid ]]; then
            say "$FN-$i running (pid $pid, socket $(fn_socket "$i"), log $(fn_logfile "$i"))"
        else
            say "$FN-$i not running"
            down=1
        fi
    done
    ((down == 0)) || return 3
}

function_main() {
    case "${1:-}" in
        build) fn_build ;;
        install) fn_install ;;
        start) fn_start ;;
        stop) fn_stop ;;
        restart)
            fn_stop
            fn_start
            ;;
        reload) fn_reload ;;
        status) fn_status ;;
        *) die "usage: deploy/$FN build|install|start|stop|restart|reload|status" ;;
    esac
}
