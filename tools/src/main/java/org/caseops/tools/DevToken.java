package org.caseops.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.caseops.api.security.DevKeys;
import org.caseops.api.security.Permissions;
import org.caseops.persistence.config.CaseopsConfig;

/**
 * Prints a token signed with the development key of a data directory, for a server in development
 * mode (no issuer configured). Usage: {@code DevToken [--data-dir DIR] [--read-only] [--days N]
 * [--user NAME | --application NAME]}. The data directory defaults to {@code caseops.data.dir} /
 * {@code CASEOPS_DATA_DIR}, then {@code ./caseops-data}. {@code bin/token} runs it; the signing
 * itself is the server's ({@link DevKeys}).
 */
public final class DevToken {
  static final String USAGE =
      "usage: DevToken [--data-dir DIR] [--read-only] [--days N] [--user NAME | --application NAME]";

  private DevToken() {}

  public static void main(String[] args) throws Exception {
    int status = run(args, System::getProperty, System::getenv, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Prints one token to {@code out}, or a problem and the usage to {@code err}; answers the exit
   * status (2 for a usage error). {@code properties} and {@code environment} stand for the system
   * properties and the environment.
   */
  static int run(
      String[] args,
      UnaryOperator<String> properties,
      UnaryOperator<String> environment,
      PrintStream out,
      PrintStream err)
      throws IOException, GeneralSecurityException {
    Path dataDir = null;
    boolean readOnly = false;
    int days = 30;
    String user = DevKeys.DEFAULT_USER;
    String application = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--data-dir" -> dataDir = Path.of(value(args, ++i));
          case "--read-only" -> readOnly = true;
          case "--days" -> days = days(value(args, ++i));
          case "--user" -> user = value(args, ++i);
          case "--application" -> application = value(args, ++i);
          default -> throw new UsageException("unknown argument " + args[i]);
        }
      }
      if (days < 1 || days > 366) {
        throw new UsageException("--days must be from 1 to 366");
      }
    } catch (UsageException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (dataDir == null) {
      dataDir = configuredDataDir(properties, environment);
    }
    DevKeys keys = DevKeys.load(DevKeys.folder(dataDir.toAbsolutePath().normalize()));
    String permission = readOnly ? Permissions.READ : Permissions.READ_WRITE;
    Duration validity = Duration.ofDays(days);
    out.println(
        application == null
            ? keys.userToken(user, permission, validity)
            : keys.applicationToken(application, List.of(permission), validity));
    return 0;
  }

  /**
   * The server's data directory as it finds it: the system property, else the environment variable,
   * else default.
   */
  static Path configuredDataDir(
      UnaryOperator<String> properties, UnaryOperator<String> environment) {
    String configured = trimmed(properties.apply(CaseopsConfig.DATA_DIR.name()));
    if (configured == null) {
      configured = trimmed(environment.apply(CaseopsConfig.DATA_DIR.environmentName()));
    }
    return Path.of(configured == null ? "caseops-data" : configured);
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static int days(String text) throws UsageException {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new UsageException("--days must be from 1 to 366");
    }
  }

  private static String value(String[] args, int i) throws UsageException {
    if (i >= args.length) {
      throw new UsageException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  /** A command line that does not fit the usage. */
  private static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
