#!/usr/bin/env bash
# Store-then-acknowledge and idempotence (issue 6 acceptance): the same message posted 5 times is stored once and
# becomes one ticket and one mail. With PostgreSQL stopped the webhook answers 5xx — SendGrid retries a 5xx for
# up to 72 h and drops a 4xx, so neither 2xx nor 4xx is acceptable — and the retry after PostgreSQL is back is
# stored and processed once.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

restart_db() { "$REPO_ROOT/deploy/db" start >/dev/null 2>&1 || true; }
on_exit restart_db
e2e_tenant e2er '{"email":{"support_address":"quotes@@TENANT@.example.com"},"inbound":{"mode":"auto_send"}}'
worker_start
inquiry() {
    sendgrid_form "$1" "Ana Lima <ana.$2@example.com>" "quotes@$TENANT.example.com" "Zanzibar trip" \
        "Hi! 2 adults, 7 nights in Zanzibar from 10 March $YEAR, budget R60,000. Thanks, Ana Lima"
}
quoted_tickets() { [[ "$(ticket_count 'status=resolved')" == "$1" ]]; }

check "the same message posted 5 times -> 200 stored once, then 4 x 200 duplicate with the same id"
inquiry "e2e-$(openssl rand -hex 6)@mail.example.com" one
for i in 1 2 3 4 5; do
    inbound_post "post$i"
    expect_status "post$i" 200
    want=duplicate
    ((i > 1)) || { want=stored; first="$(json post1 id)"; }
    [[ "$(json "post$i" status)" == "$want" && "$(json "post$i" id)" == "$first" ]] || fail "post $i: $(body "post$i")"
done
wait_until 20 quoted_tickets 1 || fail "no resolved ticket for $first ('$(inbound_status "$first")'): $(body tickets | head -c 400)"
check "a sixth post after processing is still a duplicate"
inbound_post post6
[[ "$(json post6 status)" == duplicate ]] || fail "post 6: $(body post6)"
sleep 1
check "one ticket, one mail, one stored message"
[[ "$(ticket_count)" == 1 ]] || fail "tickets: $(body tickets | head -c 600)"
[[ "$(outbox_count)" == 1 ]] || fail "outbox: $(body outbox | head -c 600)"
[[ "$(e2e_psql "SELECT count(*) FROM tickets WHERE inbound_message = $(sql_text "$first")")" == 1 ]] || fail "tickets for $first"

check "deploy/db stop -> the webhook answers 5xx (SendGrid retries), never 2xx or 4xx"
"$REPO_ROOT/deploy/db" stop >"$TMP/stop.log" 2>&1 || { cat "$TMP/stop.log"; fail "deploy/db stop failed"; }
second="e2e-$(openssl rand -hex 6)@mail.example.com"
inquiry "$second" two
inbound_post down
case "$(status down)" in
    500 | 502 | 503 | 504) check "  PostgreSQL down: HTTP $(status down)" ;;
    *) fail "with PostgreSQL down the webhook answered HTTP $(status down): $(body down | head -c 300)" ;;
esac

check "deploy/db start, inbound readyz 200 -> the re-post is stored, processed once"
"$REPO_ROOT/deploy/db" start >"$TMP/start.log" 2>&1 || { cat "$TMP/start.log"; fail "deploy/db start failed"; }
wait_for_status "$E2E_BASE_URL/api/v1/inbound/readyz" 200 20 || fail "inbound readyz not 200 after PostgreSQL came back"
inbound_post retry
expect_status retry 200
[[ "$(json retry status)" == stored ]] || fail "re-post after the outage: $(body retry)"
retried="$(json retry id)"
inbound_post retry2
[[ "$(json retry2 status)" == duplicate && "$(json retry2 id)" == "$retried" ]] || fail "second re-post: $(body retry2)"
wait_until 30 quoted_tickets 2 || fail "the re-posted message was not processed ('$(inbound_status "$retried")'): $(body tickets | head -c 400)"
sleep 1
[[ "$(e2e_psql "SELECT count(*) FROM tickets WHERE inbound_message = $(sql_text "$retried")")" == 1 ]] || fail "tickets for $retried"
[[ "$(ticket_count)" == 2 && "$(outbox_count)" == 2 ]] || fail "after the outage: $(ticket_count) tickets, $(outbox_count) mails (want 2, 2)"
[[ "$(inbound_status "$retried")" == processed ]] || fail "message $retried is '$(inbound_status "$retried")'"
