#!/usr/bin/env bash
# CORS from CORS_ORIGINS: preflight 204 with allow headers for a listed origin, nothing for others,
# never a wildcard.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

origins="$(platform_setting CORS_ORIGINS)"
check "an unlisted origin gets no Access-Control-* headers (preflight still 204)"
request evil -X OPTIONS -H 'Origin: https://evil.example' -H 'Access-Control-Request-Method: POST' "$E2E_BASE_URL/api/v1/quotes"
expect_status evil 204
[[ -z "$(header evil Access-Control-Allow-Origin)" ]] || fail "unlisted origin allowed: $(header evil Access-Control-Allow-Origin)"

[[ -n $origins ]] || fail "the platform under test has no CORS_ORIGINS (make test sets one)"
origin="${origins%%,*}"
check "preflight from $origin -> 204 with allow-origin (echoed), credentials, methods, headers"
request pre -X OPTIONS -H "Origin: $origin" -H 'Access-Control-Request-Method: POST' \
    -H 'Access-Control-Request-Headers: authorization, content-type' "$E2E_BASE_URL/api/v1/quotes"
expect_status pre 204
[[ "$(header pre Access-Control-Allow-Origin)" == "$origin" ]] || fail "allow-origin is '$(header pre Access-Control-Allow-Origin)'"
[[ "$(header pre Access-Control-Allow-Credentials)" == true ]] || fail "no allow-credentials"
[[ "$(header pre Access-Control-Allow-Methods)" == *POST* ]] || fail "allow-methods lacks POST"
[[ "$(header pre Access-Control-Allow-Headers)" == *Authorization* ]] || fail "allow-headers lacks Authorization"
[[ -n "$(header pre X-Request-ID)" ]] || fail "preflight has no X-Request-ID"

check "a simple GET from $origin carries allow-origin but not the preflight-only headers"
request get -H "Origin: $origin" "$E2E_BASE_URL/api/v1/quotes/healthz"
[[ "$(header get Access-Control-Allow-Origin)" == "$origin" ]] || fail "GET lacks allow-origin"
[[ -z "$(header get Access-Control-Allow-Methods)" ]] || fail "GET carries Access-Control-Allow-Methods"
[[ "$(header_count get Access-Control-Allow-Origin)" == 1 ]] || fail "allow-origin appears more than once"
