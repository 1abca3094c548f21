#!/usr/bin/env bash
# readyz follows PostgreSQL: 200, 503 JSON after deploy/db stop, 200 again after deploy/db start.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
fn=quotes

restart_db() { "$REPO_ROOT/deploy/db" start >/dev/null 2>&1 || true; }
trap 'restart_db; rm -rf "$TMP"' EXIT

check "readyz 200 while PostgreSQL is up"
wait_for_status "$E2E_BASE_URL/api/v1/$fn/readyz" 200 10 || fail "readyz not 200 with PostgreSQL up"

check "deploy/db stop -> readyz 503 JSON"
"$REPO_ROOT/deploy/db" stop >"$TMP/stop.log" 2>&1 || { cat "$TMP/stop.log"; fail "deploy/db stop failed"; }
wait_for_status "$E2E_BASE_URL/api/v1/$fn/readyz" 503 10 || fail "readyz not 503 with PostgreSQL down"
request down "$E2E_BASE_URL/api/v1/$fn/readyz"
expect_status down 503
[[ "$(content_type down)" == application/json* ]] || fail "503 readyz is not JSON"
json down error.code >/dev/null
check "healthz stays 200 (it does not need the database)"
request health "$E2E_BASE_URL/api/v1/$fn/healthz"
expect_status health 200

check "deploy/db start -> readyz 200 again (the function reconnects)"
"$REPO_ROOT/deploy/db" start >"$TMP/start.log" 2>&1 || { cat "$TMP/start.log"; fail "deploy/db start failed"; }
wait_for_status "$E2E_BASE_URL/api/v1/$fn/readyz" 200 15 || fail "readyz not 200 after PostgreSQL came back"
