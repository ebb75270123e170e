package org.caseops.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throttling through HTTP, on a server started with {@code caseops.throttle.submissions.per.case=3}
 * (see the {@code throttling-it} execution in the WAR's pom): the fourth submission to a case
 * within a minute is refused with 429, {@code Retry-After} and a Graph error, while other cases and
 * reads go on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThrottlingIT {
  private static final String CASES = "/v1.0/security/cases/ediscoveryCases";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL url;

  @Test
  void submissionsBeyondTheCaseLimitAreRefusedWithRetryAfter() {
    GraphClient api = new GraphClient(url);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String busy = createCase(api, "Busy " + tag);
    String quiet = createCase(api, "Quiet " + tag);

    for (int i = 1; i <= 3; i++) {
      GraphClient.Reply custodian =
          api.post(
              CASES + "/" + busy + "/custodians",
              "{\"email\":\"custodian" + i + "." + tag + "@contoso.com\"}");
      assertThat(custodian.status()).as(custodian.toString()).isEqualTo(201);
    }

    GraphClient.Reply refused =
        api.post(
            CASES + "/" + busy + "/operations",
            "{\"action\":\"index\"}",
            Map.of("client-request-id", "throttled-" + tag));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
    // 3 a minute: a token every 20 seconds.
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 20);
    JsonObject error = refused.json().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("activityLimitReached");
    assertThat(error.getString("message"))
        .contains("submissions to this case")
        .contains("3 a minute")
        .contains("Retry after " + refused.header("Retry-After") + " second");
    assertThat(refused.header("request-id")).isNotBlank();
    assertThat(error.getJsonObject("innerError").getString("request-id"))
        .isEqualTo(refused.header("request-id"));
    assertThat(refused.header("client-request-id")).isEqualTo("throttled-" + tag);
    assertThat(error.getJsonObject("innerError").getString("client-request-id"))
        .isEqualTo("throttled-" + tag);

    // The refused submission did nothing, and the other state-changing methods on the case are
    // refused as well.
    assertThat(api.patch(CASES + "/" + busy, "{\"description\":\"changed\"}").status())
        .isEqualTo(429);
    assertThat(api.delete(CASES + "/" + busy).status()).isEqualTo(429);
    // The case limit reaches the key forms of the path too, which name the same case.
    assertThat(
            api.post(
                    CASES + "('" + busy + "')/custodians",
                    "{\"email\":\"late." + tag + "@contoso.com\"}")
                .status())
        .isEqualTo(429);

    // Another case is still open to submissions.
    GraphClient.Reply other =
        api.post(CASES + "/" + quiet + "/operations", "{\"action\":\"index\"}");
    assertThat(other.status()).as(other.toString()).isEqualTo(201);

    // Reads are not throttled at these numbers.
    for (int i = 0; i < 60; i++) {
      GraphClient.Reply read = api.get(CASES + "/" + busy + "/operations");
      assertThat(read.status()).as(read.toString()).isEqualTo(200);
      assertThat(read.json().getJsonArray("value"))
          .as("the refused operation was never created")
          .isEmpty();
    }
    GraphClient.Reply custodians = api.get(CASES + "/" + busy + "/custodians");
    assertThat(custodians.json().getJsonArray("value")).hasSize(3);
    assertThat(api.get(CASES + "/" + busy).json().getString("description", ""))
        .isNotEqualTo("changed");

    // Health is never throttled.
    assertThat(api.get("/health").status()).isEqualTo(200);
  }

  private static String createCase(GraphClient api, String name) {
    GraphClient.Reply created = api.post(CASES, "{\"displayName\":\"" + name + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }
}
