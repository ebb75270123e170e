package org.caseops.reliability;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a trial's kill comes, and whether it came in the middle of the job.
 *
 * <p>Two ways to pick the moment: a <em>progress</em> target (the kill comes once the poller sees
 * the operation at or past a seeded percentage), or a <em>time</em> target, for jobs that end
 * within a few polls: the job type's operation is run twice un-killed in its set-up and timed by
 * the server's own {@code createdDateTime} and {@code completedDateTime} (the shorter counts), and
 * each kill comes at a seeded fraction (5 to 95 %) of that duration after the submission was
 * answered; a kill that came after the end shortens the duration to its delay for the next.
 *
 * <p>Whether a kill landed mid-job is not taken from the target: it is read from what the restarted
 * server did. An operation the kill left open (notStarted or running in the database) is taken up
 * by start-up recovery, which logs {@code operation <id> restarted from its checkpoint}, {@code
 * operation <id> started again} or {@code operation <id> could not be resumed}; an operation that
 * had ended before the kill is not.
 */
final class KillPlan {
  private KillPlan() {}

  /** How a kill's moment is chosen. */
  enum Mode {
    PROGRESS,
    TIME
  }

  /**
   * The job types whose operation ends within a few 100 ms polls over the full corpus, so that a
   * progress target lands after the end: these get a time target under {@code --target auto}.
   */
  static final Set<String> SHORT_JOBS =
      Set.of(
          "estimateStatistics",
          "contentExport",
          "applyTags",
          "exportReport",
          "purgeData",
          "purgeRestore");

  /** The mode for a job type under {@code --target auto|progress|time}. */
  static Mode mode(String option, String job) {
    return switch (option) {
      case "progress" -> Mode.PROGRESS;
      case "time" -> Mode.TIME;
      case "auto" -> SHORT_JOBS.contains(job) ? Mode.TIME : Mode.PROGRESS;
      default ->
          throw new IllegalArgumentException("--target " + option + ": auto, progress or time");
    };
  }

  /**
   * A seeded delay after the submission, within the job's un-killed duration: 5 to 95 % of it (at
   * least 1 ms). The fraction depends on the seed alone; the delay also on the duration measured.
   */
  static long delayMillis(SplittableRandom random, long durationMillis) {
    double fraction = 0.05 + 0.9 * random.nextDouble();
    return Math.max(1, Math.round(durationMillis * fraction));
  }

  /**
   * The operation's duration by the server's clock ({@code completedDateTime} minus {@code
   * createdDateTime}), or -1 when either is missing or unreadable.
   */
  static long durationMillis(String created, String completed) {
    if (created == null || completed == null) {
      return -1;
    }
    try {
      long ms = Duration.between(Instant.parse(created), Instant.parse(completed)).toMillis();
      return ms < 0 ? -1 : ms;
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  /**
   * The duration to aim the next kill at: a kill that start-up recovery did not take up (it came
   * after the end) shows the job ends within {@code killDelayMillis} now, so the duration shrinks
   * to that; a mid-job kill leaves it as it was.
   */
  static long nextDuration(long durationMillis, long killDelayMillis, boolean killedMidJob) {
    if (killedMidJob || killDelayMillis <= 0) {
      return durationMillis;
    }
    return Math.min(durationMillis, killDelayMillis);
  }

  /** The operation id at the end of an operation's URL. */
  static String operationId(String url) {
    String path = url.replaceAll("[?#].*$", "");
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * What start-up recovery did with the operation, as the server log of the restarted server tells
   * it: "restarted from its checkpoint as execution N", "started again as execution N", "could not
   * be resumed"; or null when the log does not name the operation (it had ended before the kill).
   */
  static String recoveryAtStartup(String serverLog, String operationId) {
    Matcher m =
        Pattern.compile(
                "operation "
                    + Pattern.quote(operationId)
                    + " (restarted from its checkpoint as execution \\d+"
                    + "|started again as execution \\d+"
                    + "|could not be resumed)")
            .matcher(serverLog);
    if (m.find()) {
      return m.group(1);
    }
    // The summary the server logs after start-up recovery, should the line of its own be missing.
    Matcher summary =
        Pattern.compile("Outcome\\[operationId=" + Pattern.quote(operationId) + ", action=(\\w+)")
            .matcher(serverLog);
    return summary.find() ? summary.group(1) : null;
  }
}
