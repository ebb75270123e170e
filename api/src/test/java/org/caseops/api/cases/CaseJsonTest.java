package org.caseops.api.cases;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Instant;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.testing.Fields;
import org.caseops.api.testing.Json;
import org.caseops.domain.cases.CaseStatus;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.identity.IdentitySet;
import org.junit.jupiter.api.Test;

class CaseJsonTest {
  private static final Instant CREATED = Instant.parse("2022-05-22T18:36:46.597Z");

  @Test
  void writesTheCaseAsGraphDoes() {
    EdiscoveryCase c =
        EdiscoveryCase.open(
            "CONTOSO LITIGATION-005",
            "",
            "324516",
            IdentitySet.application(null, "anonymous"),
            CREATED);

    JsonObject json =
        CaseJson.entity(ServiceRoot.of(URI.create("http://localhost:8080/"), "beta"), c, false);

    assertThat(json.keySet())
        .containsExactly(
            "@odata.context",
            "id",
            "displayName",
            "description",
            "externalId",
            "status",
            "createdDateTime",
            "lastModifiedDateTime",
            "closedDateTime",
            "createdBy",
            "lastModifiedBy",
            "closedBy");
    assertThat(json.getString("@odata.context"))
        .isEqualTo("http://localhost:8080/beta/$metadata#security/cases/ediscoveryCases/$entity");
    assertThat(json.getString("id")).isEqualTo(c.getId());
    assertThat(json.getString("displayName")).isEqualTo("CONTOSO LITIGATION-005");
    assertThat(json.getString("description")).isEmpty();
    assertThat(json.getString("externalId")).isEqualTo("324516");
    assertThat(json.getString("status")).isEqualTo("active");
    assertThat(json.getString("createdDateTime")).isEqualTo("2022-05-22T18:36:46.597Z");
    assertThat(json.getString("lastModifiedDateTime")).isEqualTo("2022-05-22T18:36:46.597Z");
    assertThat(json.get("closedDateTime")).isEqualTo(JsonValue.NULL);
    assertThat(json.get("createdBy"))
        .isEqualTo(
            Json.object("{'user': null, 'application': {'id': null, 'displayName': 'anonymous'}}"));
    assertThat(json.get("closedBy")).isEqualTo(JsonValue.NULL);
  }

  @Test
  void absentTextIsNullAndStatusesAreNames() {
    EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, IdentitySet.user("u", "U"), CREATED);
    Fields.set(c, "status", CaseStatus.closedWithError);

    JsonObject json = CaseJson.item(c, false);

    assertThat(json.containsKey("@odata.context")).isFalse();
    assertThat(json.get("description")).isEqualTo(JsonValue.NULL);
    assertThat(json.get("externalId")).isEqualTo(JsonValue.NULL);
    assertThat(json.getString("status")).isEqualTo("closedWithError");
  }
}
