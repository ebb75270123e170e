package org.caseops.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The reliability programs, run by {@code reliability/run.sh}:
 *
 * <pre>
 * crash   [--db h2|postgresql|h2,postgresql] [--jobs index,...] [--kills N] [--seed S] [--short]
 *         [--target auto|progress|time]
 * dbdown  [--seed S] [--outage SECONDS] [--reset-first] [--fault outage|reset|lock] [--db-name NAME]
 * load    [--submissions N] [--pollers N] [--seconds S] [--runtime payara|wildfly|payara7]
 * </pre>
 */
public final class Main {
  private Main() {}

  /** The server's settings for the crash runs: no throttling, small export parts. */
  static Map<String, String> crashEnv() {
    return Map.of(
        "CASEOPS_THROTTLE_SUBMISSIONS_PER_CLIENT", "0",
        "CASEOPS_THROTTLE_SUBMISSIONS_PER_CASE", "0",
        "CASEOPS_THROTTLE_READS_PER_CLIENT", "0",
        "CASEOPS_EXPORT_PART_SIZE", "300000");
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
      return;
    }
    String command = args[0];
    Path repo = Path.of(System.getProperty("reliability.repo", ".")).toAbsolutePath().normalize();
    Path work =
        Path.of(
            System.getProperty("reliability.work", repo.resolve("reliability/work").toString()));
    List<String> dbs = List.of("h2", "postgresql");
    List<String> jobs = new ArrayList<>(Jobs.all().keySet());
    int kills = 3;
    long seed = 13;
    boolean quick = false;
    int submissions = 1000;
    int pollers = 100;
    int seconds = 60;
    int outage = 20;
    String runtime = "payara";
    String dbName = null;
    boolean resetFirst = false;
    String target = "auto";
    String fault = "outage";
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--db" -> dbs = Arrays.asList(args[++i].split(","));
        case "--jobs" -> jobs = Arrays.asList(args[++i].split(","));
        case "--kills" -> kills = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--submissions" -> submissions = Integer.parseInt(args[++i]);
        case "--pollers" -> pollers = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--outage" -> outage = Integer.parseInt(args[++i]);
        case "--runtime" -> runtime = args[++i];
        case "--db-name" -> dbName = args[++i];
        case "--reset-first" -> resetFirst = true;
        case "--target" -> target = args[++i];
        case "--fault" -> fault = args[++i];
        case "--short" -> {
          quick = true;
          dbs = List.of("h2");
          jobs = List.of("index", "contentExport");
          kills = 1;
        }
        case "--quick" -> quick = true;
        default -> {
          usage();
          throw new IllegalArgumentException("unknown argument " + a);
        }
      }
    }
    Files.createDirectories(work);
    switch (command) {
      case "crash" -> {
        CrashSuite suite = new CrashSuite(repo, work, seed, kills, quick, target);
        if (dbName != null) {
          suite.databaseName(dbName);
        }
        suite.run(dbs, jobs);
        System.out.println();
        System.out.println(suite.summary());
        System.out.println("every kill: " + suite.report());
        boolean ok = suite.trials().stream().allMatch(t -> t.problems().isEmpty());
        System.out.println(ok ? "crash suite: every result exact" : "crash suite: PROBLEMS FOUND");
        System.exit(ok ? 0 : 1);
      }
      case "dbdown" -> {
        boolean ok =
            new DatabaseOutage(
                    repo,
                    work,
                    seed,
                    outage,
                    dbName == null ? "caseops_rel_crash_dbdown" : dbName,
                    resetFirst ? "reset" : fault)
                .run();
        System.exit(ok ? 0 : 1);
      }
      case "load" -> {
        boolean ok = new Load(repo, work, submissions, pollers, seconds, runtime).run();
        System.exit(ok ? 0 : 1);
      }
      default -> {
        usage();
        System.exit(2);
      }
    }
  }

  private static void usage() {
    System.out.println(
        """
        usage: reliability/run.sh crash [--db h2,postgresql] [--jobs index,...] [--kills N] [--seed S] [--quick] [--short]
                                        [--target auto|progress|time]
               reliability/run.sh dbdown [--seed S] [--outage SECONDS] [--reset-first] [--fault outage|reset|lock] [--db-name NAME]
               reliability/run.sh load [--submissions N] [--pollers N] [--seconds S] [--runtime payara|wildfly|payara7]
        jobs: """
            + String.join(",", Jobs.all().keySet())
            + " (the default list); opt-in, only when --jobs names it: "
            + String.join(",", Jobs.optIn().keySet()));
  }
}
