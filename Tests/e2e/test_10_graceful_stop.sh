#!/usr/bin/env bash
# SIGTERM lets in-flight requests finish; while the function is down nginx answers 502/503 JSON;
# deploy/<fn> start brings it back.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
fn=quotes
pid="$(function_pid $fn)"

check "start GET /api/v1/$fn/debug/sleep?ms=3000, then SIGTERM $fn-1 (pid $pid) while it is in flight"
request inflight "$E2E_BASE_URL/api/v1/$fn/debug/sleep?ms=3000" &
inflight=$!
sleep 0.8
kill -TERM "$pid"

check "the in-flight request still gets 200 {\"slept_ms\":3000}"
wait "$inflight" || true
expect_status inflight 200
[[ "$(json inflight slept_ms)" == 3000 ]] || fail "slept_ms is $(json inflight slept_ms)"

check "the process exits by itself"
for _ in $(seq 1 100); do
    state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
    [[ -z $state || $state == Z ]] && break
    sleep 0.1
done
[[ -z $state || $state == Z ]] || fail "pid $pid still running 10 s after SIGTERM"

check "while it is down: 502/503 JSON from nginx"
request down "$E2E_BASE_URL/api/v1/$fn/healthz"
case "$(status down)" in
    502) expect_json_error down 502 bad_gateway ;;
    503) expect_json_error down 503 service_unavailable ;;
    *) fail "while down: HTTP $(status down), want 502 or 503" ;;
esac

check "deploy/$fn start brings it back: healthz 200"
"$REPO_ROOT/deploy/$fn" start >"$TMP/start.log" 2>&1 || { cat "$TMP/start.log"; fail "deploy/$fn start failed"; }
wait_for_status "$E2E_BASE_URL/api/v1/$fn/healthz" 200 10 || fail "$fn healthz not 200 after restart"
