#!/usr/bin/env bash
# Identity through nginx and the real processes: create a tenant with the admin token, log in, use the
# token, then suspend the tenant and see every request refused within 5 s (the tenant-admin process that
# suspends is not the one whose cache must learn it: two processes, LISTEN/NOTIFY plus the cache TTL).
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

admin_token="$(sed -n 's/^ADMIN_API_TOKEN=//p' "$E2E_RUN_DIR/function.env" | tail -n 1)"
[[ -n $admin_token ]] || fail "the test platform has no ADMIN_API_TOKEN"
tenant="e2e-$(openssl rand -hex 4)"
email="owner@$tenant.example.com"
password="E2e-password-$(openssl rand -hex 6)"
api="$E2E_BASE_URL/api/v1"

check "POST /admin/tenants without the admin token -> 401 JSON"
request noadmin -X POST -H 'Content-Type: application/json' -d '{}' "$api/admin/tenants"
expect_json_error noadmin 401 unauthorized

check "POST /admin/tenants -> 201 with tenant and admin_user"
request create -X POST -H "X-Admin-Token: $admin_token" -H 'Content-Type: application/json' \
    -d "{\"tenant_id\":\"$tenant\",\"company_name\":\"E2E Travel\",\"admin_email\":\"$email\",\"admin_password\":\"$password\",\"plan\":\"pro\"}" \
    "$api/admin/tenants"
expect_status create 201
[[ "$(json create tenant.status)" == active && "$(json create admin_user.role)" == admin ]] || fail "unexpected body: $(body create)"

check "POST /auth/login -> 200 Bearer token pair"
request login -X POST -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$api/auth/login"
expect_status login 200
access="$(json login access_token)"
[[ "$(json login token_type)" == Bearer && "$(json login expires_in)" == 900 ]] || fail "unexpected login body"

check "GET /auth/me with the token -> 200; with X-Client-ID of another tenant -> 403"
request me -H "Authorization: Bearer $access" "$api/auth/me"
expect_status me 200
[[ "$(json me tenant.tenant_id)" == "$tenant" ]] || fail "me shows the wrong tenant"
request mismatch -H "Authorization: Bearer $access" -H 'X-Client-ID: demo' "$api/auth/me"
expect_json_error mismatch 403 tenant_mismatch

check "suspend -> the token is refused within 5 s (403 tenant_suspended)"
request suspend -X POST -H "X-Admin-Token: $admin_token" -H 'Content-Type: application/json' -d '{"reason":"e2e suspension"}' \
    "$api/admin/tenants/$tenant/suspend"
expect_status suspend 200
started=$SECONDS
blocked=0
while ((SECONDS - started <= 5)); do
    request after -H "Authorization: Bearer $access" "$api/tenant/config"
    if [[ "$(status after)" == 403 ]]; then blocked=1; break; fi
    sleep 0.2
done
((blocked)) || fail "still allowed 5 s after suspension: $(body after)"
expect_json_error after 403 tenant_suspended

check "activate -> allowed again; delete with confirm -> gone"
request activate -X POST -H "X-Admin-Token: $admin_token" "$api/admin/tenants/$tenant/activate"
expect_status activate 200
deadline=$((SECONDS + 6))
until [[ "$(curl -sk -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $access" "$api/auth/me")" == 200 ]]; do
    ((SECONDS < deadline)) || fail "not allowed again after activation"
    sleep 0.2
done
request delete -X DELETE -H "X-Admin-Token: $admin_token" "$api/admin/tenants/$tenant?confirm=true"
expect_status delete 200
request gone -H "Authorization: Bearer $access" "$api/auth/me"
expect_json_error gone 401 invalid_token
