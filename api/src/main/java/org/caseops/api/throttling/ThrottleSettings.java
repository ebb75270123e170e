package org.caseops.api.throttling;

import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The three limits, each read from a Java system property first, then from the environment variable
 * of the same name in upper case with dots as underscores (for instance {@code
 * caseops.throttle.submissions.per.case} and {@code CASEOPS_THROTTLE_SUBMISSIONS_PER_CASE}). A
 * limit is a number of requests per minute; its burst, the most requests accepted at once, is the
 * setting with {@code .burst} appended; without it, the default burst or the rate when that is
 * smaller. A rate of 0 switches the limit off. A value that is not a number of 0 or more is logged
 * and the default is used.
 */
public record ThrottleSettings(
    ThrottleLimit submissionsPerClient,
    ThrottleLimit submissionsPerCase,
    ThrottleLimit readsPerClient) {
  private static final Logger LOG = Logger.getLogger(ThrottleSettings.class.getName());

  public static final String SUBMISSIONS_PER_CLIENT = "caseops.throttle.submissions.per.client";
  public static final String SUBMISSIONS_PER_CASE = "caseops.throttle.submissions.per.case";
  public static final String READS_PER_CLIENT = "caseops.throttle.reads.per.client";
  public static final String BURST_SUFFIX = ".burst";

  public static final ThrottleSettings DEFAULTS =
      new ThrottleSettings(
          ThrottleLimit.perMinute(60, 20),
          ThrottleLimit.perMinute(30, 10),
          ThrottleLimit.perMinute(6000, 1000));

  /**
   * The settings of this process: system properties, then environment variables, then the defaults.
   */
  public static ThrottleSettings fromEnvironment() {
    return from(System::getProperty, System::getenv);
  }

  /**
   * The settings from the given property and environment lookups (each returns null when a name is
   * not set).
   */
  public static ThrottleSettings from(
      UnaryOperator<String> properties, UnaryOperator<String> environment) {
    return new ThrottleSettings(
        limit(SUBMISSIONS_PER_CLIENT, DEFAULTS.submissionsPerClient, properties, environment),
        limit(SUBMISSIONS_PER_CASE, DEFAULTS.submissionsPerCase, properties, environment),
        limit(READS_PER_CLIENT, DEFAULTS.readsPerClient, properties, environment));
  }

  /** The environment variable that goes with a setting name. */
  public static String environmentName(String setting) {
    return setting.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private static ThrottleLimit limit(
      String name,
      ThrottleLimit fallback,
      UnaryOperator<String> properties,
      UnaryOperator<String> environment) {
    long perMinute = number(name, fallback.perMinute(), properties, environment);
    if (perMinute == 0) {
      return ThrottleLimit.OFF;
    }
    // Without its own burst, a limit takes the default burst, or its rate when that is smaller.
    long defaultBurst = fallback.enabled() ? Math.min(perMinute, fallback.burst()) : perMinute;
    long burst = number(name + BURST_SUFFIX, defaultBurst, properties, environment);
    return ThrottleLimit.perMinute(perMinute, Math.max(1, burst));
  }

  private static long number(
      String name,
      long fallback,
      UnaryOperator<String> properties,
      UnaryOperator<String> environment) {
    String value = properties.apply(name);
    String source = name;
    if (value == null || value.isBlank()) {
      source = environmentName(name);
      value = environment.apply(source);
    }
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    LOG.warning(
        source + " must be a whole number of 0 or more, not '" + value + "'; using " + fallback);
    return fallback;
  }
}
