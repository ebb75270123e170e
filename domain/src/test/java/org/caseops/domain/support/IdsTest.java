package org.caseops.domain.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseops.domain.items.Item;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void anItemAtTheSameLocationAlwaysHasTheSameId() {
    String a = Item.idFor("source-1", "archive/2025.mbox#1024");
    assertThat(a)
        .matches("[0-9a-f]{32}")
        .isEqualTo(Item.idFor("source-1", "archive/2025.mbox#1024"));
    assertThat(a).isNotEqualTo(Item.idFor("source-2", "archive/2025.mbox#1024"));
    assertThat(a).isNotEqualTo(Item.idFor("source-1", "archive/2025.mbox#1025"));
  }

  @Test
  void partsAreSeparatedSoTheyCannotBeShiftedIntoEachOther() {
    assertThat(Ids.stableHex32("ab", "c")).isNotEqualTo(Ids.stableHex32("a", "bc"));
  }

  @Test
  void newIdsHaveGraphShapes() {
    assertThat(Ids.newGuid())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(Ids.newHex32()).matches("[0-9a-f]{32}");
  }
}
