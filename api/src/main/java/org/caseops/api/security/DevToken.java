package org.caseops.api.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Prints a token signed with the development key of a data directory, for a server in development mode (no issuer
 * configured). Usage: {@code DevToken [--data-dir DIR] [--read-only] [--days N] [--user NAME | --application NAME]}.
 * The data directory defaults to {@code caseops.data.dir} / {@code CASEOPS_DATA_DIR}, then {@code ./caseops-data}.
 */
public final class DevToken {
  private DevToken() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = null;
    boolean readOnly = false;
    int days = 30;
    String user = DevKeys.DEFAULT_USER;
    String application = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data-dir" -> dataDir = Path.of(value(args, ++i));
        case "--read-only" -> readOnly = true;
        case "--days" -> days = Integer.parseInt(value(args, ++i));
        case "--user" -> user = value(args, ++i);
        case "--application" -> application = value(args, ++i);
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (days < 1 || days > 366) {
      usage("--days must be from 1 to 366");
    }
    if (dataDir == null) {
      String configured = AuthSettings.setting(AuthSettings.DATA_DIR, System::getProperty, System::getenv);
      dataDir = Path.of(configured == null ? "caseops-data" : configured);
    }
    DevKeys keys = DevKeys.load(DevKeys.folder(dataDir.toAbsolutePath().normalize()));
    String permission = readOnly ? Permissions.READ : Permissions.READ_WRITE;
    Duration validity = Duration.ofDays(days);
    System.out.println(
        application == null
            ? keys.userToken(user, permission, validity)
            : keys.applicationToken(application, List.of(permission), validity));
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println(
        "usage: DevToken [--data-dir DIR] [--read-only] [--days N] [--user NAME | --application NAME]");
    System.exit(2);
  }
}
