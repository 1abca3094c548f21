#!/usr/bin/env bash
# No descriptor leaks: a function's open-fd count is unchanged (±3) after 1000 requests.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
fn=tenant-admin
pid="$(function_pid $fn)"
fds() { find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l; }

check "warm up (healthz, readyz, errors) so lazily opened connections exist"
curl -sk -o /dev/null -o /dev/null -o /dev/null "$E2E_BASE_URL/api/v1/$fn/healthz?w=[1-50]" "$E2E_BASE_URL/api/v1/$fn/readyz?w=[1-20]" \
    "$E2E_BASE_URL/api/v1/$fn/no-such-route?w=[1-20]"
# test_12 restarted PostgreSQL: threads whose connection died reconnect on their next query. Warm up until a
# whole batch of readyz answers 200, so reconnections are not counted as a leak below.
deadline=$((SECONDS + 15))
until [[ "$(curl -sk -o /dev/null -w '%{http_code}\n' "$E2E_BASE_URL/api/v1/$fn/readyz?r=[1-40]" | sort -u)" == 200 ]]; do
    ((SECONDS < deadline)) || fail "readyz does not answer 200 steadily"
    sleep 0.5
done
before="$(fds)"
check "1000 requests (healthz, readyz, 404s, malformed bodies) through nginx to $fn-1 (pid $pid)"
curl -sk -o /dev/null -w '%{http_code}\n' "$E2E_BASE_URL/api/v1/$fn/healthz?i=[1-700]" >"$TMP/codes"
curl -sk -o /dev/null -w '%{http_code}\n' "$E2E_BASE_URL/api/v1/$fn/readyz?i=[1-200]" >>"$TMP/codes"
curl -sk -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' --data '{x' \
    "$E2E_BASE_URL/api/v1/$fn/debug/echo?i=[1-100]" >>"$TMP/codes"
[[ "$(wc -l <"$TMP/codes")" == 1000 ]] || fail "expected 1000 responses, got $(wc -l <"$TMP/codes")"
[[ "$(grep -c '^200$' "$TMP/codes")" -ge 900 ]] || fail "too few 200s: $(sort "$TMP/codes" | uniq -c | tr '\n' ' ')"
sleep 0.5
after="$(fds)"
check "open fds before $before, after $after"
((after - before <= 3 && before - after <= 3)) || fail "fd count changed from $before to $after"
