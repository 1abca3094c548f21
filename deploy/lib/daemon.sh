# shellcheck shell=bash disable=SC2153
# (SC2153: NAME and BIN are set by the calling script.)
# A background process of the run folder that is not a FastCGI function (the job worker, the provider fakes):
# start (detached, stderr/stdout to $RUN_DIR/logs/<name>.log, pid in $RUN_DIR/pids/<name>.pid), stop
# (SIGTERM: the current job finishes; SIGKILL after STOP_TIMEOUT), status. The caller sets NAME and BIN.

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# shellcheck source=db.sh
source "$DEPLOY_DIR/lib/db.sh"

daemon_pidfile() { printf '%s/pids/%s.pid' "$RUN_DIR" "$NAME"; }
daemon_logfile() { printf '%s/logs/%s.log' "$RUN_DIR" "$NAME"; }
daemon_pid() { live_pid "$(daemon_pidfile)" "/$BIN"; }

# daemon_start [args...]: starts $BIN_DIR/$BIN with the functions' environment unless it already runs.
daemon_start() {
    resolve_bin_dir
    ensure_run_dirs
    load_state "$FUNCTION_ENV_FILE"
    if [[ -z ${DATABASE_URL:-} && -e $PG_LINK ]]; then
        DATABASE_URL="$(db_url app)"
        export DATABASE_URL
    fi
    local pid bin="$BIN_DIR/$BIN" logfile
    pid="$(daemon_pid)"
    if [[ -n $pid ]]; then
        say "$NAME already running (pid $pid)"
        return 0
    fi
    [[ -x $bin ]] || die "$bin not found or not executable (make build)"
    logfile="$(daemon_logfile)"
    (
        cd "$RUN_DIR" || exit 1
        close_inherited_fds
        exec setsid "$bin" "$@" </dev/null >>"$logfile" 2>&1
    ) &
    pid=$!
    printf '%s\n' "$pid" >"$(daemon_pidfile)"
    sleep 0.3
    if ! pid_alive "$pid"; then
        rm -f "$(daemon_pidfile)"
        show_log_tail "$logfile"
        die "$NAME exited during start-up (log: $logfile)"
    fi
    say "$NAME started (pid $pid, log $logfile)"
}

daemon_stop() {
    local pid rc=0
    pid="$(daemon_pid)"
    if [[ -z $pid ]]; then
        rm -f "$(daemon_pidfile)"
        return 0
    fi
    say "stopping $NAME (pid $pid): SIGTERM, waiting up to ${STOP_TIMEOUT}s"
    terminate "$pid" "/$BIN" "$NAME" || rc=1
    rm -f "$(daemon_pidfile)"
    if ((rc == 0)); then say "$NAME stopped"; fi
    return "$rc"
}

daemon_status() {
    local pid
    pid="$(daemon_pid)"
    if [[ -n $pid ]]; then say "$NAME running (pid $pid)"; else say "$NAME not running"; return 1; fi
}

daemon_main() {
    case "${1:-}" in
    start) daemon_start "${@:2}" ;;
    stop) daemon_stop ;;
    restart) daemon_stop && daemon_start "${@:2}" ;;
    status) daemon_status ;;
    *) die "usage: deploy/$NAME start|stop|restart|status" ;;
    esac
}
