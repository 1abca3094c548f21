# shellcheck shell=bash
# BENCH_SCENARIO=helpdesk for deploy/bench: one tenant whose knowledge is the evaluation corpus
# (Tests/KnowledgeTests/Corpus, 49 documents) plus synthetic documents up to BENCH_CHUNKS chunks (100,000), then
#   1. retrieval latency: BENCH_ASKS (200) sequential asks of the corpus questions; each response's
#      `Server-Timing: retrieval;dur=…` is Retriever.search timed inside the release helpdesk process → p50/p95;
#   2. ask throughput: wrk POSTs /api/v1/helpdesk/ask (LLM off: extractive answers or declines) with varied
#      questions — deploy/bench's usual rounds against nginx's own return 200.
# One big tenant on purpose: row-level security then shows all 100,000 chunks to every search (the worst case;
# with many tenants each search sees only its own share). Sourced after deploy/up; sets FUNCTION_PATH and
# WRK_SCRIPT, which deploy/bench reads.
# shellcheck disable=SC2034

bench_helpdesk_setup() {
    local base=$1 admin_token=$2 tenant password email login token chunks="${BENCH_CHUNKS:-100000}"
    [[ $chunks =~ ^[1-9][0-9]{2,6}$ ]] || die "BENCH_CHUNKS must be 100-9999999"
    tenant="bench-$(openssl rand -hex 3)"
    email="owner@$tenant.example.com"
    password="Bench-$(openssl rand -hex 8)"
    curl -sfk -X POST -H "X-Admin-Token: $admin_token" -H 'Content-Type: application/json' \
        -d "{\"tenant_id\":\"$tenant\",\"company_name\":\"Bench Travel\",\"admin_email\":\"$email\",\"admin_password\":\"$password\",\"plan\":\"pro\"}" \
        "$base/api/v1/admin/tenants" >/dev/null || die "cannot create the bench tenant"
    login="$(curl -sfk -X POST -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" \
        "$base/api/v1/auth/login")" || die "cannot log in as the bench tenant"
    token="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' <<<"$login")"

    say "seeding $chunks knowledge chunks for $tenant (corpus + synthetic documents)"
    # shellcheck source=db.sh
    source "$REPO/deploy/lib/db.sh"
    bench_helpdesk_seed "$REPO/Tests/KnowledgeTests/Corpus" "$tenant" "$chunks" "$RUN_DIR/bench-questions.txt" |
        psql_super -d "$DB_NAME" >/dev/null || die "cannot seed the bench knowledge"
    psql_super -d "$DB_NAME" -c "VACUUM ANALYZE knowledge_documents, knowledge_chunks" >/dev/null

    bench_helpdesk_latency "$base" "$token" "${BENCH_ASKS:-200}"

    WRK_SCRIPT="$RUN_DIR/ask.lua"
    python3 - "$RUN_DIR/bench-questions.txt" "$token" >"$WRK_SCRIPT" <<'PY'
import json, sys
questions = [line.strip() for line in open(sys.argv[1]) if line.strip()]
print("-- POST /api/v1/helpdesk/ask with the corpus questions in turn (LLM off).")
print("local questions = {" + ",".join(json.dumps(json.dumps({"question": q})) for q in questions) + "}")
print("local n = 0")
print("request = function()")
print("  n = n + 1")
print("  return wrk.format('POST', '/api/v1/helpdesk/ask', {['Content-Type'] = 'application/json',")
print("    ['Authorization'] = 'Bearer " + sys.argv[2] + "'}, questions[(n % #questions) + 1])")
print("end")
PY
    FUNCTION_PATH=/api/v1/helpdesk/ask
}

# Sequential asks; prints p50/p95 of the retriever's own time (Server-Timing) and of the whole request.
bench_helpdesk_latency() {
    local base=$1 token=$2 count=$3 out="$RUN_DIR/bench-retrieval.txt" i=0 question body
    : >"$out"
    while ((i < count)); do
        while IFS= read -r question && ((i < count)); do
            body="$(python3 -c 'import json,sys; print(json.dumps({"question": sys.argv[1]}))' "$question")"
            curl -sk -o /dev/null -D - -w 'total=%{time_total}\n' -X POST -H "Authorization: Bearer $token" \
                -H 'Content-Type: application/json' -d "$body" "$base/api/v1/helpdesk/ask" >>"$out"
            i=$((i + 1))
        done <"$RUN_DIR/bench-questions.txt"
    done
    python3 - "$out" <<'PY'
import re, statistics, sys
text = open(sys.argv[1]).read()
retrieval = sorted(float(v) for v in re.findall(r"(?i)server-timing: retrieval;dur=([\d.]+)", text))
total = sorted(float(v) * 1000 for v in re.findall(r"total=([\d.]+)", text))
def pct(values, p):
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")
print(f"retrieval (Retriever.search in the helpdesk process): n={len(retrieval)} p50 {pct(retrieval, 50):.1f} ms, "
      f"p95 {pct(retrieval, 95):.1f} ms, max {max(retrieval, default=float('nan')):.1f} ms")
print(f"ask request (curl, sequential, LLM off): n={len(total)} p50 {pct(total, 50):.1f} ms, p95 {pct(total, 95):.1f} ms")
PY
}

