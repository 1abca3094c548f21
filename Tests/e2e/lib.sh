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
# Clean-up: on_exit CMD queues CMD (a shell word list, run with eval) for when the test ends, however it ends;
# the commands run newest first, then $TMP goes. timeout(1) ends a test with SIGTERM: that runs them too.
E2E_CLEANUPS=()
on_exit() { E2E_CLEANUPS+=("$1"); }
e2e_cleanup() {
    E2E_STATUS=$?
    local i
    for ((i = ${#E2E_CLEANUPS[@]} - 1; i >= 0; i--)); do eval "${E2E_CLEANUPS[i]}" || true; done
    rm -rf "$TMP"
}
trap e2e_cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

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

# --- Settings, the database, polling (inbound, worker and voice tests) --------------------------------------------

# A value from the functions' saved environment, e.g. function_setting ADMIN_API_TOKEN (empty when unset).
function_setting() {
    sed -n "s/^$1=//p" "$E2E_RUN_DIR/function.env" 2>/dev/null | tail -n 1
}

# sql_text VALUE: VALUE as a SQL string literal; only ids the test made itself (letters, digits, @._:+-) pass.
sql_text() {
    [[ $1 =~ ^[A-Za-z0-9@._:+-]*$ ]] || fail "refusing to put '$1' into SQL"
    printf "'%s'" "$1"
}

# e2e_psql SQL: runs SQL on the run folder's cluster as the owner role (row-level security bypassed) and prints
# the rows unaligned, fields separated by |. For counting what the API does not show; never to set up state.
e2e_psql() {
    if [[ -z ${E2E_DB_URL:-} ]]; then
        E2E_DB_URL="$("$REPO_ROOT/deploy/db" url owner)" || fail "no database URL for $E2E_RUN_DIR"
    fi
    psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$E2E_DB_URL" -c "$1" || fail "psql failed: $1"
}

# wait_until SECONDS COMMAND...: runs COMMAND every 0.2 s until it succeeds; false after SECONDS.
wait_until() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# json_eval NAME EXPRESSION: a Python expression over the body of NAME parsed as `d`, e.g. 'len(d["data"])';
# prints nothing when the body is not JSON or the expression fails (callers compare the result).
json_eval() {
    python3 - "$TMP/$1.body" "$2" <<'PY' 2>/dev/null || true
import json, sys
d = json.load(open(sys.argv[1]))
value = eval(sys.argv[2], {"d": d})
print(str(value).lower() if isinstance(value, bool) else value)
PY
}

# --- Tenants ------------------------------------------------------------------------------------------------------

# e2e_tenant PREFIX [CONFIG_PATCH]: creates tenant PREFIX-<random> through the admin API and logs its admin in.
# Its config gets the destination Zanzibar and email.from_address quotes@<tenant>.example.com, then
# CONFIG_PATCH (a JSON merge patch; @TENANT@ stands for the tenant id); its rates are two Zanzibar rows valid
# all next year (test_30's). Sets TENANT, AUTH (the Authorization header), API, ADMIN_TOKEN, YEAR. The tenant is
# deleted when the test passes and kept for a look when it fails.
e2e_tenant() {
    local email password csv patch="${2:-}"
    ADMIN_TOKEN="$(function_setting ADMIN_API_TOKEN)"
    [[ -n $ADMIN_TOKEN ]] || fail "the test platform has no ADMIN_API_TOKEN"
    API="$E2E_BASE_URL/api/v1"
    YEAR=$(($(date -u +%Y) + 1))
    TENANT="$1-$(openssl rand -hex 4)"
    email="owner@$TENANT.example.com"
    password="E2e-password-$(openssl rand -hex 6)"
    request tenant_create -X POST -H "X-Admin-Token: $ADMIN_TOKEN" -H 'Content-Type: application/json' \
        -d "{\"tenant_id\":\"$TENANT\",\"company_name\":\"Ñandú Viagens\",\"admin_email\":\"$email\",\"admin_password\":\"$password\",\"currency\":\"ZAR\",\"plan\":\"pro\"}" \
        "$API/admin/tenants"
    expect_status tenant_create 201
    on_exit "((E2E_STATUS != 0)) || curl -sk -o /dev/null -X DELETE -H 'X-Admin-Token: $ADMIN_TOKEN' '$API/admin/tenants/$TENANT?confirm=true'"
    request tenant_login -X POST -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" \
        "$API/auth/login"
    expect_status tenant_login 200
    AUTH="Authorization: Bearer $(json tenant_login access_token)"
    tenant_config "{\"destinations\":[{\"name\":\"Zanzibar\"}],\"email\":{\"from_address\":\"quotes@$TENANT.example.com\"}}"
    [[ -z $patch ]] || tenant_config "${patch//@TENANT@/$TENANT}"
    csv="destination,hotel,rating,room_type,meal_plan,valid_from,valid_to,nights,adult_sharing,single,child,infant,currency
Zanzibar,\"Palm Beach Resort, Spa\",5,Deluxe,Half Board,$YEAR-01-01,$YEAR-12-31,7,10000.00,14000.00,5000.00,0,ZAR
Zanzibar,Coral Lodge,3.5,Garden,Bed & Breakfast,$YEAR-01-01,$YEAR-12-31,,1200.00,1800.00,600.00,,ZAR"
    request tenant_rates -X POST -H "$AUTH" -H 'Content-Type: text/csv' --data-binary "$csv" "$API/rates/import"
    expect_status tenant_rates 200
}

# tenant_config PATCH: PATCH /api/v1/tenant/config as the tenant's admin (JSON merge patch); fails unless 200.
tenant_config() {
    request tenant_config -X PATCH -H "$AUTH" -H 'Content-Type: application/merge-patch+json' -d "$1" "$API/tenant/config"
    expect_status tenant_config 200
}

# shellcheck disable=SC2120
# ticket_count [QUERY]: how many tickets GET /api/v1/inbound/tickets?limit=100&QUERY lists for the tenant (empty
# when the answer is not a ticket list).
ticket_count() {
    request tickets -H "$AUTH" "$API/inbound/tickets?limit=100${1:+&$1}"
    [[ "$(status tickets)" == 200 ]] && json_eval tickets 'len(d["data"])'
}

# outbox_count: how many mails the tenant's outbox holds (GET /api/v1/admin/outbox?tenant_id=, total).
outbox_count() {
    request outbox -H "X-Admin-Token: $ADMIN_TOKEN" "$API/admin/outbox?tenant_id=$TENANT&limit=100"
    [[ "$(status outbox)" == 200 ]] && json_eval outbox 'd["total"]'
}

# --- SendGrid Inbound Parse posts -----------------------------------------------------------------------------------

# bare_address "Name <a@b>": a@b (the value itself when there are no angle brackets).
bare_address() {
    sed -E 's/.*<([^>]*)>.*/\1/' <<<"$1"
}

# sendgrid_form MESSAGE_ID FROM TO SUBJECT TEXT [FILE[;type=MEDIA]...]: sets SENDGRID_FORM, the curl arguments of
# SendGrid's parsed-form post of that mail: headers (with Message-ID <MESSAGE_ID>), from, to, subject, text,
# envelope (the bare addresses), charsets, dkim, SPF, sender_ip, attachments, attachmentN file parts and
# attachment-info. Text fields go as --form-string (taken literally, never as @file).
sendgrid_form() {
    local id=$1 from=$2 to=$3 subject=$4 text=$5 n=0 spec path type info=""
    shift 5
    SENDGRID_FORM=(--form-string "headers=Received: from mail.example.com by mx.sendgrid.net with ESMTP
Message-ID: <$id>
Date: $(date -R)
From: $from
To: $to
Subject: $subject
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=\"e2e\"" --form-string "dkim={@example.com : pass}"
        --form-string "to=$to" --form-string "from=$from" --form-string "subject=$subject" --form-string "text=$text"
        --form-string "sender_ip=192.0.2.10" --form-string "SPF=pass"
        --form-string "envelope={\"to\":[\"$(bare_address "$to")\"],\"from\":\"$(bare_address "$from")\"}"
        --form-string 'charsets={"to":"UTF-8","from":"UTF-8","subject":"UTF-8","text":"UTF-8"}')
    for spec in "$@"; do
        n=$((n + 1))
        path="${spec%%;*}"
        type="application/octet-stream"
        [[ $spec != *";type="* ]] || type="${spec##*;type=}"
        SENDGRID_FORM+=(-F "attachment$n=@$path;type=$type;filename=$(basename "$path")")
        info+="${info:+,}\"attachment$n\":{\"filename\":\"$(basename "$path")\",\"name\":\"$(basename "$path")\",\"type\":\"$type\"}"
    done
    SENDGRID_FORM+=(--form-string "attachments=$n")
    ((n == 0)) || SENDGRID_FORM+=(--form-string "attachment-info={$info}")
}

# inbound_post NAME [PATH_SUFFIX]: posts SENDGRID_FORM to /webhooks/email/inbound[PATH_SUFFIX] with the platform's
# Inbound Parse credentials (request NAME ...).
inbound_post() {
    local user password
    user="$(function_setting INBOUND_WEBHOOK_USERNAME)"
    password="$(function_setting INBOUND_WEBHOOK_PASSWORD)"
    [[ -n $user && -n $password ]] || fail "the test platform has no inbound webhook credentials"
    request "$1" -u "$user:$password" "${SENDGRID_FORM[@]}" "$E2E_BASE_URL/webhooks/email/inbound${2:-}"
}

# inbound_status ID: the stored message's status (received, processing, processed, unroutable, ignored, dead).
inbound_status() {
    e2e_psql "SELECT status FROM inbound_messages WHERE id = $(sql_text "$1")"
}

# --- The job worker -----------------------------------------------------------------------------------------------

worker_log() { printf '%s/logs/worker.log' "$E2E_RUN_DIR"; }
worker_starts() { grep -c '"msg":"worker started"' "$(worker_log)" 2>/dev/null || true; }

# shellcheck disable=SC2120
# worker_start [NAME=value...]: starts the run folder's job worker (deploy/worker start) with extra environment,
# waits until it logs "worker started" (its recovery pass is done by then) and stops it when the test ends,
# however it ends. make test starts no worker of its own (START_WORKER=0): each test that needs one runs it.
worker_start() {
    local before
    before="$(worker_starts)"
    env "$@" "$REPO_ROOT/deploy/worker" start >"$TMP/worker-start.log" 2>&1 ||
        { cat "$TMP/worker-start.log" >&2; fail "deploy/worker start failed"; }
    if [[ -z ${E2E_WORKER_STOP:-} ]]; then
        E2E_WORKER_STOP=1
        on_exit worker_stop
    fi
    wait_until 15 worker_started_after "${before:-0}" ||
        { tail -n 20 "$(worker_log)" >&2; fail "the worker did not log 'worker started' within 15 s"; }
}
worker_started_after() { (($(worker_starts) > $1)); }

# worker_stop: SIGTERM (deploy/worker stop; the current job finishes). Quiet; never fails.
worker_stop() { "$REPO_ROOT/deploy/worker" stop >/dev/null 2>&1 || true; }

# worker_kill: SIGKILL to the worker, as a crash would (its running jobs stay `running`); waits until it is gone.
worker_kill() {
    local pid
    pid="$(tr -dc '0-9' <"$E2E_RUN_DIR/pids/worker.pid" 2>/dev/null || true)"
    [[ -n $pid && -d /proc/$pid ]] || fail "no running worker in $E2E_RUN_DIR/pids/worker.pid"
    kill -KILL "$pid"
    wait_until 10 process_gone "$pid" || fail "worker pid $pid still alive after SIGKILL"
}
process_gone() {
    local state
    state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)"
    [[ -z $state || $state == Z ]]
}
