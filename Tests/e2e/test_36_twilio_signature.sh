#!/usr/bin/env bash
# Twilio voice webhook signatures (issue 6 acceptance): X-Twilio-Signature is HMAC-SHA1 (TWILIO_AUTH_TOKEN) over
# the URL Twilio called — PUBLIC_BASE_URL + path, never the host nginx saw — followed by the POST parameters sorted
# by name. A bad, missing or wrong-URL signature -> 403 and no call_records row; a good one is recorded.
# This test calls https://127.0.0.1:<port> while PUBLIC_BASE_URL names localhost: only a handler that signs the
# configured public URL accepts the good signature.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

token="$(function_setting TWILIO_AUTH_TOKEN)"
public="$(function_setting PUBLIC_BASE_URL)"
[[ -n $token && -n $public ]] || fail "the test platform needs TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL (deploy/test sets them)"
port="$(platform_setting HTTPS_PORT)"
called="https://127.0.0.1:$port/webhooks/twilio/voice"

# twilio_signature TOKEN URL NAME=VALUE...: base64(HMAC-SHA1(TOKEN, URL + name + value ... sorted by name, value)).
twilio_signature() {
    local key=$1 url=$2
    shift 2
    {
        printf '%s' "$url"
        printf '%s\n' "$@" | LC_ALL=C sort -t= -k1,1 -k2 | while IFS='=' read -r name value; do printf '%s%s' "$name" "$value"; done
    } | openssl dgst -sha1 -hmac "$key" -binary | openssl base64 -A
}

check "the signature helper reproduces Twilio's published vector (GvWf1cFY/Q7PnoempGyD5oXAezc=)"
[[ "$(twilio_signature 12345 'https://mycompany.com/myapp.php?foo=1&bar=2' CallSid=CA1234567890ABCDE \
    Caller=+14158675310 Digits=1234 From=+14158675310 To=+18005551212)" == GvWf1cFY/Q7PnoempGyD5oXAezc= ]] ||
    fail "twilio_signature does not match the published test vector"

e2e_tenant e2ev
number="+2721$(printf '%07d' $((RANDOM * 32768 + RANDOM)) | tail -c 7)"
tenant_config "{\"voice\":{\"phone_number\":\"$number\"}}"
account="AC$(openssl rand -hex 16)"
params() { printf '%s\n' "CallSid=$1" "AccountSid=$account" "From=+27825550101" "To=$number" CallStatus=ringing Direction=inbound; }
post_call() { # post_call NAME CALL_SID [SIGNATURE]: the form post as Twilio sends it, signature header when given
    local name=$1 sid=$2 form=() pair
    while IFS= read -r pair; do form+=(--data-urlencode "$pair"); done < <(params "$sid")
    [[ -z ${3:-} ]] || form+=(-H "X-Twilio-Signature: $3")
    request "$name" -X POST "${form[@]}" "$called"
}
rows() { e2e_psql "SELECT count(*) FROM call_records WHERE call_id = $(sql_text "$1")"; }

check "a made-up signature -> 403, nothing recorded"
sid="CA$(openssl rand -hex 16)"
post_call bad "$sid" "$(openssl rand -base64 20)"
expect_status bad 403
[[ "$(rows "$sid")" == 0 ]] || fail "a call_records row exists after a bad signature"

check "no signature -> 403, nothing recorded"
post_call missing "$sid"
expect_status missing 403
[[ "$(rows "$sid")" == 0 ]] || fail "a call_records row exists after an unsigned post"

check "signed over the URL nginx saw ($called) instead of PUBLIC_BASE_URL -> 403, nothing recorded"
mapfile -t pairs < <(params "$sid")
post_call proxied "$sid" "$(twilio_signature "$token" "$called" "${pairs[@]}")"
expect_status proxied 403
[[ "$(rows "$sid")" == 0 ]] || fail "a call_records row exists after a wrong-URL signature"

check "signed with another token -> 403, nothing recorded"
post_call othertoken "$sid" "$(twilio_signature "not-$token" "$public/webhooks/twilio/voice" "${pairs[@]}")"
expect_status othertoken 403
[[ "$(rows "$sid")" == 0 ]] || fail "a call_records row exists after a signature with another token"

check "signed over PUBLIC_BASE_URL/webhooks/twilio/voice with the auth token -> 200 TwiML, one row"
post_call good "$sid" "$(twilio_signature "$token" "$public/webhooks/twilio/voice" "${pairs[@]}")"
expect_status good 200
[[ "$(content_type good)" == *xml* ]] || fail "content type '$(content_type good)', want TwiML (text/xml)"
grep -q '<Response' "$TMP/good.body" || fail "no TwiML <Response>: $(body good | head -c 300)"
[[ "$(rows "$sid")" == 1 ]] || fail "no call_records row for $sid after a good signature"
[[ "$(e2e_psql "SELECT tenant_id FROM call_records WHERE call_id = $(sql_text "$sid")")" == "$TENANT" ]] ||
    fail "the call was recorded for another tenant"
