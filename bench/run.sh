#!/usr/bin/env bash
# Builds caseops and the bench, then runs one of the bench programs; the output is also kept in bench/results/.
#
#   bench/run.sh                      index benchmark with its defaults (5,000 messages, 3 rounds, H2)
#   bench/run.sh benchmark [options]  org.caseops.bench.IndexBenchmark
#   bench/run.sh memory [options]     org.caseops.bench.LargeCaseMemoryCheck (10k and 100k messages, -Xmx512m)
#   bench/run.sh corpus [options]     org.caseops.bench.CorpusGenerator (needs --out DIR)
#   bench/run.sh search [options]     org.caseops.bench.SearchBenchmark (estimate latency and addToReviewSet
#                                     throughput on a 200,000-message case kept in bench/work between runs)
#   bench/run.sh pdf [options]        org.caseops.bench.PdfBenchmark (the convertToPdf renderer against a bare
#                                     PDFBox loop over the same generated messages; --job: the convertToPdf
#                                     job end to end too)
#   bench/run.sh export [options]     org.caseops.bench.ExportBenchmark (the contentExport job against
#                                     zip -r -6 over the same natives; --mode memory: a 100k-file export at
#                                     -Xmx512m)
#   bench/run.sh hold [options]       org.caseops.bench.HoldBenchmark (hold preservation bytes per second against
#                                     cp -r of the same files, side by side)
#   bench/run.sh stream [options]     org.caseops.bench.StreamBenchmark (the operation event stream of a running
#                                     server: its cost with many clients and its latency; JDK only, no build)
#   bench/run.sh purge [options]      org.caseops.bench.PurgeBenchmark (the purgeData job against plain Files.move
#                                     of the same .eml files and a plain rewrite of the same mbox files)
#
# BENCH_SKIP_BUILD=1 skips the Maven builds; BENCH_JAVA_OPTS replaces the JVM options (default -Xmx1g for the
# benchmark and the search benchmark, none for the others: the memory check sets the heap of the JVMs it starts);
# BENCH_CASEOPS_JARS=DIR runs on the caseops jars in DIR instead of the installed ones (see BENCHMARKS.md);
# BENCH_M2_REPO=DIR installs caseops into DIR, a Maven local repository of its own that reads everything else from
# ~/.m2/repository without writing there (for a machine where several people build at once).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

what=benchmark
if [[ $# -gt 0 && $1 != --* ]]; then
  what=$1
  shift
fi
if [[ $what == stream ]]; then
  # A single source file on JDK classes only, run by the java launcher: it talks to a server through HTTP.
  mkdir -p "$here/results"
  log="$here/results/$what-$(date +%Y%m%d-%H%M%S).txt"
  echo "output also in $log"
  java "$here/src/main/java/org/caseops/bench/StreamBenchmark.java" "$@" 2>&1 | tee "$log"
  exit "${PIPESTATUS[0]}"
fi
case "$what" in
  benchmark) main=org.caseops.bench.IndexBenchmark; default_opts="-Xmx1g" ;;
  memory) main=org.caseops.bench.LargeCaseMemoryCheck; default_opts="" ;;
  corpus) main=org.caseops.bench.CorpusGenerator; default_opts="" ;;
  search) main=org.caseops.bench.SearchBenchmark; default_opts="-Xmx1g" ;;
  pdf) main=org.caseops.bench.PdfBenchmark; default_opts="-Xmx1g" ;;
  hold) main=org.caseops.bench.HoldBenchmark; default_opts="-Xmx1g" ;;
  export) main=org.caseops.bench.ExportBenchmark; default_opts="-Xmx1g" ;;
  purge) main=org.caseops.bench.PurgeBenchmark; default_opts="-Xmx1g" ;;
  *) echo "usage: $0 [benchmark|memory|corpus|search|pdf|hold|export|stream|purge] [options]" >&2; exit 2 ;;
esac

repo_opts=()
if [[ -n ${BENCH_M2_REPO:-} ]]; then
  mkdir -p "$BENCH_M2_REPO"
  repo_opts=("-Dmaven.repo.local=$(cd "$BENCH_M2_REPO" && pwd)" "-Dmaven.repo.local.tail=$HOME/.m2/repository")
fi
if [[ ${BENCH_SKIP_BUILD:-} != 1 ]]; then
  echo "building caseops (domain, persistence, batch) and the bench..."
  build_log="$(mktemp)"
  # Only the modules the bench runs on: domain, persistence (with its test jar) and batch. Maven's output is shown
  # only when the build fails.
  if ! { (cd "$root" && ./mvnw -q -B install -DskipTests -pl batch -am "${repo_opts[@]}") \
    && "$root/mvnw" -q -B -f "$here/pom.xml" compile "${repo_opts[@]}"; } >"$build_log" 2>&1; then
    cat "$build_log" >&2
    rm -f "$build_log"
    exit 1
  fi
  rm -f "$build_log"
fi

classpath="$here/target/classes:$(cat "$here/target/bench.classpath")"
if [[ -n ${BENCH_CASEOPS_JARS:-} ]]; then
  # Another build of caseops (its domain, persistence and batch jars, the persistence test jar too) in place of the
  # installed one, to measure two builds side by side.
  jars="$(cd "$BENCH_CASEOPS_JARS" && pwd)"
  others="$(tr ':' '\n' <"$here/target/bench.classpath" | grep -v '/org/caseops/' | paste -sd: -)"
  classpath="$here/target/classes:$(printf '%s:' "$jars"/*.jar)$others"
fi
mkdir -p "$here/results"
log="$here/results/$what-$(date +%Y%m%d-%H%M%S).txt"
echo "output also in $log"
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS-$default_opts} -Dcaseops.bench.home="$here" -cp "$classpath" "$main" "$@" 2>&1 | tee "$log"
exit "${PIPESTATUS[0]}"
