# shellcheck shell=bash
# BENCH_SCENARIO=quotes for deploy/bench: a tenant with a realistic rate table (50 hotels × 20 rate rows, imported
# as CSV through the API), logged in, and a wrk script that POSTs /api/v1/quotes/generate (priced and stored,
# no email) with varied parties and dates. Sourced after deploy/up; sets FUNCTION_PATH and WRK_SCRIPT, which
# deploy/bench reads.
# shellcheck disable=SC2034

bench_quotes_setup() {
    local base=$1 admin_token=$2 tenant password email csv year login token
    tenant="bench-$(openssl rand -hex 3)"
    email="owner@$tenant.example.com"
    password="Bench-$(openssl rand -hex 8)"
    year=$(($(date -u +%Y) + 1))
    curl -sfk -X POST -H "X-Admin-Token: $admin_token" -H 'Content-Type: application/json' \
        -d "{\"tenant_id\":\"$tenant\",\"company_name\":\"Bench Travel\",\"admin_email\":\"$email\",\"admin_password\":\"$password\",\"plan\":\"pro\"}" \
        "$base/api/v1/admin/tenants" >/dev/null || die "cannot create the bench tenant"
    login="$(curl -sfk -X POST -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" \
        "$base/api/v1/auth/login")" || die "cannot log in as the bench tenant"
    token="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' <<<"$login")"
    curl -sfk -X PATCH -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"destinations":[{"name":"Zanzibar"}],"pricing":{"margin_percent":12.5,"round_to":100}}' \
        "$base/api/v1/tenant/config" >/dev/null || die "cannot configure the bench tenant"
    # 50 hotels × 20 rows: per hotel, 10 rooms/meal plans × 2 validity halves of the year; every other hotel
    # sells 7-night packages, the rest per-night rates.
    csv="$RUN_DIR/bench-rates.csv"
    python3 - "$year" >"$csv" <<'PY'
import sys
year = int(sys.argv[1])
print("destination,hotel,rating,room_type,meal_plan,valid_from,valid_to,nights,adult_sharing,single,child,infant,currency")
rooms = ["Standard", "Superior", "Deluxe", "Junior Suite", "Suite"]
meals = ["Bed & Breakfast", "Half Board"]
for h in range(50):
    for r, room in enumerate(rooms):
        for m, meal in enumerate(meals):
            for half, (start, end) in enumerate([(f"{year}-01-01", f"{year}-06-30"), (f"{year}-07-01", f"{year}-12-31")]):
                package = h % 2 == 0
                base = (900 + h * 37 + r * 180 + m * 120 + half * 90) * (7 if package else 1)
                print(f"Zanzibar,Bench Hotel {h:02d},{3 + h % 3},{room},{meal},{start},{end},{7 if package else ''},"
                      f"{base}.00,{base * 14 // 10}.00,{base // 2}.00,0.00,ZAR")
PY
    curl -sfk -X POST -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary "@$csv" \
        "$base/api/v1/rates/import" >/dev/null || die "cannot import the bench rates"
    WRK_SCRIPT="$RUN_DIR/generate.lua"
    cat >"$WRK_SCRIPT" <<LUA
-- POST /api/v1/quotes/generate with parties and dates varying per request (no email: pricing + storing).
local n = 0
request = function()
  n = n + 1
  local day = 1 + (n % 27)
  local adults = 1 + (n % 3)
  local ages = (n % 4 == 0) and "[7, 1]" or "[]"
  local body = string.format('{"inquiry":{"name":"Bench Customer","email":"c%d@example.com","destination":"Zanzibar",'
    .. '"check_in":"$year-%02d-%02d","nights":7,"adults":%d,"children_ages":%s},"send_email":false}',
    n % 500, 1 + (n % 11), day, adults, ages)
  return wrk.format("POST", "/api/v1/quotes/generate",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer $token"}, body)
end
LUA
    FUNCTION_PATH=/api/v1/quotes/generate
}
