#!/usr/bin/env bash
# The six security headers and X-Request-ID are on function responses, nginx's own errors and redirects,
# exactly once each; X-Frame-Options is DENY except on share links.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

expect_security_headers() {
    local name="$1" frame="$2" ancestors="$3" h
    [[ "$(header "$name" Strict-Transport-Security)" == "max-age=31536000; includeSubDomains" ]] || fail "$name: HSTS missing or wrong"
    [[ "$(header "$name" X-Content-Type-Options)" == nosniff ]] || fail "$name: X-Content-Type-Options missing"
    [[ "$(header "$name" X-Frame-Options)" == "$frame" ]] || fail "$name: X-Frame-Options is '$(header "$name" X-Frame-Options)', want $frame"
    [[ "$(header "$name" Content-Security-Policy)" == "default-src 'none'; frame-ancestors $ancestors" ]] ||
        fail "$name: CSP is '$(header "$name" Content-Security-Policy)'"
    [[ "$(header "$name" Referrer-Policy)" == strict-origin-when-cross-origin ]] || fail "$name: Referrer-Policy missing"
    [[ "$(header "$name" Permissions-Policy)" == "geolocation=(), camera=(), microphone=()" ]] || fail "$name: Permissions-Policy missing"
    [[ -n "$(header "$name" X-Request-ID)" ]] || fail "$name: X-Request-ID missing"
    for h in Strict-Transport-Security X-Content-Type-Options X-Frame-Options Content-Security-Policy Referrer-Policy \
        Permissions-Policy X-Request-ID; do
        [[ "$(header_count "$name" "$h")" == 1 ]] || fail "$name: $h appears $(header_count "$name" "$h") times"
    done
}

check "curl -kI on a function path: six security headers + X-Request-ID, once each"
request fn -I "$E2E_BASE_URL/api/v1/quotes/healthz"
expect_status fn 200
expect_security_headers fn DENY "'none'"

check "curl -kI on an unknown path (nginx's 404): the same headers"
request notfound -I "$E2E_BASE_URL/no/such/path"
expect_status notfound 404
expect_security_headers notfound DENY "'none'"

check "a function's error response (404 from the function): the same headers"
request fn404 "$E2E_BASE_URL/api/v1/quotes/no-such-route"
expect_security_headers fn404 DENY "'none'"

check "share link /api/v1/public/quotes/: X-Frame-Options SAMEORIGIN, CSP frame-ancestors 'self'"
request share -I "$E2E_BASE_URL/api/v1/public/quotes/some-token"
expect_security_headers share SAMEORIGIN "'self'"

check "the HTTP->HTTPS redirect carries them too"
request redirect -I "http://127.0.0.1:$(platform_setting HTTP_PORT)/api/v1/quotes/healthz"
expect_status redirect 301
expect_security_headers redirect DENY "'none'"
