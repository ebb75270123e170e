#!/usr/bin/env bash
# Builds caseops (the WAR that bin/run starts) and the reliability programs, then runs one of them.
#
#   reliability/run.sh crash [--db h2,postgresql] [--jobs index,addToReviewSet,...] [--kills N] [--seed S] [--quick]
#                            [--target auto|progress|time] [--db-name NAME]
#       For every database and job type: a fresh data directory (and PostgreSQL database NAME, default
#       caseops_rel_crash), a generated mail corpus, the server started with bin/run; then N times: an operation of
#       the job type submitted, the server's JVM killed with SIGKILL at a seeded random moment while the job runs,
#       the server started again, the operation polled to its end, its results checked. The moment: a seeded
#       progress percentage, or (--target time; auto: for the short job types estimateStatistics, contentExport,
#       applyTags, exportReport and purgeData) a seeded fraction of the operation's duration un-killed, timed in the
#       set-up. Whether a kill came mid-job is read from the restarted server's log (start-up recovery took the
#       operation up). Default: both databases, every job type, 3 kills, seed 13, --target auto. The opt-in job
#       type purgeRestore (only when --jobs names it) is purgeData with each restore killed too, then sent again.
#   reliability/run.sh crash --short
#       A couple of minutes: H2, index and contentExport, one kill each, small corpora (for CI).
#   reliability/run.sh dbdown [--outage SECONDS] [--reset-first] [--fault outage|reset|lock] [--db-name NAME]
#       PostgreSQL reached through a TCP proxy of the program's own, cut for a while in the middle of an index job
#       (--reset-first or --fault reset: every connection closed at once mid-job first, the outage after the job's
#       end; --fault lock: the server's sessions under a lock_timeout of 5 s, the item table locked ACCESS
#       EXCLUSIVE mid-job for up to SECONDS, until the operation has failed; then it is retried). NAME: the
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
