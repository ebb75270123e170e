package org.caseops.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.caseops.api.security.DownloadGrants.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadGrantsTest {
  private static final String CASE = "6f1c8e0e-3b7a-4b43-9d35-0c4f0d2c7a11";
  private static final String FILE = "0123456789abcdef0123456789abcdef";
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  @TempDir Path dir;

  private DownloadGrants grants() throws Exception {
    return new DownloadGrants(DownloadGrants.loadOrCreateKey(dir), Duration.ofHours(24));
  }

  @Test
  void aGrantOpensItsFileUntilItExpires() throws Exception {
    DownloadGrants grants = grants();
    String grant = grants.issue(CASE, FILE, NOW);

    assertThat(grants.verify(CASE, FILE, grant, NOW)).isEqualTo(Verdict.VALID);
    assertThat(grants.verify(CASE, FILE, grant, NOW.plus(Duration.ofHours(23))))
        .isEqualTo(Verdict.VALID);
    assertThat(grants.verify(CASE, FILE, grant, NOW.plus(Duration.ofHours(24))))
        .isEqualTo(Verdict.EXPIRED);
  }

  @Test
  void anAlteredGrantOrOneForAnotherFileIsInvalid() throws Exception {
    DownloadGrants grants = grants();
    String grant = grants.issue(CASE, FILE, NOW);
    String expiry = grant.substring(0, grant.indexOf('.'));
    String later = (Long.parseLong(expiry) + 86_400) + grant.substring(grant.indexOf('.'));
    char last = grant.charAt(grant.length() - 1);
    String flipped = grant.substring(0, grant.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThat(grants.verify(CASE, FILE, later, NOW)).isEqualTo(Verdict.INVALID);
    assertThat(grants.verify(CASE, FILE, flipped, NOW)).isEqualTo(Verdict.INVALID);
    assertThat(grants.verify(CASE, "fedcba9876543210fedcba9876543210", grant, NOW))
        .isEqualTo(Verdict.INVALID);
    assertThat(grants.verify("another-case", FILE, grant, NOW)).isEqualTo(Verdict.INVALID);
    assertThat(grants.verify(CASE, FILE, "garbage", NOW)).isEqualTo(Verdict.INVALID);
    assertThat(grants.verify(CASE, FILE, null, NOW)).isEqualTo(Verdict.INVALID);
  }

  @Test
  void theKeyIsMadeOnceAndReadableByItsOwnerOnly() throws Exception {
    byte[] first = DownloadGrants.loadOrCreateKey(dir);
    byte[] again = DownloadGrants.loadOrCreateKey(dir);

    assertThat(again).isEqualTo(first).hasSize(32);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(DownloadGrants.KEY_FILE))))
        .isEqualTo("rw-------");
    String other = new DownloadGrants(new byte[32], Duration.ofHours(1)).issue(CASE, FILE, NOW);
    assertThat(grants().verify(CASE, FILE, other, NOW)).isEqualTo(Verdict.INVALID);
  }

  @Test
  void onlyTheDownloadPathIsOpenedByAGrant() {
    assertThat(
            DownloadGrantAuthority.downloadOf("v1.0/caseops/cases/" + CASE + "/downloads/" + FILE))
        .containsExactly(CASE, FILE);
    assertThat(
            DownloadGrantAuthority.downloadOf("/beta/caseops/cases/" + CASE + "/downloads/" + FILE))
        .containsExactly(CASE, FILE);
    assertThat(DownloadGrantAuthority.downloadOf("v1.0/security/cases/ediscoveryCases/" + CASE))
        .isNull();
    assertThat(
            DownloadGrantAuthority.downloadOf(
                "v1.0/caseops/cases/" + CASE + "/downloads/" + FILE + "/../../auditLog"))
        .isNull();
  }
}
