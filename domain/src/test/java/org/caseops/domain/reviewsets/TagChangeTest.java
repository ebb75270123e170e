package org.caseops.domain.reviewsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagChangeTest {
  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
  private final ReviewTag privilege = tag("Privilege", ChildSelectability.One, null);
  private final ReviewTag privileged =
      tag("Privileged", ChildSelectability.Many, privilege.getId());
  private final ReviewTag notPrivileged =
      tag("Not privileged", ChildSelectability.Many, privilege.getId());
  private final ReviewTag partly =
      tag("Partly privileged", ChildSelectability.Many, privilege.getId());
  private final ReviewTag topics = tag("Topics", ChildSelectability.Many, null);
  private final ReviewTag budget = tag("Budget", ChildSelectability.Many, topics.getId());
  private final ReviewTag travel = tag("Travel", ChildSelectability.Many, topics.getId());
  private final ReviewTag hot = tag("Hot", ChildSelectability.Many, null);
  private final List<ReviewTag> all =
      List.of(privilege, privileged, notPrivileged, partly, topics, budget, travel, hot);

  @Test
  void addsAndRemovesAndKeepsTheRest() {
    TagChange change =
        TagChange.of(List.of(hot.getId(), budget.getId()), List.of(travel.getId()), all);

    assertThat(change.applyTo(Set.of(travel.getId(), privileged.getId())))
        .containsExactlyInAnyOrder(privileged.getId(), hot.getId(), budget.getId());
    assertThat(change.applyTo(Set.of(hot.getId())))
        .containsExactlyInAnyOrder(hot.getId(), budget.getId());
  }

  @Test
  void addingAChildOfAOneParentTakesItsSiblingsOff() {
    TagChange change = TagChange.of(List.of(notPrivileged.getId()), List.of(), all);

    assertThat(change.applyTo(Set.of(privileged.getId(), partly.getId(), budget.getId())))
        .containsExactlyInAnyOrder(notPrivileged.getId(), budget.getId());
  }

  @Test
  void childrenOfAManyParentLiveTogether() {
    TagChange change = TagChange.of(List.of(travel.getId()), List.of(), all);

    assertThat(change.applyTo(Set.of(budget.getId())))
        .containsExactlyInAnyOrder(budget.getId(), travel.getId());
  }

  @Test
  void removingATagAFileLacksChangesNothing() {
    TagChange change = TagChange.of(List.of(), List.of(hot.getId()), all);

    assertThat(change.applyTo(Set.of(budget.getId()))).containsExactly(budget.getId());
  }

  @Test
  void unknownTagsAndConflictsAreRefusedWithTheirNames() {
    assertThatThrownBy(() -> TagChange.of(List.of("gone"), List.of(), all))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gone");
    assertThatThrownBy(() -> TagChange.of(List.of(), List.of("gone-too"), all))
        .hasMessageContaining("gone-too");
    assertThatThrownBy(() -> TagChange.of(List.of(hot.getId()), List.of(hot.getId()), all))
        .hasMessageContaining("Hot");
    assertThatThrownBy(
            () -> TagChange.of(List.of(privileged.getId(), notPrivileged.getId()), List.of(), all))
        .hasMessageContaining("Privilege")
        .hasMessageContaining("one child");
  }

  private static ReviewTag tag(String name, ChildSelectability selectability, String parentId) {
    return ReviewTag.create("c", name, null, selectability, parentId, null, NOW);
  }
}
