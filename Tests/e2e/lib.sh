# shellcheck shell=bash disable=SC2034
# (SC2034: REPO_ROOT, FUNCTIONS and friends are used by the test scripts.)
# Helpers for the e2e scripts: requests through nginx, header and JSON checks, loud failures.
# Needs E2E_BASE_URL (https://localhost:<port>) and E2E_RUN_DIR (the platform's run folder); run.sh sets
# them from the run folder when they are missing.
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$E2E_DIR/../.." && pwd)"
: "${E2E_BASE_URL:?E2E_BASE_URL is not set (run through Tests/e2e/run.sh or make test)}"
: "${E2E_RUN_DIR:?E2E_RUN_DIR is not set}"
export RUN_DIR="$E2E_RUN_DIR"
TEST_NAME="$(basename "$0" .sh)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# A value from the platform's saved settings (ports, limits), e.g. platform_setting HTTP_PORT.
platform_setting() {
    sed -n "s/^$1=//p" "$E2E_RUN_DIR/platform.env" 2>/dev/null | tail -n 1
}

check() { printf '  - %s\n' "$*"; }
fail() {
    printf '  FAIL [%s]: %s\n' "$TEST_NAME" "$*" >&2
    exit 1
}

# request NAME [curl args...] URL: stores $TMP/NAME.headers, $TMP/NAME.body, and prints nothing.
# Status, content type and HTTP version: status NAME, content_type NAME, http_version NAME.
request() {
    local name="$1"
    shift
    curl -sk --max-time 20 -D "$TMP/$name.headers" -o "$TMP/$name.body" \
        -w '%{http_code} %{content_type} %{http_version}' "$@" >"$TMP/$name.meta" || true
}
status() { cut -d' ' -f1 "$TMP/$1.meta"; }
content_type() { cut -d' ' -f2- "$TMP/$1.meta" | sed 's/ [^ ]*$//'; }
http_version() { awk '{print $NF}' "$TMP/$1.meta"; }
body() { cat "$TMP/$1.body"; }

# header NAME HEADER: the value of the (last) header of that name, case-insensitive.
header() {
    tr -d '\r' <"$TMP/$1.headers" | awk -v h="$2" 'BEGIN { h = tolower(h) }
        { split($0, kv, ":"); name = tolower(kv[1]) }
        name == h { sub(/^[^:]*:[ \t]*/, ""); value = $0 }
        END { if (value != "") print value }'
}
header_count() {
    tr -d '\r' <"$TMP/$1.headers" | grep -ci "^$2:" || true
}

# json NAME PATH: a field of the body (PATH like error.code); fails the test if the body is not JSON.
json() {
    python3 - "$TMP/$1.body" "$2" <<'PY' || fail "body of '$1' is not JSON with field $2: $(head -c 300 "$TMP/$1.body")"
import json, sys
value = json.load(open(sys.argv[1]))
for key in sys.argv[2].split("."):
    value = value[int(key)] if isinstance(value, list) else value[key]
print(value if not isinstance(value, bool) else str(value).lower())
PY
}

expect_status() {
    local got
    got="$(status "$1")"
    [[ $got == "$2" ]] || fail "'$1': expected HTTP $2, got $got: $(head -c 300 "$TMP/$1.body")"
}

# The JSON error shape every error has: {"error":{"code","message","request_id"}}, application/json,
# request_id equal to the X-Request-ID header.
expect_json_error() {
    local name="$1" want_status="$2" want_code="$3" rid
    expect_status "$name" "$want_status"
    [[ "$(content_type "$name")" == application/json* ]] || fail "'$name': content type is '$(content_type "$name")', not application/json"
    [[ "$(json "$name" error.code)" == "$want_code" ]] || fail "'$name': error.code is '$(json "$name" error.code)', want $want_code"
    [[ -n "$(json "$name" error.message)" ]] || fail "'$name': empty error.message"
    rid="$(json "$name" error.request_id)"
    [[ -n $rid && $rid == "$(header "$name" X-Request-ID)" ]] ||
        fail "'$name': error.request_id '$rid' differs from X-Request-ID '$(header "$name" X-Request-ID)'"
}

# Waits until URL answers STATUS (up to SECONDS); false on timeout.
wait_for_status() {
    local url="$1" want="$2" deadline=$((SECONDS + $3))
    while ((SECONDS < deadline)); do
        [[ "$(curl -sk --max-time 3 -o /dev/null -w '%{http_code}' "$url" || true)" == "$want" ]] && return 0
        sleep 0.2
    done
    return 1
}

# The pid of process 1 of a function.
function_pid() {
    local pid
    pid="$(tr -dc '0-9' <"$E2E_RUN_DIR/pids/$1-1.pid" 2>/dev/null || true)"
    [[ -n $pid && -d /proc/$pid ]] || fail "no running $1-1 process in $E2E_RUN_DIR/pids"
    printf '%s' "$pid"
}

FUNCTIONS=(inbound quotes helpdesk tenant-admin analytics)
