package org.caseops.reliability;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Polls one operation as a client would, across kills and restarts (a poll that meets no server is
 * skipped), and keeps every status and {@code percentProgress} it saw, in order.
 */
final class Progress implements Runnable {
  static final Set<String> TERMINAL =
      Set.of("succeeded", "partiallySucceeded", "failed", "submissionFailed");

  /** One answer seen. */
  record Sample(long millis, String status, int percent) {}

  private final Api api;
  private final String url;
  private final List<Sample> samples = new ArrayList<>();
  private volatile boolean stop;
  private volatile int serverErrors;
  private volatile int startupErrors;
  private volatile long notBefore = 0;
  private volatile String lastServerError;
  private volatile int intervalMillis = 100;
  private Thread thread;

  Progress(Api api, String url) {
    this.api = api;
    this.url = url;
  }

  Progress start() {
    thread = new Thread(this, "poller");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  void interval(int millis) {
    intervalMillis = millis;
  }

  @Override
  public void run() {
    long t0 = System.currentTimeMillis();
    while (!stop) {
      try {
        Api.Answer a = api.sendOnce("GET", url, null);
        synchronized (statuses) {
          statuses.merge(a.status(), 1, Integer::sum);
        }
        if (a.status() >= 500) {
          if (System.currentTimeMillis() < notBefore) {
            startupErrors++; // the server was being killed or was starting again
          } else {
            serverErrors++;
            lastServerError =
                a.status() + " " + a.body().substring(0, Math.min(200, a.body().length()));
          }
        }
        if (a.status() == 200) {
          JsonObject o = a.json();
          add(
              new Sample(
                  System.currentTimeMillis() - t0,
                  o.getString("status"),
                  o.getInt("percentProgress", 0)));
        }
      } catch (IOException | RuntimeException e) {
        // no server at this moment: the poller keeps trying, as a client would
      }
      try {
        Thread.sleep(intervalMillis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private final java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();

  /** How many polls got each HTTP status. */
  java.util.Map<Integer, Integer> statuses() {
    synchronized (statuses) {
      return new java.util.TreeMap<>(statuses);
    }
  }

  private synchronized void add(Sample s) {
    samples.add(s);
  }

  synchronized Sample last() {
    return samples.isEmpty() ? null : samples.get(samples.size() - 1);
  }

  synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  /**
   * From now on a 5xx counts as a server error; before, while the server was down or starting
   * (before bin/run said it listened), it is counted apart.
   */
  void serverUp() {
    notBefore = System.currentTimeMillis();
  }

  /** The server is about to be killed: 5xx answers count apart until {@link #serverUp}. */
  void serverDown() {
    notBefore = Long.MAX_VALUE;
  }

  int startupErrors() {
    return startupErrors;
  }

  /** How many polls got a 5xx, with the last one, or null when none did. */
  String serverErrors() {
    return serverErrors == 0 ? null : serverErrors + " polls answered 5xx, e.g. " + lastServerError;
  }

  void stop() throws InterruptedException {
    stop = true;
    if (thread != null) {
      thread.interrupt();
      thread.join(5000);
    }
  }

  /** Where the percentage went back, or null when it never did. */
  static String regression(List<Sample> samples) {
    int max = -1;
    Sample at = null;
    for (Sample s : samples) {
      if (s.percent() < max) {
        return "percentProgress went back from "
            + max
            + " (at "
            + at.millis()
            + " ms) to "
            + s.percent()
            + " (at "
            + s.millis()
            + " ms, "
            + s.status()
            + ")";
      }
      if (s.percent() > max) {
        max = s.percent();
        at = s;
      }
    }
    return null;
  }

  /**
   * A status seen after a terminal one that is not terminal itself (an ended operation reopened).
   */
  static String reopened(List<Sample> samples) {
    String ended = null;
    for (Sample s : samples) {
      if (TERMINAL.contains(s.status())) {
        ended = s.status();
      } else if (ended != null) {
        return "status went from " + ended + " back to " + s.status() + " at " + s.millis() + " ms";
      }
    }
    return null;
  }

  static List<String> percents(List<Sample> samples) {
    List<String> out = new ArrayList<>();
    String last = null;
    for (Sample s : samples) {
      String k = s.status() + ":" + s.percent();
      if (!k.equals(last)) {
        out.add(k);
        last = k;
      }
    }
    return out;
  }
}
