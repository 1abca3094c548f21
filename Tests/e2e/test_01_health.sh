#!/usr/bin/env bash
# Every function answers its healthz through nginx; nginx answers its own.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

for fn in "${FUNCTIONS[@]}"; do
    check "GET /api/v1/$fn/healthz -> 200 {\"status\":\"ok\",\"function\":\"$fn\",\"version\":...}"
    request "h-$fn" "$E2E_BASE_URL/api/v1/$fn/healthz"
    expect_status "h-$fn" 200
    [[ "$(json "h-$fn" status)" == ok ]] || fail "$fn healthz status is not ok"
    [[ "$(json "h-$fn" function)" == "$fn" ]] || fail "$fn healthz names function '$(json "h-$fn" function)'"
    json "h-$fn" version >/dev/null
done
check "GET /healthz (nginx itself) -> 200 JSON"
request nginx "$E2E_BASE_URL/healthz"
expect_status nginx 200
[[ "$(json nginx status)" == ok ]] || fail "nginx healthz status is not ok"
