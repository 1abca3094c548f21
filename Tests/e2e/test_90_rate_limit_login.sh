#!/usr/bin/env bash
# limit_req on the login path: hammering it gets 429 JSON with Retry-After. Runs last: it uses up this
# client's login budget.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

check "30 quick POSTs to /api/v1/auth/login -> some 429 rate_limited with Retry-After"
got429=""
for i in $(seq 1 30); do
    request "login$i" -X POST -H 'Content-Type: application/json' --data '{"email":"x@example.com","password":"x"}' \
        "$E2E_BASE_URL/api/v1/auth/login"
    if [[ "$(status "login$i")" == 429 ]]; then
        got429="login$i"
        break
    fi
done
[[ -n $got429 ]] || fail "no 429 after 30 login attempts"
expect_json_error "$got429" 429 rate_limited
retry="$(header "$got429" Retry-After)"
[[ $retry =~ ^[0-9]+$ && $retry -ge 1 ]] || fail "Retry-After is '$retry'"
[[ -n "$(header "$got429" Strict-Transport-Security)" ]] || fail "429 lacks the security headers"
check "the 429 came after ${got429#login} attempts, Retry-After: $retry"

check "other paths are not affected by the login limit"
request other "$E2E_BASE_URL/api/v1/quotes/healthz"
expect_status other 200
