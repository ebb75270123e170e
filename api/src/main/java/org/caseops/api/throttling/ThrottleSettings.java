package org.caseops.api.throttling;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.caseops.persistence.config.CaseopsConfig;

/**
 * The three limits, from the settings of {@link CaseopsConfig} (for instance {@code
 * caseops.throttle.submissions.per.case} and {@code CASEOPS_THROTTLE_SUBMISSIONS_PER_CASE}). A
 * limit is a number of requests per minute; its burst, the most requests accepted at once, is the
 * setting with {@code .burst} appended; without it, the default burst or the rate when that is
 * smaller. A rate of 0 switches the limit off. A value that is not a number of 0 or more stops the
 * start-up, naming the setting.
 */
public record ThrottleSettings(
    ThrottleLimit submissionsPerClient,
    ThrottleLimit submissionsPerCase,
    ThrottleLimit readsPerClient) {
  public static final String SUBMISSIONS_PER_CLIENT =
      CaseopsConfig.THROTTLE_SUBMISSIONS_PER_CLIENT.name();
  public static final String SUBMISSIONS_PER_CASE =
      CaseopsConfig.THROTTLE_SUBMISSIONS_PER_CASE.name();
  public static final String READS_PER_CLIENT = CaseopsConfig.THROTTLE_READS_PER_CLIENT.name();
  public static final String BURST_SUFFIX = ".burst";

  public static final ThrottleSettings DEFAULTS = from(CaseopsConfig.of(name -> null));

  /** The settings of this process. */
  public static ThrottleSettings fromEnvironment() {
    return from(CaseopsConfig.current());
  }

  /**
   * The settings from the given property and environment lookups (each returns null when a name is
   * not set), the property first.
   */
  public static ThrottleSettings from(
      UnaryOperator<String> properties, UnaryOperator<String> environment) {
    return from(
        CaseopsConfig.of(
            name -> {
              String value = properties.apply(name);
              return value == null || value.isBlank()
                  ? environment.apply(environmentName(name))
                  : value;
            }));
  }

  /** The settings of a configuration. */
  public static ThrottleSettings from(CaseopsConfig config) {
    return new ThrottleSettings(
        limit(
            config,
            CaseopsConfig.THROTTLE_SUBMISSIONS_PER_CLIENT,
            CaseopsConfig.THROTTLE_SUBMISSIONS_PER_CLIENT_BURST),
        limit(
            config,
            CaseopsConfig.THROTTLE_SUBMISSIONS_PER_CASE,
            CaseopsConfig.THROTTLE_SUBMISSIONS_PER_CASE_BURST),
        limit(
            config,
            CaseopsConfig.THROTTLE_READS_PER_CLIENT,
            CaseopsConfig.THROTTLE_READS_PER_CLIENT_BURST));
  }

  /** The environment variable that goes with a setting name. */
  public static String environmentName(String setting) {
    return setting.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private static ThrottleLimit limit(
      CaseopsConfig config, CaseopsConfig.Setting rate, CaseopsConfig.Setting burstSetting) {
    long perMinute = config.rate(rate);
    if (perMinute == 0) {
      return ThrottleLimit.OFF;
    }
    // Without its own burst, a limit takes the default burst, or its rate when that is smaller.
    long defaultBurst = Math.min(perMinute, Long.parseLong(burstSetting.defaultValue()));
    long burst = config.burst(burstSetting).orElse(defaultBurst);
    return ThrottleLimit.perMinute(perMinute, Math.max(1, burst));
  }
}
