#!/usr/bin/env bash
# nginx's access log is JSON lines carrying the request id and the upstream timing.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
rid="e2e-log-$RANDOM$RANDOM"
check "a request with X-Request-ID $rid appears in logs/nginx-access.log as JSON"
request r -H "X-Request-ID: $rid" "$E2E_BASE_URL/api/v1/analytics/healthz?secret=not-logged"
expect_status r 200
line=""
for _ in $(seq 1 20); do
    line="$(grep -F "\"$rid\"" "$E2E_RUN_DIR/logs/nginx-access.log" | tail -n 1 || true)"
    [[ -n $line ]] && break
    sleep 0.1
done
[[ -n $line ]] || fail "no access-log line with $rid"
printf '%s\n' "$line" | python3 -c '
import json, sys
entry = json.loads(sys.stdin.read())
for key in ("time", "request_id", "method", "uri", "status", "bytes", "request_time", "upstream_response_time", "remote_addr"):
    assert key in entry, "missing " + key
assert entry["status"] == 200 and entry["method"] == "GET", entry
assert entry["uri"] == "/api/v1/analytics/healthz", "uri " + entry["uri"]
assert entry["upstream_response_time"] not in ("", "-"), "no upstream time"
' || fail "access-log line is not the expected JSON: $line"
check "the query string is not logged"
if grep -q 'not-logged' "$E2E_RUN_DIR/logs/nginx-access.log"; then fail "query string in the access log"; fi
