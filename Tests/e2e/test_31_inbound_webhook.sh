#!/usr/bin/env bash
# The Inbound Parse webhook through nginx and the real inbound processes: SendGrid's multipart post with basic
# credentials is stored and acknowledged, a re-delivery is a duplicate, wrong credentials are 401.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

user="$(sed -n 's/^INBOUND_WEBHOOK_USERNAME=//p' "$E2E_RUN_DIR/function.env" | tail -n 1)"
password="$(sed -n 's/^INBOUND_WEBHOOK_PASSWORD=//p' "$E2E_RUN_DIR/function.env" | tail -n 1)"
[[ -n $user && -n $password ]] || fail "the test platform has no inbound webhook credentials"
url="$E2E_BASE_URL/webhooks/email/inbound"
id="e2e-$(openssl rand -hex 6)@mail.example.com"
printf 'Itinerary for %s' "$id" >"$TMP/itinerary.txt"
form=(-F "headers=Message-ID: <$id>
From: Zoë <zoe@example.com>
Subject: Zanzibar in March" -F 'from=Zoë <zoe@example.com>' -F 'to=quotes@demo.example.com' -F 'subject=Zanzibar in March'
    -F 'text=2 adults, 7 nights in Zanzibar from 10 March 2027, budget R60,000.'
    -F 'envelope={"to":["quotes@demo.example.com"],"from":"zoe@example.com"}' -F 'attachments=1'
    -F "attachment1=@$TMP/itinerary.txt;type=text/plain")

check "POST /webhooks/email/inbound with SendGrid's credentials -> 200 stored"
request first -u "$user:$password" "${form[@]}" "$url"
expect_status first 200
[[ "$(json first status)" == stored ]] || fail "first post: $(body first)"
stored="$(json first id)"

check "the same message again -> 200 duplicate with the same id"
request again -u "$user:$password" "${form[@]}" "$url"
expect_status again 200
[[ "$(json again status)" == duplicate && "$(json again id)" == "$stored" ]] || fail "re-delivery: $(body again)"

check "wrong credentials -> 401 JSON, nothing stored"
request wrong -u "$user:not-the-password" "${form[@]}" "$url"
expect_json_error wrong 401 unauthorized
