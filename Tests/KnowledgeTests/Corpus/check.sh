#!/bin/sh
# Checks the corpus: front matter, word counts, question ids, relevant ids and answer facts.
# Usage: sh Tests/KnowledgeTests/Corpus/check.sh   (needs jq)
set -eu
cd "$(dirname "$0")"
fail=0
for f in documents/*.md; do
    id=$(sed -n 's/^id: //p' "$f" | head -n 1)
    [ "documents/$id.md" = "$f" ] || { echo "$f: id '$id' does not match the file name"; fail=1; }
    for key in title category tags visibility scope language; do
        grep -q "^$key: " "$f" || { echo "$f: no $key in the front matter"; fail=1; }
    done
    words=$(awk 'BEGIN{n=0} /^---$/{n++; next} n>=2' "$f" | wc -w)
    { [ "$words" -ge 150 ] && [ "$words" -le 900 ]; } || { echo "$f: $words words (150-900)"; fail=1; }
done
dups=$(jq -r '(.answerable + .unanswerable)[].id' questions.json | sort | uniq -d)
[ -z "$dups" ] || { echo "duplicate question ids: $dups"; fail=1; }
jq -r '.answerable[] | .id as $q | .relevant[] | "\($q)\t\(.)"' questions.json |
while IFS="$(printf '\t')" read -r q doc; do
    [ -f "documents/$doc.md" ] || { echo "$q: no document $doc"; exit 1; }
done || fail=1
jq -r '.answerable[] | .id as $q | .relevant as $r | .answer_contains[] | "\($q)\t\($r | join(" "))\t\(.)"' questions.json |
while IFS="$(printf '\t')" read -r q docs fact; do
    found=0
    for doc in $docs; do [ -f "documents/$doc.md" ] && grep -qF -- "$fact" "documents/$doc.md" && found=1; done
    [ "$found" = 1 ] || { echo "$q: '$fact' is in none of: $docs"; exit 1; }
done || fail=1
echo "documents: $(find documents -name "*.md" | wc -l)"
for c in hotels policies destinations how-to faq; do
    echo "  $c: $(grep -l "^category: $c\$" documents/*.md | wc -l)"
done
echo "answerable: $(jq '.answerable | length' questions.json) (hard: $(jq '[.answerable[] | select(.hard)] | length' questions.json))"
echo "unanswerable: $(jq '.unanswerable | length' questions.json)"
[ "$fail" = 0 ] && echo "corpus ok"
exit "$fail"
