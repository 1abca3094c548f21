#!/usr/bin/env bash
# client_max_body_size: 1 MiB by default, 30 MiB on /webhooks/, 50 MiB on /api/v1/knowledge.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$TMP/2mb"
check "2 MB POST to a 1 MB route (/api/v1/quotes/debug/echo) -> 413 JSON with request_id (HTTP/2 and 1.1)"
for proto in --http2 --http1.1; do
    request "big$proto" "$proto" -H 'Content-Type: application/json' -H 'Expect:' --data-binary @"$TMP/2mb" \
        "$E2E_BASE_URL/api/v1/quotes/debug/echo"
    expect_json_error "big$proto" 413 payload_too_large
done

check "the same 2 MB passes nginx on /webhooks/ (30 MB) and /api/v1/knowledge (50 MB)"
for path in /webhooks/email/inbound /api/v1/knowledge/documents; do
    request "pass${path//\//_}" -H 'Expect:' --data-binary @"$TMP/2mb" "$E2E_BASE_URL$path"
    got="$(status "pass${path//\//_}")"
    [[ $got != 413 ]] || fail "$path rejected 2 MB with 413"
done

check "31 MB to /webhooks/ -> 413 JSON (nginx refuses from Content-Length, nothing is read)"
truncate -s $((31 * 1024 * 1024)) "$TMP/31mb"
request huge -H 'Expect:' --data-binary @"$TMP/31mb" "$E2E_BASE_URL/webhooks/email/inbound"
expect_json_error huge 413 payload_too_large
