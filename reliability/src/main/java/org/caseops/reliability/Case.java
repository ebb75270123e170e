package org.caseops.reliability;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;

/** A case of the server under test, made and driven through the public API. */
final class Case {
  final Api api;
  final String id;
  final String path;

  private Case(Api api, String id) {
    this.api = api;
    this.id = id;
    this.path = Api.CASES + "/" + id;
  }

  static Case of(Api api, String id) {
    return new Case(api, id);
  }

  static Case create(Api api, String name) {
    JsonObject c = api.post(Api.CASES, "{\"displayName\":" + Api.q(name) + "}");
    return new Case(api, c.getString("id"));
  }

  /** A custodian with the mailbox of {@code email} as its source; returns the custodian id. */
  String custodian(String email) {
    String cust =
        api.post(path + "/custodians", "{\"email\":" + Api.q(email) + "}").getString("id");
    api.post(
        path + "/custodians/" + cust + "/userSources",
        "{\"email\":" + Api.q(email) + ",\"includedSources\":\"mailbox\"}");
    return cust;
  }

  String search(String name, String query) {
    return api.post(
            path + "/searches",
            "{\"displayName\":"
                + Api.q(name)
                + ",\"contentQuery\":"
                + Api.q(query)
                + ",\"dataSourceScopes\":\"allCaseCustodians\"}")
        .getString("id");
  }

  String reviewSet(String name) {
    return api.post(path + "/reviewSets", "{\"displayName\":" + Api.q(name) + "}").getString("id");
  }

  String startIndex() {
    return api.start(path + "/operations", "{\"action\":\"index\"}");
  }

  String startAdd(String reviewSet, String search) {
    return api.start(
        path + "/reviewSets/" + reviewSet + "/addToReviewSet",
        "{\"search\":{\"id\":" + Api.q(search) + "}}");
  }

  String startEstimate(String search) {
    return api.start(path + "/searches/" + search + "/estimateStatistics", "{}");
  }

  /** Waits until the operation at {@code url} has ended; fails unless it succeeded. */
  JsonObject awaitSuccess(String url) {
    JsonObject op = await(url, Duration.ofMinutes(20));
    String status = op.getString("status");
    if (!status.equals("succeeded") && !status.equals("partiallySucceeded")) {
      throw new IllegalStateException(url + " ended " + status + ": " + op.get("resultInfo"));
    }
    return op;
  }

  JsonObject await(String url, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonObject op = api.get(url);
      if (Progress.TERMINAL.contains(op.getString("status"))) {
        return op;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(url + " has not ended after " + timeout + ": " + op);
      }
      Api.sleep(Duration.ofMillis(300));
    }
  }

  /** Sums a figure of itemStatistics over the case's sources. */
  long stat(String figure) {
    long sum = 0;
    JsonObject s = api.get(path + "/itemStatistics");
    for (var v : Api.arr(s, "value")) {
      sum += Api.num(v.asJsonObject(), figure);
    }
    return sum;
  }

  List<JsonObject> operations() {
    return api.all(path + "/operations");
  }

  List<JsonObject> files(String reviewSet) {
    return api.all(path + "/reviewSets/" + reviewSet + "/files?$top=1000");
  }
}
