#!/usr/bin/env bash
# deploy/<fn> reload restarts one process at a time: with two processes no request fails.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
fn=inbound
procs="$(platform_setting INBOUND_PROCS)"
[[ ${procs:-1} -ge 2 ]] || fail "this test needs INBOUND_PROCS >= 2 (make test sets 2)"

check "requests keep succeeding during deploy/$fn reload ($procs processes)"
old="$(cat "$E2E_RUN_DIR"/pids/$fn-*.pid | sort | tr '\n' ' ')"
(
    for _ in $(seq 1 400); do
        curl -sk --max-time 5 -o /dev/null -w '%{http_code}\n' "$E2E_BASE_URL/api/v1/$fn/healthz" || true
    done
) >"$TMP/codes" &
loop=$!
sleep 0.2
"$REPO_ROOT/deploy/$fn" reload >"$TMP/reload.log" 2>&1 || { cat "$TMP/reload.log"; fail "deploy/$fn reload failed"; }
wait "$loop"
new="$(cat "$E2E_RUN_DIR"/pids/$fn-*.pid | sort | tr '\n' ' ')"
[[ $old != "$new" ]] || fail "pids unchanged after reload ($old)"
bad="$(grep -vc '^200$' "$TMP/codes" || true)"
total="$(wc -l <"$TMP/codes")"
[[ $bad == 0 ]] || fail "$bad of $total requests failed during the reload: $(sort "$TMP/codes" | uniq -c | tr '\n' ' ')"
check "$total requests, all 200; pids $old-> $new"
