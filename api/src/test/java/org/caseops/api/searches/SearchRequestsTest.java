package org.caseops.api.searches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.testing.Json;
import org.caseops.domain.searches.DataSourceScopes;
import org.junit.jupiter.api.Test;

class SearchRequestsTest {
  @Test
  void aNewSearchTakesItsPropertiesAndBoundUrls() {
    SearchRequests.NewSearch s =
        SearchRequests.parseNew(
            Json.object(
                "{'displayName':'S','description':'d','contentQuery':'from:alice AND budget',"
                    + "'dataSourceScopes':'allCaseCustodians, allTenantMailboxes',"
                    + "'custodianSources@odata.bind':['u1'],'additionalSources@odata.bind':['u2','u3']}"),
            false);

    assertThat(s.displayName()).isEqualTo("S");
    assertThat(s.description()).isEqualTo("d");
    assertThat(s.contentQuery()).isEqualTo("from:alice AND budget");
    assertThat(s.scopes())
        .containsExactlyInAnyOrder(
            DataSourceScopes.allCaseCustodians, DataSourceScopes.allTenantMailboxes);
    assertThat(s.custodianSourceUrls()).containsExactly("u1");
    assertThat(s.additionalSourceUrls()).containsExactly("u2", "u3");
  }

  @Test
  void displayNameIsRequired() {
    assertThatThrownBy(() -> SearchRequests.parseNew(Json.object("{'contentQuery':'x'}"), false))
        .hasMessageContaining("'displayName' is required");
  }

  @Test
  void anInvalidQueryIsABadRequestThatGivesThePosition() {
    assertThatThrownBy(
            () ->
                SearchRequests.parseNew(
                    Json.object("{'displayName':'S','contentQuery':'budget AND ('}"), false))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo(ErrorCode.badRequest);
              assertThat(e.getMessage()).contains("contentQuery").contains("position");
            });
  }

  @Test
  void tagRestrictionsAreForReviewSetQueriesOnly() {
    assertThatThrownBy(
            () ->
                SearchRequests.parseNew(
                    Json.object("{'displayName':'S','contentQuery':'tag:hot'}"), false))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void scopesFollowTheEvolvableRule() {
    assertThatThrownBy(
            () ->
                SearchRequests.parseNew(
                    Json.object("{'displayName':'S','dataSourceScopes':'unknownFutureValue'}"),
                    false))
        .hasMessageContaining("unknownFutureValue");
    assertThatThrownBy(
            () ->
                SearchRequests.parseNew(
                    Json.object("{'displayName':'S','dataSourceScopes':'everything'}"), false))
        .hasMessageContaining("'everything' is not a valid value of 'dataSourceScopes'");
    assertThat(
            SearchRequests.parseNew(
                    Json.object("{'displayName':'S','dataSourceScopes':'none'}"), false)
                .scopes())
        .isEmpty();
  }

  @Test
  void unknownPropertiesAreRefusedAndNoncustodialSourcesAreRead() {
    assertThatThrownBy(
            () -> SearchRequests.parseNew(Json.object("{'displayName':'S','color':'red'}"), false))
        .hasMessageContaining("'color' does not exist");
    assertThat(
            SearchRequests.parseNew(
                    Json.object("{'displayName':'S','noncustodialSources@odata.bind':['x']}"),
                    false)
                .noncustodialSourceUrls())
        .containsExactly("x");
    assertThatThrownBy(
            () ->
                SearchRequests.parseNew(
                    Json.object("{'displayName':'S','custodianSources@odata.bind':'x'}"), false))
        .hasMessageContaining("must be an array");
  }

  @Test
  void changesLeaveOutWhatIsNotGiven() {
    SearchRequests.SearchChanges c =
        SearchRequests.parseChanges(Json.object("{'description':null}"), false);
    assertThat(c.displayName()).isNull();
    assertThat(c.descriptionGiven()).isTrue();
    assertThat(c.contentQuery()).isNull();
    assertThat(c.scopes()).isNull();

    SearchRequests.SearchChanges cleared =
        SearchRequests.parseChanges(
            Json.object("{'contentQuery':null,'dataSourceScopes':'none'}"), false);
    assertThat(cleared.contentQuery()).isEmpty();
    assertThat(cleared.scopes()).isEmpty();
  }
}
