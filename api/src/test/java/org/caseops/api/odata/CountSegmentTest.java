package org.caseops.api.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CountSegmentTest {

  @Test
  void theCountSegmentIsTakenOffThePathWithTheQueryKept() {
    assertThat(
            CountSegment.withoutCountSegment(
                URI.create(
                    "http://h:8080/v1.0/security/cases/ediscoveryCases/$count?$filter=status%20eq%20'active'")))
        .contains(
            URI.create(
                "http://h:8080/v1.0/security/cases/ediscoveryCases?$filter=status%20eq%20'active'"));
    assertThat(
            CountSegment.withoutCountSegment(
                URI.create("http://h/v1.0/caseops/operations/%24Count")))
        .contains(URI.create("http://h/v1.0/caseops/operations"));
  }

  @Test
  void otherPathsAreLeftAlone() {
    assertThat(CountSegment.withoutCountSegment(URI.create("http://h/v1.0/security/cases/x")))
        .isEmpty();
    assertThat(CountSegment.withoutCountSegment(URI.create("http://h/$count"))).isEmpty();
    assertThat(CountSegment.withoutCountSegment(URI.create("http://h/v1.0/a/$countx"))).isEmpty();
    assertThat(CountSegment.withoutCountSegment(URI.create("http://h/v1.0/$count/a"))).isEmpty();
  }

  @Test
  void theCountOfACollectionIsItsOdataCount() {
    assertThat(
            CountSegment.countOf(
                CollectionJson.of("ctx", 42, java.util.List.of(), null).toString()))
        .contains(42L);
    assertThat(CountSegment.countOf("{\"id\":\"x\",\"@odata.count\":3}")).isEmpty();
    assertThat(CountSegment.countOf("not json")).isEmpty();
    assertThat(CountSegment.countOf(null)).isEmpty();
  }
}
