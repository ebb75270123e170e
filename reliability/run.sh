#!/usr/bin/env bash
# Builds caseops (the WAR that bin/run starts) and the reliability programs, then runs one of them.
#
#   reliability/run.sh crash [--db h2,postgresql] [--jobs index,addToReviewSet,...] [--kills N] [--seed S] [--quick]
#       For every database and job type: a fresh data directory (and PostgreSQL database caseops_rel_crash_<job>),
#       a generated mail corpus, the server started with bin/run; then N times: an operation of the job type
#       submitted, the server's JVM killed with SIGKILL at a seeded random moment while the job runs, the server
#       started again, the operation polled to its end, its results checked. Default: both databases, every job
#       type, 3 kills, seed 13.
#   reliability/run.sh crash --short
#       A couple of minutes: H2, index and contentExport, one kill each, small corpora (for CI).
#   reliability/run.sh dbdown [--outage SECONDS] [--reset-first] [--db-name NAME]
#       PostgreSQL reached through a TCP proxy of the program's own, cut for a while in the middle of an index job
#       (--reset-first: every connection closed at once mid-job first, the outage after the job's end). NAME: the
#       database to make and drop (default caseops_rel_crash_dbdown).
#   reliability/run.sh load [--submissions 1000] [--pollers 100] [--seconds 60] [--runtime payara|wildfly|payara7]
#       Concurrent submissions and polling clients against one server on loopback (bin/run --runtime; WildFly's
#       AJP, HTTPS and management ports are kept in RELIABILITY_PORTS too).
#
# RELIABILITY_SKIP_BUILD=1 skips the Maven builds; CASEOPS_SKIP_BUILD=1 skips only caseops' (the WAR and the tools
# must be built already, as after `./mvnw package` or `./mvnw verify`). Work files (data directories, logs, a TSV of every kill) go to
# reliability/work (RELIABILITY_WORK to change). RELIABILITY_PORTS=first-last makes the servers listen on free ports of
# that range (default: ports the system picks). PostgreSQL: 127.0.0.1:5432, user postgres, trust authentication.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
if [[ ${RELIABILITY_SKIP_BUILD:-0} != 1 ]]; then
  if [[ ${CASEOPS_SKIP_BUILD:-0} != 1 ]]; then
    ./mvnw -B -q -o package -DskipTests -Dspotless.check.skip=true
  fi
  ./mvnw -B -q -o -f reliability/pom.xml package -DskipTests -Dspotless.check.skip=true
fi
exec java -Dreliability.repo="$root" -Dreliability.work="${RELIABILITY_WORK:-$here/work}" \
  -cp "$here/target/caseops-reliability.jar:$here/target/lib/*" org.caseops.reliability.Main "$@"
