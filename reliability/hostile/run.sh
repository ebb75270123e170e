#!/usr/bin/env bash
# Runs the hostile-input fuzzer: builds caseops (unless --skip-build), starts it with bin/run on
# embedded H2 in a fresh folder, writes hostile evidence into its evidence root, indexes it and runs
# every job over it, then sends hostile requests to every endpoint /openapi lists. Prints a summary
# and writes report.json (every 5xx, trace, non-Graph error, changed file, memory figures) into the
# work folder; exits non-zero when an answer was a 5xx or held a stack trace, a request went
# unanswered, a file outside the data directory changed, canary content was served, or the server
# stopped answering.
#
#   reliability/hostile/run.sh [--seed N] [--rounds N] [--mbox-gib G] [--port P] [--work DIR] [--skip-build]
#                              [--skip-evidence] [--exclude pdf_bomb]
#
#   --seed      the fuzzer's random seed (default 13): the same seed sends the same requests
#   --rounds    passes over every endpoint with mutated bodies, ids and query options (default 60)
#   --mbox-gib  size of the large (sparse) mbox in GiB (default 2)
#   --skip-evidence  no hostile evidence and no jobs over it: the HTTP fuzzing alone
#   --exclude   hostile evidence to leave out, comma-separated (pdf_bomb: see HOSTILE.md)
#   --work      the folder for the data directory, canary tree and report (default: a new temporary one)
set -euo pipefail
cd "$(dirname "$0")/../.."
seed=13 rounds=60 mbox=2 port=18580 work= build=1 extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --mbox-gib) mbox=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    --skip-evidence) extra+=(--skip-evidence); shift ;;
    --exclude) extra+=(--exclude "$2"); shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ "$build" = 1 ]; then
  ./mvnw -q -B package -DskipTests
fi
work=${work:-$(mktemp -d -t caseops-hostile.XXXXXX)}
if [ -e "$work/data" ]; then
  echo "$work/data exists: give a new --work folder (the fuzzer starts from a fresh data directory)" >&2
  exit 2
fi
echo "Work folder: $work"
exec python3 reliability/hostile/fuzz.py --repo "$(pwd)" --work "$work" --seed "$seed" --rounds "$rounds" \
  --mbox-gib "$mbox" --port "$port" "${extra[@]}"
