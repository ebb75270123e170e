package org.caseops.persistence.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every setting of caseops, with its default and the form of its values, in one place; each read
 * typed and checked. Values come from MicroProfile Config: a system property ({@code
 * caseops.page.size}) before the environment variable of the same name in upper case with
 * underscores ({@code CASEOPS_PAGE_SIZE}), as MicroProfile Config maps them; where no MicroProfile
 * Config runtime is present (the job tests on JBeret SE, unit tests) the same two are read
 * directly. A blank value counts as unset.
 *
 * <p>Values are read on every call, so a job sees the configuration of the moment it starts. A
 * value of the wrong form is an {@link InvalidSettingException} naming the setting and the form;
 * {@link #check()} reads every setting at start-up so that a bad one stops the deployment with that
 * message rather than failing a request later.
 */
public final class CaseopsConfig {
  private static final Logger LOG = Logger.getLogger(CaseopsConfig.class.getName());

  /**
   * One setting: its MicroProfile Config name, its default as written in the README ({@code null}:
   * none) and the form its values take.
   */
  public record Setting(String name, String defaultValue, String form) {
    /** The environment variable MicroProfile Config reads for this setting. */
    public String environmentName() {
      return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
  }

  public static final int MAX_PAGE_SIZE = 1000;
  public static final int MAX_CLOCK_SKEW_SECONDS = 600;

  public static final Setting DATA_DIR =
      new Setting("caseops.data.dir", "./caseops-data", "a folder path");
  public static final Setting EVIDENCE_ROOT =
      new Setting("caseops.evidence.root", "<data dir>/evidence", "a folder path");
  public static final Setting PAGE_SIZE =
      new Setting("caseops.page.size", "100", "a whole number of items from 1 to " + MAX_PAGE_SIZE);
  public static final Setting THROTTLE_SUBMISSIONS_PER_CLIENT =
      rate("caseops.throttle.submissions.per.client", 60);
  public static final Setting THROTTLE_SUBMISSIONS_PER_CLIENT_BURST =
      burst(THROTTLE_SUBMISSIONS_PER_CLIENT, 20);
  public static final Setting THROTTLE_SUBMISSIONS_PER_CASE =
      rate("caseops.throttle.submissions.per.case", 30);
  public static final Setting THROTTLE_SUBMISSIONS_PER_CASE_BURST =
      burst(THROTTLE_SUBMISSIONS_PER_CASE, 10);
  public static final Setting THROTTLE_READS_PER_CLIENT =
      rate("caseops.throttle.reads.per.client", 6000);
  public static final Setting THROTTLE_READS_PER_CLIENT_BURST =
      burst(THROTTLE_READS_PER_CLIENT, 1000);
  public static final Setting AUTH_ISSUER =
      new Setting("caseops.auth.issuer", null, "the exact 'iss' of accepted tokens");
  public static final Setting AUTH_AUDIENCE =
      new Setting("caseops.auth.audience", null, "'aud' values separated by commas");
  public static final Setting AUTH_PUBLICKEY_LOCATION =
      new Setting("caseops.auth.publickey.location", null, "the path of a PEM file");
  public static final Setting AUTH_JWKS_LOCATION =
      new Setting("caseops.auth.jwks.location", null, "a file path or an http(s) URL");
  public static final Setting AUTH_CLOCK_SKEW_SECONDS =
      new Setting(
          "caseops.auth.clock.skew.seconds",
          "60",
          "a whole number of seconds from 0 to " + MAX_CLOCK_SKEW_SECONDS);
  public static final Setting DOWNLOAD_GRANT_HOURS =
      new Setting("caseops.download.grant.hours", "24", "a whole number of hours, 1 or more");

  public static final Setting EXPORT_PART_SIZE =
      new Setting(
          "caseops.export.part.size",
          "4294967296",
          "a whole number of bytes, 1 or more (4294967296 is 4 GiB)");
  public static final int MAX_JOBS = 10_000;
  public static final Setting JOBS_MAX =
      new Setting("caseops.jobs.max", "32", "a whole number of jobs from 1 to " + MAX_JOBS);
  public static final Setting PURGE_MAX_ITEMS =
      new Setting(
          "caseops.purge.max.items", "10000", "a whole number of items, 0 (no purge) or more");
  public static final Setting HOLD_LINKS =
      new Setting("caseops.hold.links", "false", "true or false");

  /**
   * A tuning value of a batch job: the setting {@code caseops.job.<job>.<parameter>}, passed to the
   * job as its job parameter {@code parameter} when it is started or restarted ({@link
   * #jobParameters}); the job XMLs hold no defaults of their own.
   */
  public record JobTuning(String job, String parameter, Setting setting, long min, long max) {}

  private static final long INT_MAX = Integer.MAX_VALUE;

  private static JobTuning tuning(
      String job, String parameter, long defaultValue, long min, long max, String form) {
    return new JobTuning(
        job,
        parameter,
        new Setting("caseops.job." + job + "." + parameter, Long.toString(defaultValue), form),
        min,
        max);
  }

  private static JobTuning itemCount(String job, long defaultValue) {
    return tuning(
        job, "itemCount", defaultValue, 1, INT_MAX, "a whole number of items per chunk, 1 or more");
  }

  private static JobTuning pageSize(String job, long defaultValue) {
    return tuning(
        job,
        "pageSize",
        defaultValue,
        1,
        INT_MAX,
        "a whole number of rows read at a time, 1 or more");
  }

  private static JobTuning maxItemBytes(String job) {
    return tuning(
        job, "maxItemBytes", 52_428_800, 1, INT_MAX, "a whole number of bytes, 1 or more");
  }

  private static JobTuning copyThreads(String job) {
    return tuning(job, "copyThreads", 4, 1, 1024, "a whole number of threads from 1 to 1024");
  }

  private static JobTuning transactionSeconds(String job) {
    return tuning(
        job,
        "transactionSeconds",
        1800,
        1,
        INT_MAX,
        "a whole number of seconds, 1 or more (a chunk's transaction timeout)");
  }

  private static JobTuning textLimit(String job, long defaultValue) {
    return tuning(
        job, "textLimit", defaultValue, 1, INT_MAX, "a whole number of characters, 1 or more");
  }

  /** Every job's tuning values, job by job, in the order of the README's table. */
  public static final List<JobTuning> JOB_TUNING =
      List.of(
          itemCount("index", 500),
          tuning(
              "index",
              "chunkSeconds",
              120,
              0,
              INT_MAX,
              "a whole number of seconds, 0 (no time limit) or more"),
          transactionSeconds("index"),
          maxItemBytes("index"),
          textLimit("index", 10_000_000),
          tuning(
              "index",
              "lookaheadBytes",
              33_554_432,
              1,
              Long.MAX_VALUE,
              "a whole number of bytes, 1 or more"),
          tuning(
              "index",
              "extractionThreads",
              0,
              0,
              1024,
              "a whole number of threads from 0 (one per processor) to 1024"),
          itemCount("addToReviewSet", 1000),
          pageSize("addToReviewSet", 1000),
          maxItemBytes("addToReviewSet"),
          copyThreads("addToReviewSet"),
          transactionSeconds("addToReviewSet"),
          tuning("applyTags", "batchSize", 1000, 1, INT_MAX, "a whole number of items, 1 or more"),
          itemCount("contentExport", 500),
          pageSize("contentExport", 500),
          tuning(
              "contentExport",
              "partEntries",
              65_535,
              1,
              INT_MAX,
              "a whole number of entries per ZIP part, 1 or more"),
          maxItemBytes("contentExport"),
          textLimit("contentExport", 10_000_000),
          transactionSeconds("contentExport"),
          itemCount("convertToPdf", 50),
          pageSize("convertToPdf", 50),
          maxItemBytes("convertToPdf"),
          textLimit("convertToPdf", 2_000_000),
          transactionSeconds("convertToPdf"),
          itemCount("exportReport", 1000),
          pageSize("exportReport", 1000),
          transactionSeconds("exportReport"),
          itemCount("exportResult", 100),
          pageSize("exportResult", 500),
          tuning(
              "exportResult",
              "partSize",
              4_294_967_296L,
              1,
              Long.MAX_VALUE,
              "a whole number of bytes, 1 or more (4294967296 is 4 GiB)"),
          tuning(
              "exportResult",
              "partEntries",
              65_535,
              1,
              INT_MAX,
              "a whole number of entries per ZIP part, 1 or more"),
          maxItemBytes("exportResult"),
          transactionSeconds("exportResult"),
          itemCount("holdPolicySync", 1000),
          pageSize("holdPolicySync", 1000),
          maxItemBytes("holdPolicySync"),
          copyThreads("holdPolicySync"),
          transactionSeconds("holdPolicySync"),
          itemCount("holdUpdate", 1000),
          pageSize("holdUpdate", 1000),
          maxItemBytes("holdUpdate"),
          copyThreads("holdUpdate"),
          transactionSeconds("holdUpdate"),
          itemCount("purgeData", 1000),
          transactionSeconds("purgeData"));

  /** Every setting, in the order of the README's table, every job's tuning last. */
  public static final List<Setting> ALL =
      withJobTuning(
          DATA_DIR,
          EVIDENCE_ROOT,
          PAGE_SIZE,
          THROTTLE_SUBMISSIONS_PER_CLIENT,
          THROTTLE_SUBMISSIONS_PER_CLIENT_BURST,
          THROTTLE_SUBMISSIONS_PER_CASE,
          THROTTLE_SUBMISSIONS_PER_CASE_BURST,
          THROTTLE_READS_PER_CLIENT,
          THROTTLE_READS_PER_CLIENT_BURST,
          AUTH_ISSUER,
          AUTH_AUDIENCE,
          AUTH_PUBLICKEY_LOCATION,
          AUTH_JWKS_LOCATION,
          AUTH_CLOCK_SKEW_SECONDS,
          DOWNLOAD_GRANT_HOURS,
          EXPORT_PART_SIZE,
          JOBS_MAX,
          PURGE_MAX_ITEMS,
          HOLD_LINKS);

  private static List<Setting> withJobTuning(Setting... settings) {
    List<Setting> all = new ArrayList<>(Arrays.asList(settings));
    JOB_TUNING.forEach(t -> all.add(t.setting()));
    return List.copyOf(all);
  }

  private static Setting rate(String name, long perMinute) {
    return new Setting(
        name, Long.toString(perMinute), "a whole number of requests per minute, 0 (off) or more");
  }

  private static Setting burst(Setting rate, long burst) {
    return new Setting(
        rate.name() + ".burst",
        Long.toString(burst),
        "a whole number of requests, 0 or more (the default is the smaller of "
            + burst
            + " and the rate)");
  }

  private final UnaryOperator<String> lookup;

  private CaseopsConfig(UnaryOperator<String> lookup) {
    this.lookup = lookup;
  }

  /** The settings of this process: MicroProfile Config, or without it the same two sources. */
  public static CaseopsConfig current() {
    UnaryOperator<String> microProfile = MicroProfile.lookup();
    return new CaseopsConfig(microProfile != null ? microProfile : CaseopsConfig::systemLookup);
  }

  /** The settings that {@code lookup} answers (by setting name; null when unset). */
  public static CaseopsConfig of(UnaryOperator<String> lookup) {
    return new CaseopsConfig(lookup);
  }

  /** The settings of a map of names to values. */
  public static CaseopsConfig of(Map<String, String> values) {
    return new CaseopsConfig(values::get);
  }

  /**
   * Reads every setting and throws one {@link InvalidSettingException} naming each that is wrong.
   */
  public void check() {
    List<String> problems = new ArrayList<>();
    List<Runnable> reads =
        List.of(
            this::dataDir,
            this::evidenceRoot,
            this::pageSize,
            () -> rate(THROTTLE_SUBMISSIONS_PER_CLIENT),
            () -> rate(THROTTLE_SUBMISSIONS_PER_CASE),
            () -> rate(THROTTLE_READS_PER_CLIENT),
            () -> burst(THROTTLE_SUBMISSIONS_PER_CLIENT_BURST),
            () -> burst(THROTTLE_SUBMISSIONS_PER_CASE_BURST),
            () -> burst(THROTTLE_READS_PER_CLIENT_BURST),
            this::authAudiences,
            this::authClockSkewSeconds,
            this::downloadGrantValidity,
            this::exportPartSize,
            this::jobsMax,
            this::purgeMaxItems,
            this::holdLinks);
    List<Runnable> tuning = JOB_TUNING.stream().map(t -> (Runnable) () -> tuningValue(t)).toList();
    for (Runnable read : java.util.stream.Stream.concat(reads.stream(), tuning.stream()).toList()) {
      try {
        read.run();
      } catch (InvalidSettingException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSettingException(
          "caseops cannot start with this configuration: " + String.join("; ", problems));
    }
  }

  /** The folder under which the server keeps its own files. */
  public Path dataDir() {
    return path(DATA_DIR, "caseops-data");
  }

  /** The folder under which every source's evidence is read. */
  public Path evidenceRoot() {
    String value = raw(EVIDENCE_ROOT);
    return value == null ? dataDir().resolve("evidence") : path(EVIDENCE_ROOT, value);
  }

  /** The page size of a collection without {@code $top}. */
  public int pageSize() {
    return (int) number(PAGE_SIZE, 1, MAX_PAGE_SIZE);
  }

  /** A throttle rate in requests per minute (0: off). */
  public long rate(Setting rate) {
    return number(rate, 0, Long.MAX_VALUE);
  }

  /** A throttle burst, when it is set; without it, the limit works it out from its rate. */
  public OptionalLong burst(Setting burst) {
    return raw(burst) == null
        ? OptionalLong.empty()
        : OptionalLong.of(number(burst, 0, Long.MAX_VALUE));
  }

  public Optional<String> authIssuer() {
    return Optional.ofNullable(raw(AUTH_ISSUER));
  }

  /** The accepted audiences; empty when unset. */
  public Set<String> authAudiences() {
    String value = raw(AUTH_AUDIENCE);
    Set<String> audiences = new LinkedHashSet<>();
    if (value != null) {
      Arrays.stream(value.split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .forEach(audiences::add);
    }
    return Set.copyOf(audiences);
  }

  public Optional<String> authPublicKeyLocation() {
    return Optional.ofNullable(raw(AUTH_PUBLICKEY_LOCATION));
  }

  public Optional<String> authJwksLocation() {
    return Optional.ofNullable(raw(AUTH_JWKS_LOCATION));
  }

  public int authClockSkewSeconds() {
    return (int) number(AUTH_CLOCK_SKEW_SECONDS, 0, MAX_CLOCK_SKEW_SECONDS);
  }

  /** How long a download grant works. */
  public Duration downloadGrantValidity() {
    return Duration.ofHours(number(DOWNLOAD_GRANT_HOURS, 1, Long.MAX_VALUE / 3600));
  }

  /**
   * The largest ZIP part a contentExport writes, in bytes, when its job is not given {@code
   * partSize}.
   */
  public long exportPartSize() {
    return number(EXPORT_PART_SIZE, 1, Long.MAX_VALUE);
  }

  /**
   * The most batch jobs the server runs or is starting at once: a submission beyond them is refused
   * with 429 before anything is stored.
   */
  public int jobsMax() {
    return (int) number(JOBS_MAX, 1, MAX_JOBS);
  }

  /**
   * The most items one purgeData may remove: a purge whose search matches more is refused before
   * anything changes (when it is submitted, and again when its job first starts).
   */
  public long purgeMaxItems() {
    return number(PURGE_MAX_ITEMS, 0, Long.MAX_VALUE);
  }

  /**
   * Whether holds preserve a whole file that lies on the content store's file system as a hard link
   * to it (its bytes checked against the catalogued SHA-256) rather than a copy of its bytes. Off
   * by default: bytes written into the file in place at its source would reach a linked copy.
   */
  public boolean holdLinks() {
    String value = raw(HOLD_LINKS);
    if (value == null) {
      return false;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(HOLD_LINKS, value);
    };
  }

  /**
   * The tuning values of a job as its job parameters: every {@link #JOB_TUNING} value of the job
   * (its setting, or the default), and for {@code contentExport} its {@code partSize} ({@link
   * #exportPartSize()}). Empty for a job without any.
   *
   * @throws InvalidSettingException when one of them has the wrong form
   */
  public java.util.Properties jobParameters(String job) {
    java.util.Properties parameters = new java.util.Properties();
    for (JobTuning t : JOB_TUNING) {
      if (t.job().equals(job)) {
        parameters.setProperty(t.parameter(), Long.toString(tuningValue(t)));
      }
    }
    if (job.equals("contentExport")) {
      parameters.setProperty("partSize", Long.toString(exportPartSize()));
    }
    return parameters;
  }

  /** One tuning value of a job. */
  public long tuningValue(JobTuning tuning) {
    return number(tuning.setting(), tuning.min(), tuning.max());
  }

  /** The value of a setting, trimmed; null when unset or blank. */
  public String raw(Setting setting) {
    String value = lookup.apply(setting.name());
    return value == null || value.isBlank() ? null : value.trim();
  }

  private long number(Setting setting, long min, long max) {
    String value = raw(setting);
    if (value == null) {
      return Long.parseLong(setting.defaultValue());
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw invalid(setting, value);
  }

  private Path path(Setting setting, String fallback) {
    String value = raw(setting);
    try {
      return Path.of(value == null ? fallback : value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw invalid(setting, value);
    }
  }

  private static InvalidSettingException invalid(Setting setting, String value) {
    return new InvalidSettingException(
        setting.name()
            + " ("
            + setting.environmentName()
            + ") is '"
            + value
            + "': expected "
            + setting.form()
            + (setting.defaultValue() == null ? "" : "; unset, it is " + setting.defaultValue()));
  }

  private static String systemLookup(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
    }
    return value;
  }

  /** MicroProfile Config, kept apart so that its absence is only a missing lookup. */
  private static final class MicroProfile {
    private static volatile boolean absent;

    static UnaryOperator<String> lookup() {
      if (absent) {
        return null;
      }
      try {
        org.eclipse.microprofile.config.Config config =
            org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return name -> config.getOptionalValue(name, String.class).orElse(null);
      } catch (LinkageError | RuntimeException e) {
        // No MicroProfile Config runtime here (JBeret SE, unit tests): read the two sources
        // directly.
        absent = true;
        LOG.log(Level.FINE, "MicroProfile Config is not available; reading system properties", e);
        return null;
      }
    }
  }
}
