#!/usr/bin/env bash
# Helpdesk end to end (issue 7), through nginx with the real worker: a tenant admin uploads knowledge (multipart)
# -> 202 pending -> the worker's knowledge.index job extracts, chunks and indexes it -> /ask answers from it with
# the document as the source; a question the knowledge cannot answer gets the honest decline with the support
# address; another tenant neither finds (ask) nor reads (GET, list) the document; the public widget sees public
# documents only; a corrupt PDF ends in `error` with a reason.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

e2e_tenant e2ek '{"email":{"support_address":"help@@TENANT@.example.com"}}'
OWNER_TENANT=$TENANT OWNER_AUTH=$AUTH
worker_start

# upload NAME FILE TYPE VISIBILITY TITLE: POST /api/v1/knowledge/documents as the owner tenant's admin.
upload() {
    request "$1" -X POST -H "$OWNER_AUTH" -F "file=@$2;type=$3" -F "visibility=$4" -F "title=$5" -F "category=hotels" \
        "$API/knowledge/documents"
}
# document_status ID: the document's status as its tenant's admin sees it.
document_status() {
    request doc -H "$OWNER_AUTH" "$API/knowledge/documents/$1"
    json doc document.status 2>/dev/null || true
}
# ask NAME AUTH QUESTION: POST /api/v1/helpdesk/ask.
ask() {
    request "$1" -X POST -H "$2" -H 'Content-Type: application/json' \
        -d "$(python3 -c 'import json,sys; print(json.dumps({"question": sys.argv[1]}))' "$3")" "$API/helpdesk/ask"
    expect_status "$1" 200
}

lodge="Mwamba Cliff Lodge, Kilifi — fact sheet"
cat >"$TMP/mwamba.md" <<'MD'
# Mwamba Cliff Lodge, Kilifi

## Arrival and departure
Check-in time at Mwamba Cliff Lodge is 13:30 and check-out is at 10:30. Guests arriving before check-in can use the
cliff-top pool and showers at no charge.

## Excursions
The sunset dhow to Kilifi Creek leaves the lodge jetty at 16:00 daily and costs USD 45 per adult. Children under
twelve sail free with a paying adult.

## Transfers
Road transfers from Malindi airport take about an hour and cost USD 85 per vehicle each way.
MD
cat >"$TMP/insurance.md" <<'MD'
# Travel insurance

Every traveller must hold travel insurance that covers medical evacuation. We recommend buying it on the day the
deposit is paid, so that cancellation cover starts straight away.
MD

check "POST /api/v1/knowledge/documents (private markdown, public markdown) -> 202 pending"
upload up_lodge "$TMP/mwamba.md" text/markdown private "$lodge"
expect_status up_lodge 202
[[ "$(json up_lodge document.status)" == pending ]] || fail "upload: $(body up_lodge | head -c 300)"
lodge_id="$(json up_lodge document.id)"
upload up_insurance "$TMP/insurance.md" text/markdown public "Travel insurance"
expect_status up_insurance 202
insurance_id="$(json up_insurance document.id)"

check "the worker indexes both"
indexed() { [[ "$(document_status "$lodge_id")" == indexed && "$(document_status "$insurance_id")" == indexed ]]; }
wait_until 30 indexed || fail "not indexed after 30 s: lodge '$(document_status "$lodge_id")', insurance \
'$(document_status "$insurance_id")': $(body doc | head -c 300)"
request doc -H "$OWNER_AUTH" "$API/knowledge/documents/$lodge_id"
(($(json doc document.chunk_count) >= 1)) || fail "no chunks: $(body doc | head -c 300)"

check "ask answers from the uploaded document, citing it, with the retriever's time in Server-Timing"
ask own "$OWNER_AUTH" "What time is check-in at Mwamba Cliff Lodge?"
[[ "$(json own answered)" == true ]] || fail "not answered: $(body own | head -c 500)"
[[ "$(json own answer)" == *"13:30"* ]] || fail "the answer lacks the check-in time: $(body own | head -c 500)"
[[ "$(json own sources.0.document_id)" == "$lodge_id" ]] || fail "first source is not the lodge: $(body own | head -c 500)"
[[ "$(header own Server-Timing)" =~ retrieval\;dur=[0-9.]+ ]] || fail "Server-Timing: '$(header own Server-Timing)'"

check "a question the knowledge cannot answer -> the honest decline with the support address"
ask unknown "$OWNER_AUTH" "Can you get us tickets for the Kilimanjaro marathon in June?"
[[ "$(json unknown answered)" == false ]] || fail "answered what it does not know: $(body unknown | head -c 500)"
[[ "$(json unknown answer)" == *"help@$OWNER_TENANT.example.com"* ]] ||
    fail "the decline does not say how to reach a person: $(body unknown | head -c 500)"

check "another tenant: ask does not find it, GET is 404, the list does not hold it"
e2e_tenant e2ek2
ask other "$AUTH" "What time is check-in at Mwamba Cliff Lodge?"
[[ "$(json other answered)" == false ]] || fail "another tenant got an answer: $(body other | head -c 500)"
[[ "$(body other)" != *"$lodge_id"* && "$(body other)" != *"13:30"* ]] || fail "another tenant saw the lodge: $(body other | head -c 500)"
request other_get -H "$AUTH" "$API/knowledge/documents/$lodge_id"
expect_json_error other_get 404 not_found
request other_download -H "$AUTH" "$API/knowledge/documents/$lodge_id/download"
expect_json_error other_download 404 not_found
request other_list -H "$AUTH" "$API/knowledge/documents?limit=100"
expect_status other_list 200
[[ "$(body other_list)" != *"$lodge_id"* && "$(body other_list)" != *"$insurance_id"* ]] ||
    fail "another tenant's list holds the documents: $(body other_list | head -c 500)"

check "the public widget answers from public documents only"
widget() {
    request "$1" -X POST -H 'Content-Type: application/json' \
        -d "$(python3 -c 'import json,sys; print(json.dumps({"question": sys.argv[1]}))' "$2")" \
        "$API/public/helpdesk/$OWNER_TENANT/ask"
    expect_status "$1" 200
}
widget widget_public "When should we buy travel insurance?"
[[ "$(json widget_public answered)" == true && "$(json widget_public sources.0.document_id)" == "$insurance_id" ]] ||
    fail "the widget did not answer from the public document: $(body widget_public | head -c 500)"
widget widget_private "What time is check-in at Mwamba Cliff Lodge?"
[[ "$(body widget_private)" != *"$lodge_id"* && "$(body widget_private)" != *"13:30"* ]] ||
    fail "the widget showed a private document: $(body widget_private | head -c 500)"

check "a corrupt PDF -> 202, then status error with a reason"
printf '%%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage, no xref, no trailer\n' >"$TMP/broken.pdf"
upload up_pdf "$TMP/broken.pdf" application/pdf private "Broken brochure"
expect_status up_pdf 202
pdf_id="$(json up_pdf document.id)"
failed() { [[ "$(document_status "$pdf_id")" == error ]]; }
wait_until 30 failed || fail "the corrupt PDF is '$(document_status "$pdf_id")' after 30 s"
request doc -H "$OWNER_AUTH" "$API/knowledge/documents/$pdf_id"
[[ "$(json doc document.error_message)" == *PDF* ]] || fail "no reason given: $(body doc | head -c 400)"