# SQL on stdout: the corpus documents (sections merged up to 300 words per chunk, headed "title — section") and
# synthetic documents of 20 chunks until there are $3 chunks. Synthetic chunks are corpus sentences drawn at random
# (seeded), with the corpus hotels' names replaced by the synthetic hotel's own (made-up) name, so word frequencies
# stay realistic: destinations, prices and policy words occur in thousands of decoys, a hotel's name only in its
# own documents. Writes the questions (one a line) to $4.
bench_helpdesk_seed() {
    python3 - "$@" <<'PY'
import json, os, random, re, sys, uuid
corpus, tenant, total, questions_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
random.seed(7)
def esc(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
def clean(line):
    line = line.strip()
    if re.match(r"^\|?[\s:|-]+$", line) and "-" in line:
        return None
    if line.startswith("|"):
        line = "; ".join(c.strip() for c in line.strip("|").split("|") if c.strip())
    return re.sub(r"^(\d+\.|[-*+])\s+", "", line).replace("**", "").replace("`", "") or None
docs, chunks, sentences = [], [], []
for name in sorted(os.listdir(corpus + "/documents")):
    _, front, body = open(f"{corpus}/documents/{name}").read().split("---\n", 2)
    meta = dict(line.split(":", 1) for line in front.strip().splitlines())
    meta = {k.strip(): v.strip() for k, v in meta.items()}
    doc = str(uuid.uuid4())
    sections, heading, lines = [], meta["title"], []
    for line in body.splitlines():
        if line.startswith("#"):
            if lines: sections.append((heading, lines))
            heading, lines = line.lstrip("#").strip(), []
        elif clean(line):
            lines.append(clean(line))
    if lines: sections.append((heading, lines))
    merged = []
    for heading, lines in sections:
        text = "\n".join(lines)
        sentences += [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6]
        if merged and len(merged[-1][1].split()) + len(text.split()) <= 300:
            merged[-1] = (merged[-1][0], merged[-1][1] + "\n\n" + heading + "\n" + text)
        else:
            merged.append((meta["title"] if heading == meta["title"] else meta["title"] + " — " + heading, text))
    docs.append((doc, meta["title"], name, meta["category"], meta["visibility"], len(merged)))
    chunks += [(doc, i, meta["visibility"], h, c) for i, (h, c) in enumerate(merged)]
# The corpus hotels' names (and their short forms) become the synthetic document's own name, as in real data.
hotel_names = [t.split(",")[0] for _, t, n, c, _, _ in docs if c == "hotels"]
variants = {v for h in hotel_names for v in (h, h.replace(" & Spa", ""), " ".join(h.split()[:2]))}
hotel_patterns = [re.compile(re.escape(v)) for v in sorted(variants, key=len, reverse=True)]
adjectives = ["Coral", "Baobab", "Sunbird", "Tamarind", "Dune", "Mango", "Lagoon", "Kestrel", "Acacia", "Reef", "Marula", "Ivory"]
nouns = ["Bay", "Point", "Sands", "Ridge", "Cove", "Hill", "Creek", "Garden", "Falls", "Island", "Valley", "Harbour"]
kinds = ["Resort", "Lodge", "Hotel", "Camp", "Villas", "Guesthouse", "Retreat"]
places = ["Zanzibar", "Mauritius", "Cape Town", "Seychelles", "Bali", "Maldives", "Kruger", "Victoria Falls", "Okavango",
          "Masai Mara", "Bazaruto", "Garden Route"]
n = 0
while len(chunks) < total:
    n += 1
    title = f"{random.choice(adjectives)} {random.choice(nouns)} {random.choice(kinds)} {n}, {random.choice(places)} — fact sheet"
    doc = str(uuid.uuid4())
    count = min(20, total - len(chunks))
    docs.append((doc, title, f"synthetic-{n}.md", random.choice(["hotels", "destinations", "policies", "faq"]), "private", count))
    name = title.split(",")[0]
    for position in range(count):
        body, words = [], 0
        while words < 150:
            sentence = random.choice(sentences)
            for pattern in hotel_patterns:
                sentence = pattern.sub(name, sentence)
            body.append(sentence)
            words += len(sentence.split())
        chunks.append((doc, position, "private", title, " ".join(body)))
print("BEGIN;")
print("COPY knowledge_documents (id, tenant_id, title, filename, content_type, format, byte_size, sha256, category,"
      " visibility, status, chunk_count, indexed_at) FROM stdin;")
for doc, title, name, category, visibility, count in docs:
    print("\t".join([doc, tenant, esc(title), esc(name), "text/markdown", "md", "0", "bench", category, visibility,
                     "indexed", str(count), "2026-01-01 00:00:00+00"]))
print("\\.")
print("COPY knowledge_chunks (document_id, position, tenant_id, visibility, heading, content, word_count) FROM stdin;")
for doc, position, visibility, heading, content in chunks:
    print("\t".join([doc, str(position), tenant, visibility, esc(heading), esc(content), str(len(content.split()))]))
print("\\.")
print("COMMIT;")
questions = json.load(open(corpus + "/questions.json"))
with open(questions_path, "w") as out:
    for item in questions["answerable"] + questions["unanswerable"]:
        out.write(item["question"] + "\n")
PY
}
