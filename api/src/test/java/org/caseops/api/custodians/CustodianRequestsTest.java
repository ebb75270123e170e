package org.caseops.api.custodians;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.testing.Json;
import org.caseops.domain.custodians.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustodianRequestsTest {

  @Test
  void aCustodianNeedsAnEmail() {
    assertThat(CustodianRequests.parseCustodian(Json.object("{'email': ' AdeleV@contoso.com '}")))
        .isEqualTo(new CustodianRequests.NewCustodian("AdeleV@contoso.com", null));
    assertThatThrownBy(() -> CustodianRequests.parseCustodian(Json.object("{}")))
        .hasMessage("The property 'email' is required.");
    assertThatThrownBy(
            () ->
                CustodianRequests.parseCustodian(
                    Json.object("{'email': 'a@b.com', 'status': 'released'}")))
        .hasMessage("The property 'status' is read-only.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "a@b",
        "@contoso.com",
        "a@@contoso.com",
        "a b@contoso.com",
        "a@contoso..com",
        ".a@contoso.com",
        "a@-contoso.com",
        "ünï@contoso.com"
      })
  void malformedEmailsAreRefused(String email) {
    assertThatThrownBy(
            () -> CustodianRequests.parseCustodian(Json.object("{'email': '" + email + "'}")))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.invalidRequest))
        .hasMessageEndingWith("is not a valid email address.");
  }

  @Test
  void aTooLongLocalPartIsRefused() {
    assertThatThrownBy(() -> CustodianRequests.email("x".repeat(65) + "@contoso.com"))
        .hasMessageEndingWith("is not a valid email address.");
    assertThat(CustodianRequests.email("x".repeat(64) + "@contoso.com")).startsWith("xxx");
  }

  @Test
  void aUserSourceCoversTheMailbox() {
    assertThat(
            CustodianRequests.parseUserSource(
                Json.object(
                    "{'email': 'admin@contoso.com', 'includedSources': 'mailbox', 'displayName': 'Admin'}")))
        .isEqualTo(new CustodianRequests.NewSource(SourceKind.USER, "admin@contoso.com", "Admin"));
    assertThat(
            CustodianRequests.parseUserSource(Json.object("{'email': 'admin@contoso.com'}"))
                .address())
        .isEqualTo("admin@contoso.com");
  }

  @Test
  void aUserSourceCannotIncludeTheSite() {
    assertThatThrownBy(
            () ->
                CustodianRequests.parseUserSource(
                    Json.object(
                        "{'email': 'admin@contoso.com', 'includedSources': 'mailbox, site'}")))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.notSupported));
    assertThatThrownBy(
            () ->
                CustodianRequests.parseUserSource(
                    Json.object("{'email': 'admin@contoso.com', 'includedSources': 'onedrive'}")))
        .hasMessage(
            "'onedrive' is not a valid value of 'includedSources'. Valid values: mailbox, site.");
    assertThatThrownBy(
            () ->
                CustodianRequests.parseUserSource(
                    Json.object("{'email': 'admin@contoso.com', 'includedSources': 1}")))
        .hasMessage("The property 'includedSources' must be a string, not a number.");
  }

  @Test
  void aMailboxThatCannotBeAFolderIsRefused() {
    assertThatThrownBy(
            () -> CustodianRequests.parseUserSource(Json.object("{'email': 'a/b@contoso.com'}")))
        .hasMessageStartingWith("The email 'a/b@contoso.com' cannot name a mailbox folder");
  }

  @Test
  void aSiteSourceTakesItsUrlInAnyOfTheAcceptedForms() {
    String url = "https://contoso.sharepoint.com/sites/Retail";
    for (String body :
        new String[] {
          "{'site': {'webUrl': '" + url + "'}}",
          "{'site': {'@odata.type': '#microsoft.graph.site', 'webUrl': '" + url + "'}}",
          "{'site': '" + url + "'}",
          "{'site@odata.bind': '" + url + "'}",
          "{'webUrl': '" + url + "'}",
          "{'siteWebUrl': '" + url + "'}"
        }) {
      assertThat(CustodianRequests.parseSiteSource(Json.object(body)))
          .as(body)
          .isEqualTo(new CustodianRequests.NewSource(SourceKind.SITE, url, null));
    }
  }

  @Test
  void aSiteSourceNeedsExactlyOneUsableUrl() {
    assertThatThrownBy(() -> CustodianRequests.parseSiteSource(Json.object("{'displayName': 'x'}")))
        .hasMessageStartingWith("The site is required");
    assertThatThrownBy(
            () ->
                CustodianRequests.parseSiteSource(
                    Json.object("{'webUrl': 'https://a/x', 'site': {'webUrl': 'https://a/y'}}")))
        .hasMessageStartingWith("Give the site once");
    assertThatThrownBy(
            () ->
                CustodianRequests.parseSiteSource(Json.object("{'site': {'url': 'https://a/x'}}")))
        .hasMessage("The property 'site' must have a string 'webUrl'.");
    assertThatThrownBy(() -> CustodianRequests.parseSiteSource(Json.object("{'site': 5}")))
        .hasMessage("The property 'site' must be an object with a webUrl, not a number.");
    for (String bad :
        new String[] {
          "ftp://contoso.com/x", "contoso.com/sites/x", "https://contoso.com/sites/../etc"
        }) {
      assertThatThrownBy(
              () -> CustodianRequests.parseSiteSource(Json.object("{'webUrl': '" + bad + "'}")))
          .as(bad)
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
          .hasMessageStartingWith("The site URL '" + bad + "' is not usable");
    }
  }
}
