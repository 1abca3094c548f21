#!/usr/bin/env bash
# Quotes through nginx and the real quotes process: a tenant imports its rates as CSV, generates a quote
# (priced, stored, its email queued with the PDF), downloads the PDF, shares it, and the customer opens the
# signed link without logging in (PDF served, quote marked viewed, framing allowed only there).
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

admin_token="$(sed -n 's/^ADMIN_API_TOKEN=//p' "$E2E_RUN_DIR/function.env" | tail -n 1)"
[[ -n $admin_token ]] || fail "the test platform has no ADMIN_API_TOKEN"
tenant="e2eq-$(openssl rand -hex 4)"
email="owner@$tenant.example.com"
password="E2e-password-$(openssl rand -hex 6)"
api="$E2E_BASE_URL/api/v1"
year=$(($(date -u +%Y) + 1))

request create -X POST -H "X-Admin-Token: $admin_token" -H 'Content-Type: application/json' \
    -d "{\"tenant_id\":\"$tenant\",\"company_name\":\"Ñandú Viagens\",\"admin_email\":\"$email\",\"admin_password\":\"$password\",\"currency\":\"ZAR\",\"plan\":\"pro\"}" \
    "$api/admin/tenants"
expect_status create 201
request login -X POST -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$api/auth/login"
expect_status login 200
auth="Authorization: Bearer $(json login access_token)"
request config -X PATCH -H "$auth" -H 'Content-Type: application/merge-patch+json' \
    -d "{\"destinations\":[{\"name\":\"Zanzibar\"}],\"email\":{\"from_address\":\"quotes@$tenant.example.com\"}}" "$api/tenant/config"
expect_status config 200

check "POST /rates/import (text/csv) -> 200 imported 2; a bad row -> 422 listing it, nothing imported"
csv="destination,hotel,rating,room_type,meal_plan,valid_from,valid_to,nights,adult_sharing,single,child,infant,currency
Zanzibar,\"Palm Beach Resort, Spa\",5,Deluxe,Half Board,$year-01-01,$year-12-31,7,10000.00,14000.00,5000.00,0,ZAR
Zanzibar,Coral Lodge,3.5,Garden,Bed & Breakfast,$year-01-01,$year-12-31,,1200.00,1800.00,600.00,,ZAR"
request import -X POST -H "$auth" -H 'Content-Type: text/csv' --data-binary "$csv" "$api/rates/import"
expect_status import 200
[[ "$(json import imported)" == 2 ]] || fail "imported: $(body import)"
request badimport -X POST -H "$auth" -H 'Content-Type: text/csv' --data-binary "$csv
Zanzibar,Bad Hotel,5,Deluxe,Half Board,$year-12-31,$year-01-01,7,abc,,,,ZAR" "$api/rates/import"
expect_json_error badimport 422 invalid_rows
request rates -H "$auth" "$api/rates?destination=zanzibar"
[[ "$(json rates total)" == 2 ]] || fail "rates after a refused import: $(body rates)"

check "POST /quotes/generate -> 201 sent, 2 alternative options, email queued"
request generate -X POST -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"inquiry\":{\"name\":\"Zoë Ñúñez\",\"email\":\"zoe@example.com\",\"destination\":\"Zanzibar\",\"check_in\":\"$year-03-10\",\"check_out\":\"$year-03-17\",\"adults\":2},\"send_email\":true}" \
    "$api/quotes/generate"
expect_status generate 201
quote="$(json generate quote.quote_id)"
[[ "$(json generate quote.status)" == sent && "$(json generate email.queued)" == true ]] || fail "generate: $(body generate)"
[[ "$(json generate quote.options.0.total.amount)" == 1680000 && "$(json generate quote.options.1.total.amount)" == 2000000 ]] ||
    fail "option totals: $(body generate)"

check "GET /quotes/{id}/pdf -> application/pdf with the customer's name"
request pdf -H "$auth" "$api/quotes/$quote/pdf"
expect_status pdf 200
[[ "$(content_type pdf)" == application/pdf* ]] || fail "content type $(content_type pdf)"
pdftotext "$TMP/pdf.body" - | grep -q 'Zoë Ñúñez' || fail "the PDF text lacks the customer name"

check "POST /quotes/{id}/share -> a public link; opening it serves the PDF and marks the quote viewed"
request share -X POST -H "$auth" "$api/quotes/$quote/share"
expect_status share 201
token="$(json share token)"
request public "$api/public/quotes/$token"
expect_status public 200
[[ "$(content_type public)" == application/pdf* ]] || fail "public content type $(content_type public)"
[[ "$(header public x-frame-options)" != DENY ]] || fail "the share link must be frameable by our own origin"
request viewed -H "$auth" "$api/quotes/$quote"
[[ "$(json viewed quote.status)" == viewed ]] || fail "not viewed: $(body viewed)"
request tampered "$api/public/quotes/${token%?}x"
expect_json_error tampered 404 not_found

request drop -X DELETE -H "X-Admin-Token: $admin_token" "$api/admin/tenants/$tenant?confirm=true"
expect_status drop 200
