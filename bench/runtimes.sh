#!/usr/bin/env bash
# Compares the runtimes bin/run starts: for each one in turn, bin/run on a fresh data directory holding the same
# generated mailbox, then the README's tour (bench/tour.sh) against it. Prints, per runtime, the start-up time bin/run
# reports (launch to the first 200 from /health) and the index operation's time and throughput; the output is also
# kept in bench/results/.
#
#   bench/runtimes.sh [--messages N] [--rounds R] [runtime...]     (default: 3000 messages, 1 round,
#                                                                    payara wildfly payara7)
#
# BENCH_SKIP_BUILD=1 starts the last build; BENCH_PORT is the HTTP port (default 8180); BENCH_WORK the folder of the
# data directories (default bench/work/runtimes). CASEOPS_DB_URL etc. are passed on to bin/run (PostgreSQL).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
messages=3000
rounds=1
runtimes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --messages) messages=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) runtimes+=("$1"); shift ;;
  esac
done
[ ${#runtimes[@]} -gt 0 ] || runtimes=(payara wildfly payara7)
port=${BENCH_PORT:-8180}
work=${BENCH_WORK:-$here/work/runtimes}

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "building caseops and unpacking WildFly..."
  (cd "$root" && ./mvnw -q -B package -DskipTests && ./mvnw -q -B -pl web dependency:unpack@wildfly-dist)
fi
# The corpus generator needs nothing but the JDK: compiled on its own, without the bench's Maven build.
generator=$here/target/generator
mkdir -p "$generator"
javac -d "$generator" "$here"/src/main/java/org/caseops/bench/{CorpusGenerator,MailFactory,Options,Vocabulary,MimeText}.java
corpus=$work/corpus-$messages
if [ ! -d "$corpus" ]; then
  java -cp "$generator" org.caseops.bench.CorpusGenerator --out "$corpus" --messages "$messages" --mailboxes 1
fi

mkdir -p "$here/results"
results=$here/results/runtimes-$(date +%Y%m%d-%H%M%S).txt
echo "output also in $results"
for round in $(seq 1 "$rounds"); do
  for runtime in "${runtimes[@]}"; do
    data=$work/$runtime
    rm -rf "$data"
    mkdir -p "$data"
    cp -r "$corpus" "$data/evidence"
    log=$work/$runtime-run.log
    CASEOPS_SKIP_BUILD=1 CASEOPS_PORT=$port CASEOPS_DATA_DIR=$data "$root/bin/run" --runtime "$runtime" >"$log" 2>&1 &
    run=$!
    until grep -q 'export TOKEN=\|Bearer tokens come\|did not start' "$log" 2>/dev/null; do
      if ! kill -0 "$run" 2>/dev/null; then break; fi
      sleep 1
    done
    started=$(grep -o 'started in [0-9]* s' "$log" | grep -o '[0-9]*' || echo '?')
    token=$(grep -o 'export TOKEN=.*' "$log" | cut -d= -f2 || true)
    tour=$(TOKEN=$token "$here/tour.sh" "http://localhost:$port" 2>&1 || true)
    index_seconds=$(grep -o '^index: .* in [0-9.]* s' <<<"$tour" | grep -o '[0-9.]* s$' | grep -o '[0-9.]*' || echo '?')
    if [ "$index_seconds" != '?' ]; then
      rate=$(python3 -c "print(round($messages / $index_seconds))")
    else
      rate='?'
    fi
    done_line=$(grep -c '^tour done' <<<"$tour" || true)
    echo "round $round, $runtime: started in $started s; index of $messages messages in $index_seconds s ($rate items/s); tour finished: $([ "$done_line" = 1 ] && echo yes || echo no)" | tee -a "$results"
    echo "$tour" | sed 's/^/    /' >>"$results"
    # Stop the server (bin/run stops it on TERM) and wait until it has gone.
    kill -TERM "$run" 2>/dev/null || true
    wait "$run" 2>/dev/null || true
    sleep 2
  done
done
