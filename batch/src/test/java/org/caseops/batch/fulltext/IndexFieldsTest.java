package org.caseops.batch.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.caseops.batch.extraction.Extraction;
import org.caseops.domain.items.Item;
import org.junit.jupiter.api.Test;

class IndexFieldsTest {
  private static Document message(String fileName) {
    Item item =
        Item.catalogued(
            "case-1", "source-1", "a.mbox#0", 10, "0".repeat(64), "op-1", Instant.EPOCH);
    Extraction extraction =
        new Extraction(
            true,
            null,
            "message/rfc822",
            "hello",
            false,
            null,
            "Hi",
            "\"Lee, Ann\" <Ann@Mail.Example.com>",
            "bob@example.org, bob@example.org",
            null,
            "eve@spy.example.net",
            Instant.EPOCH,
            null,
            0);
    return IndexFields.document(item, true, fileName, "eml", extraction);
  }

  private static String[] indexed(Document doc, String field) {
    return Arrays.stream(doc.getFields(field))
        .map(IndexableField::stringValue)
        .toArray(String[]::new);
  }

  @Test
  void addressFieldsHoldEveryKeyOfEveryAddressUnstored() {
    Document doc = message("q1_plan.eml");
    assertThat(indexed(doc, IndexFields.FROM_ADDRESS))
        .containsExactly("ann@mail.example.com", "ann", "mail.example.com", "example.com");
    assertThat(indexed(doc, IndexFields.TO_ADDRESS))
        .containsExactly("bob@example.org", "bob", "example.org");
    assertThat(indexed(doc, IndexFields.CC_ADDRESS)).isEmpty();
    assertThat(indexed(doc, IndexFields.BCC_ADDRESS))
        .containsExactly("eve@spy.example.net", "eve", "spy.example.net", "example.net");
    assertThat(indexed(doc, IndexFields.PARTICIPANTS_ADDRESS))
        .contains("ann", "example.com", "bob@example.org", "eve@spy.example.net")
        .doesNotHaveDuplicates();
    assertThat(doc.getField(IndexFields.FROM_ADDRESS).fieldType().stored()).isFalse();
    assertThat(doc.getField(IndexFields.BCC).fieldType().stored()).isFalse();
    assertThat(doc.getField(IndexFields.BCC).fieldType().tokenized()).isTrue();
  }

  @Test
  void theFileNameIsStoredAsItIsAndAlsoIndexedInParts() {
    Document doc = message("q1_plan.eml");
    assertThat(doc.get(IndexFields.FILENAME)).isEqualTo("q1_plan.eml");
    assertThat(indexed(doc, IndexFields.FILENAME)).containsExactly("q1_plan.eml", "q1 plan eml");
    assertThat(indexed(message("plan"), IndexFields.FILENAME)).containsExactly("plan");
  }
}
