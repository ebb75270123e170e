package org.caseops.api.odata;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Instant;
import org.caseops.api.testing.Json;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.ResultInfo;
import org.junit.jupiter.api.Test;

class GraphJsonTest {

  @Test
  void timestampsAreUtcWithZ() {
    assertThat(GraphJson.timestamp(Instant.parse("2022-05-23T16:51:31.987637Z")))
        .isEqualTo("2022-05-23T16:51:31.987637Z");
    assertThat(GraphJson.timestamp(Instant.parse("2022-05-23T16:51:31Z")))
        .isEqualTo("2022-05-23T16:51:31Z");
    assertThat(GraphJson.NO_DATE).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void identitySetsHaveUserAndApplication() {
    assertThat(GraphJson.identitySet(IdentitySet.user("u1", "Alice")))
        .isEqualTo(
            Json.object("{'user': {'id': 'u1', 'displayName': 'Alice'}, 'application': null}"));
    assertThat(GraphJson.identitySet(IdentitySet.application(null, "anonymous")))
        .isEqualTo(
            Json.object("{'user': null, 'application': {'id': null, 'displayName': 'anonymous'}}"));
    assertThat(GraphJson.identitySet(null)).isEqualTo(JsonValue.NULL);
    assertThat(GraphJson.identitySet(new IdentitySet(null, null, null, null)))
        .isEqualTo(JsonValue.NULL);
  }

  @Test
  void resultInfoIsNullUntilThereIsOne() {
    assertThat(GraphJson.resultInfo(null)).isEqualTo(JsonValue.NULL);
    assertThat(GraphJson.resultInfo(new ResultInfo(207, 0, "3 items unindexed")))
        .isEqualTo(Json.object("{'code': 207, 'message': '3 items unindexed', 'subcode': 0}"));
  }

  @Test
  void serviceRootBuildsContextsAndAbsoluteUrls() {
    ServiceRoot root = ServiceRoot.of(URI.create("http://localhost:8080/"), "v1.0");

    assertThat(root.url()).isEqualTo("http://localhost:8080/v1.0");
    assertThat(root.context(GraphPaths.entity(GraphPaths.operationsKey("c1"))))
        .isEqualTo(
            "http://localhost:8080/v1.0/$metadata#security/cases/ediscoveryCases('c1')/operations/$entity");
    assertThat(root.resolve(GraphPaths.operationPath("c1", "o1")))
        .isEqualTo(
            URI.create(
                "http://localhost:8080/v1.0/security/cases/ediscoveryCases/c1/operations/o1"));
    assertThat(ServiceRoot.of(URI.create("http://h/caseops/"), "beta").url())
        .isEqualTo("http://h/caseops/beta");
  }
}
