#!/usr/bin/env bash
# Checks a caseops server deployed by hand (Payara Server, WildFly): readiness, then a case, a custodian with a
# mailbox of generated messages, and an index of it that must succeed with every message indexed.
#
#   bench/smoke-deployed.sh BASE_URL TOKEN EVIDENCE_ROOT [MESSAGES]
#
# BASE_URL is the server's root (http://localhost:8080); EVIDENCE_ROOT the server's evidence root, where the mailbox
# is written (mailboxes/<address>/inbox/*.eml); MESSAGES defaults to 200. READY_URL overrides where readiness is asked
# (WildFly serves it on its management port: READY_URL=http://localhost:9990/health/ready). Exits non-zero at the
# first failed check.
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: bench/smoke-deployed.sh BASE_URL TOKEN EVIDENCE_ROOT [MESSAGES]" >&2
  exit 2
fi
base=${1%/}
token=$2
evidence=$3
messages=${4:-200}
auth=(-H "Authorization: Bearer $token")
cases=$base/v1.0/security/cases/ediscoveryCases

fail() {
  echo "FAILED: $*" >&2
  exit 1
}
json() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }

# A mailbox of its own for every run, so that the expected count is exact.
address="smoke-$(date +%s)-$$@contoso.com"
box=$evidence/mailboxes/$address/inbox
mkdir -p "$box"
for i in $(seq 1 "$messages"); do
  printf 'From: carol@fabrikam.com\r\nTo: %s\r\nSubject: Budget review %d\r\nDate: Mon, 3 Jun 2024 10:00:00 +0000\r\nMessage-ID: <smoke-%d@fabrikam.com>\r\n\r\nThe budget for quarter %d is attached.\r\n' \
    "$address" "$i" "$i" "$i" > "$box/m$i.eml"
done

ready=${READY_URL:-$base/health/ready}
status=$(curl -s -o /dev/null -w '%{http_code}' "$ready")
[ "$status" = 200 ] || fail "$ready answered $status"
echo "$ready: 200"

case_id=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -X POST "$cases" \
  -d '{"displayName":"Deployment check"}' | json '["id"]') || fail "creating a case"
echo "case $case_id"
custodian=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -X POST "$cases/$case_id/custodians" \
  -d "{\"email\":\"$address\"}" | json '["id"]') || fail "adding a custodian"
curl -sf "${auth[@]}" -H 'Content-Type: application/json' -X POST \
  "$cases/$case_id/custodians/$custodian/userSources" \
  -d "{\"email\":\"$address\",\"includedSources\":\"mailbox\"}" > /dev/null || fail "adding the mailbox"
echo "custodian $custodian with the mailbox $address ($messages messages)"

started=$(date +%s)
operation=$(curl -sfi "${auth[@]}" -H 'Content-Type: application/json' -X POST "$cases/$case_id/operations" \
  -d '{"action":"index"}' | tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
[ -n "$operation" ] || fail "submitting the index"
for _ in $(seq 1 300); do
  body=$(curl -sf "${auth[@]}" "$operation")
  state=$(printf '%s' "$body" | json '["status"]')
  case $state in succeeded | partiallySucceeded | failed) break ;; esac
  sleep 2
done
result=$(printf '%s' "$body" | json '["resultInfo"]["message"]')
echo "index: $state in $(($(date +%s) - started)) s: $result"
[ "$state" = succeeded ] || fail "the index ended $state"
case $result in "Indexed $messages items;"*) ;; *) fail "expected $messages items indexed" ;; esac
echo "all checks passed"
