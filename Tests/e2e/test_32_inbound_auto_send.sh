#!/usr/bin/env bash
# Inbound email end to end (issue 6 acceptance): SendGrid's multipart post through nginx -> 200 stored -> the
# worker routes it by the tenant's support address, extracts the trip (rules: no LLM configured), opens a ticket,
# and in `auto_send` mode prices and sends the quote and resolves the ticket — within 5 s of the post. The outbox
# then holds exactly one mail: the quote to the customer with its PDF attached.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
LIMIT_MS=5000

e2e_tenant e2ea '{"email":{"support_address":"quotes@@TENANT@.example.com"},"inbound":{"mode":"auto_send"}}'
customer="zoe.$(openssl rand -hex 4)@example.com"
worker_start

check "POST /webhooks/email/inbound (SendGrid parsed form, to the tenant's support address) -> 200 stored"
sendgrid_form "e2e-$(openssl rand -hex 6)@mail.example.com" "Zoë Ñúñez <$customer>" \
    "Ñandú Viagens <Quotes@$TENANT.example.com>" "Zanzibar in March" \
    "Hello,

We are 2 adults looking for 7 nights in Zanzibar from 10 March $YEAR, budget R60,000 in total.
Half board would be lovely.

Kind regards,
Zoë Ñúñez
+27 82 555 0101"
started=$(date +%s%N)
inbound_post post
expect_status post 200
[[ "$(json post status)" == stored ]] || fail "post: $(body post)"
message="$(json post id)"

check "the worker resolves the ticket with a quote within $LIMIT_MS ms of the post"
resolved() { [[ "$(ticket_count 'status=resolved')" == 1 && -n "$(json_eval tickets 'd["data"][0]["quote_id"] or ""')" ]]; }
wait_until 20 resolved || fail "no resolved ticket with a quote 20 s after the post (message $message is \
'$(inbound_status "$message")'; tickets: $(ticket_count) $(body tickets | head -c 400))"
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
check "  post -> resolved ticket with quote: $elapsed_ms ms"
((elapsed_ms <= LIMIT_MS)) || fail "auto_send took $elapsed_ms ms (limit $LIMIT_MS ms)"
quote="$(json_eval tickets 'd["data"][0]["quote_id"]')"
[[ "$(json_eval tickets 'd["data"][0]["customer"]["email"]')" == "$customer" ]] ||
    fail "ticket customer is not $customer: $(body tickets | head -c 400)"
[[ "$(json_eval tickets 'd["data"][0]["ticket_id"]')" =~ ^TKT-[0-9]{8}-[0-9A-F]{6}$ ]] || fail "ticket_id: $(body tickets | head -c 300)"
[[ "$(ticket_count)" == 1 ]] || fail "expected one ticket in all, got $(ticket_count)"
[[ "$(inbound_status "$message")" == processed ]] || fail "message $message is '$(inbound_status "$message")', not processed"

check "the quote is stored, sent, priced for 2 adults in Zanzibar"
request quote -H "$AUTH" "$API/quotes/$quote"
expect_status quote 200
[[ "$(json quote quote.status)" == sent ]] || fail "quote status: $(body quote | head -c 400)"
# test_30's rates: Coral Lodge 1200/night x 7 x 2 = 16,800.00 and the Palm Beach package 10,000 x 2 = 20,000.00.
[[ "$(json_eval quote 'sorted(o["total"]["amount"] for o in d["quote"]["options"])')" == "[1680000, 2000000]" ]] ||
    fail "quote options are not 2 adults x 7 nights from 10 March: $(body quote | head -c 600)"

check "the outbox holds exactly one mail: the quote, to $customer, with a PDF attached"
[[ "$(outbox_count)" == 1 ]] || fail "outbox of $TENANT: $(body outbox | head -c 600)"
mail="$(json outbox data.0.id)"
[[ $mail =~ ^[0-9]+$ ]] || fail "outbox id '$mail'"
[[ "$(json_eval outbox "'$customer' in str(d['data'][0]['to'])")" == true ]] || fail "mail not to $customer: $(body outbox | head -c 400)"
request mail -H "X-Admin-Token: $ADMIN_TOKEN" "$API/admin/outbox/$mail"
expect_status mail 200
pdfs="$(json_eval mail 'len([a for a in d["attachments"] if a["content_type"].startswith("application/pdf") and a["size"] > 1000])')"
[[ $pdfs == 1 ]] || fail "the quote mail has no PDF attachment: $(body mail | head -c 600)"
pdf_bytes="$(e2e_psql "SELECT encode(substring(content FROM 1 FOR 5), 'escape') FROM outbox_attachments
                        WHERE outbox_id = $mail AND content_type LIKE 'application/pdf%'")"
[[ $pdf_bytes == %PDF- ]] || fail "the attachment does not start with %PDF- (got '$pdf_bytes')"
