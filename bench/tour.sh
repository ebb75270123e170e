#!/usr/bin/env bash
# Runs the README's tour with curl against a running caseops (started with bin/run), and prints what each step gave
# and how long the index operation took (from its createdDateTime to its completedDateTime, as the server records).
#
#   TOKEN=... bench/tour.sh [http://localhost:8080]
#
# The evidence root must hold the tour's mailbox (julia.mendoza@contoso.com; bench/run.sh corpus --messages 3000
# --mailboxes 1 writes it). Every step fails loudly: a wrong status or an operation that does not succeed ends the
# script with a message.
set -euo pipefail
base=${1:-http://localhost:8080}
: "${TOKEN:?TOKEN must hold a read-write token of the server}"
B=$base/v1.0/security/cases/ediscoveryCases
H=(-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json')
json() { python3 -c "import sys, json; d = json.load(sys.stdin); print(d$1)"; }
location() { tr -d '\r' | awk 'tolower($1)=="location:" {print $2}'; }
# Polls an operation until it ends; prints it, and fails unless it succeeded.
wait_for() {
  local op=$1 body status
  for _ in $(seq 1 1200); do
    body=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$op")
    status=$(json '["status"]' <<<"$body")
    case "$status" in
      succeeded | partiallySucceeded) echo "$body"; return 0 ;;
      failed | submissionFailed) echo "operation $op ended $status: $body" >&2; return 1 ;;
    esac
    sleep 0.5
  done
  echo "operation $op did not end in 10 minutes" >&2
  return 1
}
seconds() {
  python3 -c "
import sys, json, datetime
d = json.load(sys.stdin)
p = lambda s: datetime.datetime.fromisoformat(s.replace('Z', '+00:00'))
print('%.1f' % (p(d['completedDateTime']) - p(d['createdDateTime'])).total_seconds())"
}

CASE=$(curl -fsS "${H[@]}" -X POST "$B" -d '{"displayName":"Contoso v. Fabrikam","externalId":"CV-2026-118"}' | json '["id"]')
CUST=$(curl -fsS "${H[@]}" -X POST "$B/$CASE/custodians" -d '{"email":"julia.mendoza@contoso.com"}' | json '["id"]')
curl -fsS "${H[@]}" -X POST "$B/$CASE/custodians/$CUST/userSources" \
  -d '{"email":"julia.mendoza@contoso.com","includedSources":"mailbox"}' >/dev/null

OP=$(curl -fsSi "${H[@]}" -X POST "$B/$CASE/operations" -d '{"action":"index"}' | location)
index=$(wait_for "$OP")
echo "index: $(json '["resultInfo"]["message"]' <<<"$index") in $(seconds <<<"$index") s"
OP2=$(curl -fsSi "${H[@]}" -X POST "$B/$CASE/operations" -d '{"action":"index"}' | location)
echo "index again: $(wait_for "$OP2" | json '["resultInfo"]["message"]')"
echo "itemStatistics: $(curl -fsS -H "Authorization: Bearer $TOKEN" "$B/$CASE/itemStatistics" | tr -d '\n' | cut -c1-200)"

SEARCH=$(curl -fsS "${H[@]}" -X POST "$B/$CASE/searches" \
  -d '{"displayName":"Budget mail","contentQuery":"budget AND sent>=2024-01-01","dataSourceScopes":"allCaseCustodians"}' | json '["id"]')
EST=$(curl -fsSi "${H[@]}" -X POST "$B/$CASE/searches/$SEARCH/estimateStatistics" | location)
echo "estimateStatistics: $(wait_for "$EST" | json '["indexedItemCount"]') items"

RS=$(curl -fsS "${H[@]}" -X POST "$B/$CASE/reviewSets" -d '{"displayName":"Budget review"}' | json '["id"]')
ADD=$(curl -fsSi "${H[@]}" -X POST "$B/$CASE/reviewSets/$RS/addToReviewSet" -d "{\"search\":{\"id\":\"$SEARCH\"}}" | location)
wait_for "$ADD" >/dev/null
echo "review set files (first page): $(curl -fsS -H "Authorization: Bearer $TOKEN" "$B/$CASE/reviewSets/$RS/files?\$top=5" | json '["value"].__len__()')"

TAG=$(curl -fsS "${H[@]}" -X POST "$B/$CASE/tags" -d '{"displayName":"Responsive"}' | json '["id"]')
Q=$(curl -fsS "${H[@]}" -X POST "$B/$CASE/reviewSets/$RS/queries" \
  -d '{"displayName":"From outside","contentQuery":"NOT from:contoso.com"}' | json '["id"]')
TAGOP=$(curl -fsSi "${H[@]}" -X POST "$B/$CASE/reviewSets/$RS/queries/$Q/applyTags" -d "{\"tagsToAdd\":[{\"id\":\"$TAG\"}]}" | location)
echo "applyTags: $(wait_for "$TAGOP" | json '["resultInfo"]["message"]')"

EXP=$(curl -fsSi "${H[@]}" -X POST "$B/$CASE/reviewSets/$RS/export" \
  -d '{"outputName":"Budget production","exportOptions":"originalFiles,text,tags"}' | location)
export_op=$(wait_for "$EXP")
out=$(mktemp -d)
for u in $(python3 -c "import sys, json; [print(f['downloadUrl']) for f in json.load(sys.stdin)['exportFileMetadata']]" <<<"$export_op"); do
  (cd "$out" && curl -fsSOJ "$u")
done
echo "export: $(ls "$out" | tr '\n' ' ')"
unzip -tq "$out/Budget_production_part001.zip"
rm -rf "$out"
echo "tour done: case $CASE"
