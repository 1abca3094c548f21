#!/usr/bin/env bash
# Unroutable mail is kept, never dropped (issue 6 acceptance, SPEC §1): a mail to an address no tenant claims is
# stored, marked unroutable by the worker and listed by the platform-admin API; once the tenant adds the address
# (email.support_address), the re-process action turns it into that tenant's ticket.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

e2e_tenant e2eu '{"inbound":{"mode":"ticket"}}'
address="desk-$(openssl rand -hex 4)@unclaimed-$(openssl rand -hex 3).example.net"
admin=(-H "X-Admin-Token: $ADMIN_TOKEN")
worker_start

check "a mail to $address (no tenant claims it) -> 200 stored"
sendgrid_form "e2e-$(openssl rand -hex 6)@mail.example.com" "Lea Roux <lea.$(openssl rand -hex 3)@example.com>" \
    "Bookings <$address>" "Zanzibar for two" "Bonjour, 2 adults, 7 nights in Zanzibar from 10 March $YEAR. Lea Roux"
inbound_post post
expect_status post 200
message="$(json post id)"

check "the worker marks it unroutable; GET /api/v1/inbound/admin/messages?status=unroutable lists it"
listed() {
    request unroutable "${admin[@]}" "$API/inbound/admin/messages?status=unroutable&limit=100"
    [[ "$(json_eval unroutable "[m['status'] for m in d['data'] if m['id'] == '$message']")" == "['unroutable']" ]]
}
wait_until 20 listed || fail "message $message ('$(inbound_status "$message")') not listed as unroutable: \
HTTP $(status unroutable) $(body unroutable | head -c 400)"
[[ "$(ticket_count)" == 0 ]] || fail "a ticket was opened for unroutable mail: $(body tickets | head -c 300)"

check "the admin list needs the admin token: 401 without, and no tenant token works either"
request noadmin "$API/inbound/admin/messages?status=unroutable"
expect_json_error noadmin 401 unauthorized
request tenanttoken -H "$AUTH" "$API/inbound/admin/messages?status=unroutable"
expect_json_error tenanttoken 401 unauthorized

check "the tenant adds the address; POST /api/v1/inbound/admin/messages/{id}/reprocess -> 202 -> a ticket"
tenant_config "{\"email\":{\"support_address\":\"$address\"}}"
request reprocess -X POST "${admin[@]}" "$API/inbound/admin/messages/$message/reprocess"
expect_status reprocess 202
ticketed() { [[ "$(ticket_count)" == 1 ]]; }
wait_until 20 ticketed || fail "no ticket after re-processing ('$(inbound_status "$message")'): $(body tickets | head -c 400)"
[[ "$(json_eval tickets 'd["data"][0]["status"]')" == open ]] || fail "ticket: $(body tickets | head -c 400)"
processed() { [[ "$(inbound_status "$message")" == processed ]]; }
wait_until 5 processed || fail "message is '$(inbound_status "$message")'"
[[ "$(e2e_psql "SELECT routed_tenant FROM inbound_messages WHERE id = $(sql_text "$message")")" == "$TENANT" ]] ||
    fail "routed_tenant is not $TENANT"
request gone "${admin[@]}" "$API/inbound/admin/messages?status=unroutable&limit=100"
[[ "$(json_eval gone "len([m for m in d['data'] if m['id'] == '$message'])")" == 0 ]] || fail "still listed as unroutable"

check "re-processing an unknown message -> 404 JSON"
request unknown -X POST "${admin[@]}" "$API/inbound/admin/messages/00000000-0000-4000-8000-000000000000/reprocess"
expect_json_error unknown 404 not_found
