package org.caseops.batch.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailAddressesTest {
  @Test
  void addressesAreTakenOutOfHeaderValues() {
    assertThat(
            MailAddresses.in(
                "\"Lee, Ann\" <Ann.Lee@Mail.Example.com>, bob@example.org; 'x' <o'neil@x.io>"))
        .containsExactly("ann.lee@mail.example.com", "bob@example.org", "neil@x.io");
    assertThat(MailAddresses.in("write to a.b@c.de. or <a.b@c.de>")).containsExactly("a.b@c.de");
    assertThat(MailAddresses.in("Undisclosed recipients:;")).isEmpty();
    assertThat(MailAddresses.in("@ a@ @b x@@y")).isEmpty();
    assertThat(MailAddresses.in(null)).isEmpty();
  }

  @Test
  void keysAreTheAddressItsLocalPartItsDomainAndItsParentDomains() {
    assertThat(MailAddresses.keys("Ann <ann@mail.eu.example.com>, root@localhost"))
        .containsExactly(
            "ann@mail.eu.example.com",
            "ann",
            "mail.eu.example.com",
            "eu.example.com",
            "example.com",
            "root@localhost",
            "root",
            "localhost");
  }
}
