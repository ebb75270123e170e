package org.caseops.api.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.api.testing.GraphErrors.assertThatRefusedBy;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import org.caseops.api.errors.ApiException;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.testing.InMemoryCases;
import org.caseops.api.testing.InMemoryCustodians;
import org.caseops.api.testing.InMemoryHolds;
import org.caseops.api.testing.InMemoryItems;
import org.caseops.api.testing.InMemoryOperations;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.items.SourceItemStats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ItemStatisticsTest {
  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
  private static final ServiceRoot ROOT =
      ServiceRoot.of(URI.create("http://localhost:8080/"), "v1.0");

  private final InMemoryCases cases = new InMemoryCases();
  private final InMemoryCustodians custodians = new InMemoryCustodians();
  private final InMemoryItems items = new InMemoryItems();
  private final InMemoryHolds holds = new InMemoryHolds();
  private ItemStatisticsService service;
  private EdiscoveryCase c;
  private Custodian adele;
  private CustodianSource mailbox;
  private CustodianSource site;

  @BeforeEach
  void setUp() {
    service =
        new ItemStatisticsService(
            new Lookups(cases, custodians, new InMemoryOperations()), custodians, items, holds);
    c = EdiscoveryCase.open("Case", null, null, null, NOW);
    cases.add(c);
    adele = Custodian.add(c.getId(), "adele@contoso.com", null, NOW);
    custodians.add(adele);
    mailbox =
        CustodianSource.mailbox(c.getId(), adele.getId(), "adele@contoso.com", "Adele", null, NOW);
    site =
        CustodianSource.site(
            c.getId(), adele.getId(), "https://contoso.sharepoint.com/sites/x", null, null, NOW);
    custodians.addSource(mailbox);
    custodians.addSource(site);
    items.stats.add(new SourceItemStats(mailbox.getId(), 1400, 32_000_000L, 3, 12_345));
  }

  @Test
  void aSourceReportsItsCatalogFigures() {
    JsonObject json =
        ItemStatisticsJson.entity(
            ROOT, service.ofSource(c.getId(), adele.getId(), SourceKind.USER, mailbox.getId()));

    assertThat(json.getString("@odata.context"))
        .isEqualTo("http://localhost:8080/v1.0/$metadata#caseops.sourceItemStatistics");
    assertThat(json.getString("sourceId")).isEqualTo(mailbox.getId());
    assertThat(json.getString("custodianId")).isEqualTo(adele.getId());
    assertThat(json.getString("sourceType")).isEqualTo("userSource");
    assertThat(json.getString("displayName")).isEqualTo("Adele");
    assertThat(json.getJsonNumber("indexedItemCount").longValue()).isEqualTo(1400);
    assertThat(json.getJsonNumber("indexedItemsSize").longValue()).isEqualTo(32_000_000L);
    assertThat(json.getJsonNumber("unindexedItemCount").longValue()).isEqualTo(3);
    assertThat(json.getJsonNumber("unindexedItemsSize").longValue()).isEqualTo(12_345);
  }

  @Test
  void aSourceReportsWhatHoldsPreserveOfItAndWhatOnlyTheyStillHave() {
    holds.preserved.put(mailbox.getId(), 1403L);
    holds.preservedOnly.put(mailbox.getId(), 2L);

    JsonObject json =
        ItemStatisticsJson.entity(
            ROOT, service.ofSource(c.getId(), adele.getId(), SourceKind.USER, mailbox.getId()));
    JsonObject unheld =
        ItemStatisticsJson.collection(ROOT, service.ofCase(c.getId()))
            .getJsonArray("value")
            .getJsonObject(1);

    assertThat(json.getJsonNumber("preservedItemCount").longValue()).isEqualTo(1403);
    assertThat(json.getJsonNumber("preservedOnlyItemCount").longValue()).isEqualTo(2);
    assertThat(unheld.getInt("preservedItemCount")).isZero();
    assertThat(unheld.getInt("preservedOnlyItemCount")).isZero();
  }

  @Test
  void aSourceWithoutItemsReportsZeros() {
    JsonObject json =
        ItemStatisticsJson.entity(
            ROOT, service.ofSource(c.getId(), adele.getId(), SourceKind.SITE, site.getId()));

    assertThat(json.getString("sourceType")).isEqualTo("siteSource");
    assertThat(json.getInt("indexedItemCount")).isZero();
    assertThat(json.getInt("unindexedItemsSize")).isZero();
  }

  @Test
  void theCaseListsEverySourceInOrder() {
    JsonObject json = ItemStatisticsJson.collection(ROOT, service.ofCase(c.getId()));

    assertThat(json.getString("@odata.context"))
        .isEqualTo("http://localhost:8080/v1.0/$metadata#Collection(caseops.sourceItemStatistics)");
    assertThat(json.getInt("@odata.count")).isEqualTo(2);
    assertThat(json.getJsonArray("value").getJsonObject(0).getString("sourceId"))
        .isEqualTo(mailbox.getId());
    assertThat(json.getJsonArray("value").getJsonObject(0).getInt("indexedItemCount"))
        .isEqualTo(1400);
    assertThat(json.getJsonArray("value").getJsonObject(1).getString("sourceId"))
        .isEqualTo(site.getId());
    assertThat(json.getJsonArray("value").getJsonObject(1).getInt("indexedItemCount")).isZero();
  }

  @Test
  void anUnknownCaseOrSourceIsNotFound() {
    String missing = "00000000-0000-0000-0000-000000000001";
    assertThatRefusedBy(() -> service.ofCase(missing))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatRefusedBy(
            () -> service.ofSource(c.getId(), adele.getId(), SourceKind.USER, site.getId()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(items.statsCalls).isEmpty();
  }
}
