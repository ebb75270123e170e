package org.caseops.api.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathNormalizerTest {
  private static final String CASE = "22aa2acd-7554-4330-9ba9-ce20014aaae4";
  private static final String OP = "850c2f64b1ee44a4a69729327aac2b04";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // key in parentheses, quoted, as in Graph's Location headers
        "v1.0/security/cases/ediscoverycases('"
            + CASE
            + "')/operations('"
            + OP
            + "')"
            + "|v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/operations/"
            + OP,
        // percent-encoded quotes and parentheses
        "v1.0/security/cases/ediscoveryCases%28%27"
            + CASE
            + "%27%29"
            + "|v1.0/security/cases/ediscoveryCases/"
            + CASE,
        // unquoted key and named key
        "beta/security/cases/ediscoveryCases("
            + CASE
            + ")/custodians(id='abc')/userSources"
            + "|beta/security/cases/ediscoveryCases/"
            + CASE
            + "/custodians/abc/userSources",
        // segments in any letter case
        "V1.0/Security/CASES/eDiscoverycases/"
            + CASE
            + "/OPERATIONS"
            + "|v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/operations",
        "HEALTH|health",
        // namespace-qualified actions, as Kiota SDKs call them, and known segments behind the
        // namespace
        "v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/searches/s1/microsoft.graph.security.estimateStatistics"
            + "|v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/searches/s1/estimateStatistics",
        "v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/custodians/Microsoft.Graph.Security.applyHold"
            + "|v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/custodians/applyHold",
        "v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/microsoft.graph.security.OPERATIONS"
            + "|v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/operations",
        // the namespace-qualified extension
        "v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/caseops.itemStatistics"
            + "|v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/itemStatistics",
        "v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/custodians/c/siteSources/s/ItemStatistics"
            + "|v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/custodians/c/siteSources/s/itemStatistics",
        // functions without parameters, short and namespace-qualified, with or without parentheses
        "v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/tags/microsoft.graph.security.asHierarchy()"
            + "|v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/tags/asHierarchy",
        "v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/tags/asHierarchy%28%29"
            + "|v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/tags/asHierarchy",
        "v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/Tags/ASHIERARCHY"
            + "|v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/tags/asHierarchy",
        // actions of review sets and queries
        "v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/reviewSets(r)/queries('q')/microsoft.graph.security.applyTags"
            + "|v1.0/security/cases/ediscoveryCases/"
            + CASE
            + "/reviewSets/r/queries/q/applyTags",
        // a trailing slash
        "v1.0/security/cases/ediscoveryCases/|v1.0/security/cases/ediscoveryCases",
      })
  void rewritesClientFormsToTheCanonicalPath(String given, String expected) {
    assertThat(PathNormalizer.normalize(given)).isEqualTo(expected);
    assertThat(PathNormalizer.normalize("/" + given)).isEqualTo("/" + expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v1.0/security/cases/ediscoveryCases/" + CASE,
        "v1.0/security/cases/ediscoveryCases()",
        "v1.0/security/cases/ediscoveryCases('a'b')",
        "v1.0/security/cases/ediscoveryCases(x=1)",
        "v1.0/unknownThing/Other",
        "/",
      })
  void leavesCanonicalAndUnrecognisedPathsAlone(String path) {
    assertThat(PathNormalizer.normalize(path)).isEqualTo(path);
  }

  @Test
  void doesNotTouchIdsThatLookLikeSegmentNames() {
    assertThat(PathNormalizer.normalize("v1.0/security/cases/ediscoveryCases/AbC-Def"))
        .isEqualTo("v1.0/security/cases/ediscoveryCases/AbC-Def");
  }

  @Test
  void rewriteKeepsTheQueryAndTheApplicationBasePath() {
    URI base = URI.create("http://localhost:8080/caseops/");
    URI request =
        URI.create(
            "http://localhost:8080/caseops/v1.0/security/cases/ediscoverycases('"
                + CASE
                + "')?$top=5&x=%20y");

    assertThat(PathNormalizer.rewrite(base, request))
        .contains(
            URI.create(
                "http://localhost:8080/caseops/v1.0/security/cases/ediscoveryCases/"
                    + CASE
                    + "?$top=5&x=%20y"));
  }

  @Test
  void rewriteIsEmptyWhenNothingChanges() {
    URI base = URI.create("http://localhost:8080/");
    assertThat(
            PathNormalizer.rewrite(
                base, URI.create("http://localhost:8080/v1.0/security/cases/ediscoveryCases")))
        .isEmpty();
    assertThat(PathNormalizer.rewrite(base, URI.create("http://localhost:8080/health"))).isEmpty();
  }
}
