#!/usr/bin/env bash
# A function's own errors pass through nginx unchanged: 400 malformed_json; a 500 whose body is generic
# while the function's log holds the detail under the same request id.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

check "malformed JSON to /api/v1/quotes/debug/echo -> 400 JSON malformed_json"
request bad -H 'Content-Type: application/json' --data '{"message": "unterminated' "$E2E_BASE_URL/api/v1/quotes/debug/echo"
expect_json_error bad 400 malformed_json

check "valid JSON is echoed"
request echo -H 'Content-Type: application/json' --data '{"message":"héllo"}' "$E2E_BASE_URL/api/v1/quotes/debug/echo"
expect_status echo 200
[[ "$(json echo message)" == "héllo" ]] || fail "echo returned '$(json echo message)'"

rid="e2e-fail-$RANDOM$RANDOM"
check "GET /api/v1/quotes/debug/fail -> 500 internal_error with a generic message (request id $rid)"
request fail -H "X-Request-ID: $rid" "$E2E_BASE_URL/api/v1/quotes/debug/fail"
expect_json_error fail 500 internal_error
[[ "$(json fail error.request_id)" == "$rid" ]] || fail "500 body names request id '$(json fail error.request_id)'"
if grep -qi 'debug failure' "$TMP/fail.body"; then fail "the 500 body leaks the internal detail"; fi

check "the function's log has the detail: a JSON line with request id $rid, status 500 and 'debug failure'"
found=""
for _ in $(seq 1 20); do
    found="$(grep -h -F "$rid" "$E2E_RUN_DIR"/logs/quotes-*.log | grep -F '"status":500' | grep -F 'debug failure' || true)"
    found="${found:-$(grep -h -F "$rid" "$E2E_RUN_DIR"/logs/quotes-*.log | grep -E '"status": ?500' | grep -F 'debug failure' || true)}"
    [[ -n $found ]] && break
    sleep 0.1
done
[[ -n $found ]] || fail "no log line in $E2E_RUN_DIR/logs/quotes-*.log with $rid, status 500 and 'debug failure'"
printf '%s\n' "$found" | head -n 1 | python3 -c 'import json, sys; json.loads(sys.stdin.readline())' ||
    fail "the log line is not JSON"
