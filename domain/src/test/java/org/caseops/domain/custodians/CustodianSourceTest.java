package org.caseops.domain.custodians;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustodianSourceTest {
  @Test
  void mailboxReadsItsOwnFolderByLowerCaseEmail() {
    assertThat(CustodianSource.evidencePath(SourceKind.USER, " Adele.Vance@Contoso.com "))
        .containsExactly("mailboxes", "adele.vance@contoso.com");
  }

  @Test
  void siteReadsHostThenPathSegments() {
    assertThat(
            CustodianSource.evidencePath(
                SourceKind.SITE, "https://Contoso.sharepoint.com/sites/Legal/"))
        .containsExactly("sites", "contoso.sharepoint.com", "sites", "Legal");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://contoso.com/sites/../../etc",
        "https://contoso.com/sites/./x",
        "https://contoso.com/a%2F..%2F..%2Fb",
        "file:///etc/passwd",
        "ftp://contoso.com/x",
        "not a url",
        "/relative/path"
      })
  void siteAddressesThatCouldLeaveTheRootAreRefused(String url) {
    assertThatThrownBy(() -> CustodianSource.evidencePath(SourceKind.SITE, url))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "a/b@contoso.com", "a\\b@contoso.com", ""})
  void mailboxAddressesThatCouldLeaveTheRootAreRefused(String email) {
    assertThatThrownBy(() -> CustodianSource.evidencePath(SourceKind.USER, email))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
