#!/usr/bin/env bash
# HTTP/2 over TLS; TLS 1.2 and 1.3 only.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

check "curl --http2 negotiates HTTP/2"
version="$(curl -sk --http2 -o /dev/null -w '%{http_version}' "$E2E_BASE_URL/api/v1/quotes/healthz")"
[[ $version == 2 ]] || fail "HTTP version is '$version', want 2"
check "TLS 1.3 works"
curl -sk --tlsv1.3 -o /dev/null "$E2E_BASE_URL/healthz" || fail "TLS 1.3 handshake failed"
check "TLS 1.2 works"
curl -sk --tlsv1.2 --tls-max 1.2 -o /dev/null "$E2E_BASE_URL/healthz" || fail "TLS 1.2 handshake failed"
check "TLS 1.1 is refused"
if curl -sk --tlsv1.1 --tls-max 1.1 -o /dev/null "$E2E_BASE_URL/healthz" 2>/dev/null; then fail "TLS 1.1 was accepted"; fi
