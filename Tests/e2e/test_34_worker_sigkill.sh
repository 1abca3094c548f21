#!/usr/bin/env bash
# A worker crash loses nothing (issue 6 acceptance): the worker's LLM is a local server that accepts the
# extraction call and never answers, so the job is caught mid-way; SIGKILL there, then a restart with the same
# WORKER_ID (its recovery pass requeues its own `running` jobs; no LLM this time, so the rules extract) finishes
# the job once: the message ends processed with exactly one ticket and one mail.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

e2e_tenant e2ek '{"email":{"support_address":"quotes@@TENANT@.example.com"},"inbound":{"mode":"auto_send"}}'
worker_id="e2e-34-$(openssl rand -hex 4)"

# The stalling LLM: accepts connections, records each, answers none (python3 is in deploy/deps).
python3 - "$TMP/llm.port" "$TMP/llm.calls" <<'PY' &
import os, socket, sys, time
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(16)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.getsockname()[1]))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
held = []
deadline = time.time() + 110
server.settimeout(1)
while time.time() < deadline:
    try:
        connection, _ = server.accept()
    except socket.timeout:
        continue
    held.append(connection)
    with open(sys.argv[2], "a") as f:
        f.write("call\n")
PY
llm_pid=$!
on_exit "kill $llm_pid 2>/dev/null"
wait_until 10 test -s "$TMP/llm.port" || fail "the stalling LLM did not start"
llm_calls() { [[ -s $TMP/llm.calls ]]; }

check "worker $worker_id with LLM_BASE_URL at a server that never answers"
worker_start WORKER_ID="$worker_id" LLM_BASE_URL="http://127.0.0.1:$(cat "$TMP/llm.port")/v1" LLM_API_KEY=sk-e2e-stall \
    LLM_MODEL=e2e-stall LLM_TIMEOUT_MS=60000 PROVIDER_LOOPBACK_HTTP=1
sendgrid_form "e2e-$(openssl rand -hex 6)@mail.example.com" "Tom Berg <tom.$(openssl rand -hex 3)@example.com>" \
    "quotes@$TENANT.example.com" "Zanzibar" "Dear team, 2 adults, 7 nights in Zanzibar from 10 March $YEAR. Tom Berg"
inbound_post post
expect_status post 200
message="$(json post id)"
job_where="kind = 'inbound.process' AND idempotency_key = $(sql_text "inbound.process:$message")"

check "the job is running and waiting on the LLM -> SIGKILL the worker"
job_status() { e2e_psql "SELECT status FROM jobs WHERE $job_where"; }
mid_job() { llm_calls && [[ "$(job_status)" == running ]]; }
wait_until 15 mid_job || fail "the job never waited on the LLM (LLM calls: $( (wc -l <"$TMP/llm.calls") 2>/dev/null || echo 0); \
job: $(e2e_psql "SELECT status, attempts, last_error FROM jobs WHERE $job_where"))"
worker_kill
[[ "$(job_status)" == running ]] || fail "after SIGKILL the job should be left running, not '$(job_status)'"
[[ "$(inbound_status "$message")" != processed ]] || fail "the message is processed although the job was killed"

check "restart with the same WORKER_ID (no LLM): the job is requeued and completes once"
log_lines="$(wc -l <"$(worker_log)")"
worker_start WORKER_ID="$worker_id"
tail -n +"$((log_lines + 1))" "$(worker_log)" | grep -q '"msg":"requeued interrupted jobs"' ||
    fail "the restarted worker logged no 'requeued interrupted jobs'"
processed() { [[ "$(inbound_status "$message")" == processed ]]; }
wait_until 20 processed || fail "message $message is '$(inbound_status "$message")' 20 s after the restart \
(job: $(e2e_psql "SELECT status, attempts, last_error FROM jobs WHERE $job_where"))"
sleep 1
[[ "$(job_status)" == "done" ]] || fail "job: $(e2e_psql "SELECT status, last_error FROM jobs WHERE $job_where")"
[[ "$(ticket_count)" == 1 ]] || fail "tickets after the restart: $(body tickets | head -c 600)"
[[ "$(json_eval tickets 'd["data"][0]["status"]')" == resolved ]] || fail "ticket not resolved: $(body tickets | head -c 400)"
[[ "$(outbox_count)" == 1 ]] || fail "mails after the restart: $(body outbox | head -c 600)"
[[ "$(e2e_psql "SELECT count(*) FROM tickets WHERE inbound_message = $(sql_text "$message")")" == 1 ]] || fail "tickets for $message"
