#!/usr/bin/env bash
# Every error nginx generates itself is JSON {"error":{"code","message","request_id"}} (application/json).
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

check "unknown path -> 404 not_found"
request e404 "$E2E_BASE_URL/api/v1/nothing-here"
expect_json_error e404 404 not_found
check "unknown public path -> 404 (only share links and the helpdesk widget are public)"
request e404p "$E2E_BASE_URL/api/v1/public/other"
expect_json_error e404p 404 not_found
check "a path that only starts like a family (/api/v1/quotesX) -> 404 from nginx"
request e404f "$E2E_BASE_URL/api/v1/quotesX"
expect_json_error e404f 404 not_found

check "URI longer than the header buffers -> 414 uri_too_long"
request e414 --http1.1 "$E2E_BASE_URL/api/v1/quotes/$(head -c 20000 /dev/zero | tr '\0' a)"
expect_json_error e414 414 uri_too_long

check "headers too large -> 400 headers_too_large"
request e494 --http1.1 -H "X-Big: $(head -c 20000 /dev/zero | tr '\0' a)" "$E2E_BASE_URL/api/v1/quotes/healthz"
expect_json_error e494 400 headers_too_large

check "plain HTTP to the HTTPS port -> 400 https_required"
request e497 "http://127.0.0.1:$(platform_setting HTTPS_PORT)/api/v1/quotes/healthz"
expect_json_error e497 400 https_required

check "nginx 500 and 503 pages (test-only locations) are JSON"
request e500 "$E2E_BASE_URL/__e2e/status/500"
expect_json_error e500 500 internal_error
request e503 "$E2E_BASE_URL/__e2e/status/503"
expect_json_error e503 503 service_unavailable

check "a function slower than fastcgi_read_timeout -> 504 gateway_timeout"
request e504 "$E2E_BASE_URL/__e2e/timeout"
expect_json_error e504 504 gateway_timeout
