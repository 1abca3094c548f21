#!/usr/bin/env bash
# Plain HTTP answers only with a permanent redirect to the same path on HTTPS.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

http_port="$(platform_setting HTTP_PORT)"
https_port="$(platform_setting HTTPS_PORT)"
check "GET http://localhost:$http_port/api/v1/quotes/healthz?x=1 -> 301 to https://localhost:$https_port/...?x=1"
request r "http://localhost:$http_port/api/v1/quotes/healthz?x=1"
expect_status r 301
[[ "$(header r Location)" == "https://localhost:$https_port/api/v1/quotes/healthz?x=1" ]] ||
    fail "Location is '$(header r Location)'"
check "POST over HTTP is redirected too (never served)"
request p -X POST --data '{}' "http://localhost:$http_port/api/v1/auth/login"
expect_status p 301
check "following the redirect reaches the function"
request f -L "http://localhost:$http_port/api/v1/quotes/healthz"
expect_status f 200
