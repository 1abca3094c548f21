#!/usr/bin/env bash
# X-Request-ID: a valid client id is used end to end; an invalid one is replaced by nginx's own.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

check "client X-Request-ID: abc-123 is echoed in the response header"
request good -H 'X-Request-ID: abc-123' "$E2E_BASE_URL/api/v1/quotes/healthz"
expect_status good 200
[[ "$(header good X-Request-ID)" == abc-123 ]] || fail "X-Request-ID is '$(header good X-Request-ID)', want abc-123"
[[ "$(header_count good X-Request-ID)" == 1 ]] || fail "X-Request-ID appears $(header_count good X-Request-ID) times"

check "the function receives it (REQUEST_ID): its error body names abc-123"
request good-err -H 'X-Request-ID: abc-123' -H 'Content-Type: application/json' --data '{not json' \
    "$E2E_BASE_URL/api/v1/quotes/debug/echo"
[[ "$(json good-err error.request_id)" == abc-123 ]] || fail "function saw request id '$(json good-err error.request_id)'"

for bad in 'has space' 'semi;colon' "$(printf 'x%.0s' {1..129})"; do
    check "invalid X-Request-ID '${bad:0:20}...' is replaced by a generated id"
    request bad -H "X-Request-ID: $bad" "$E2E_BASE_URL/api/v1/quotes/healthz"
    rid="$(header bad X-Request-ID)"
    [[ $rid != "$bad" && $rid =~ ^[0-9a-f]{32}$ ]] || fail "invalid id not replaced: got '$rid'"
done

check "no client id: a 32-hex id is generated, different per request"
request a "$E2E_BASE_URL/api/v1/quotes/healthz"
request b "$E2E_BASE_URL/api/v1/quotes/healthz"
[[ "$(header a X-Request-ID)" =~ ^[0-9a-f]{32}$ && "$(header a X-Request-ID)" != "$(header b X-Request-ID)" ]] ||
    fail "generated ids look wrong: '$(header a X-Request-ID)' '$(header b X-Request-ID)'"
