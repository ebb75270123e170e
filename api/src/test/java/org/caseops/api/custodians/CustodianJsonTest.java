package org.caseops.api.custodians;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Instant;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.identity.IdentitySet;
import org.junit.jupiter.api.Test;

class CustodianJsonTest {
  private static final ServiceRoot ROOT =
      ServiceRoot.of(URI.create("http://localhost:8080/"), "v1.0");
  private static final Instant NOW = Instant.parse("2022-05-23T00:58:19.070242Z");
  private static final String CASE = "4c8f8f70-7785-4bd4-b296-c98376a2c5e1";

  @Test
  void aCustodianLooksLikeGraphs() {
    Custodian c = Custodian.add(CASE, "AdeleV@contoso.com", "Adele Vance", NOW);

    JsonObject json = CustodianJson.entity(ROOT, c);

    assertThat(json.getString("@odata.context"))
        .isEqualTo(
            "http://localhost:8080/v1.0/$metadata#security/cases/ediscoveryCases('"
                + CASE
                + "')/custodians/$entity");
    assertThat(json.getString("id")).isEqualTo(c.getId());
    assertThat(json.getString("displayName")).isEqualTo("Adele Vance");
    assertThat(json.getString("email")).isEqualTo("AdeleV@contoso.com");
    assertThat(json.getString("status")).isEqualTo("active");
    assertThat(json.getString("holdStatus")).isEqualTo("notApplied");
    assertThat(json.getString("createdDateTime")).isEqualTo("2022-05-23T00:58:19.070242Z");
    assertThat(json.get("releasedDateTime")).isEqualTo(JsonValue.NULL);
    assertThat(json.getString("acknowledgedDateTime")).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void sourcesCarryTheirOdataType() {
    IdentitySet by = IdentitySet.user("u1", "Alice");
    CustodianSource mailbox =
        CustodianSource.mailbox(CASE, "c1", "admin@contoso.com", null, by, NOW);
    CustodianSource site =
        CustodianSource.site(
            CASE, "c1", "https://contoso.sharepoint.com/sites/Retail", "Retail", by, NOW);

    JsonObject user = SourceJson.entity(ROOT, mailbox);
    JsonObject siteJson = SourceJson.item(site);

    assertThat(user.getString("@odata.context"))
        .isEqualTo(
            "http://localhost:8080/v1.0/$metadata#security/cases/ediscoveryCases('"
                + CASE
                + "')/custodians('c1')/userSources/$entity");
    assertThat(user.getString("@odata.type")).isEqualTo("#microsoft.graph.security.userSource");
    assertThat(user.getString("email")).isEqualTo("admin@contoso.com");
    assertThat(user.getString("displayName")).isEqualTo("admin@contoso.com");
    assertThat(user.getString("includedSources")).isEqualTo("mailbox");
    assertThat(user.get("siteWebUrl")).isEqualTo(JsonValue.NULL);
    assertThat(user.getString("holdStatus")).isEqualTo("notApplied");
    assertThat(user.getJsonObject("createdBy").getJsonObject("user").getString("displayName"))
        .isEqualTo("Alice");
    assertThat(user.keySet()).containsAll(SourceJson.USER_PROPERTIES);

    assertThat(siteJson.getString("@odata.type")).isEqualTo("#microsoft.graph.security.siteSource");
    assertThat(siteJson.getString("siteWebUrl"))
        .isEqualTo("https://contoso.sharepoint.com/sites/Retail");
    assertThat(siteJson.containsKey("email")).isFalse();
    assertThat(siteJson.keySet()).containsAll(SourceJson.SITE_PROPERTIES);
    assertThat(SourceJson.site(ROOT, site).getString("webUrl"))
        .isEqualTo("https://contoso.sharepoint.com/sites/Retail");
  }
}
