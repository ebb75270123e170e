package org.caseops.domain.reviewsets;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tags an applyTags operation puts on and takes off files, checked against the case's tags. On
 * a file, the tags to remove go first, then each tag to add goes on; a tag whose parent allows
 * {@link ChildSelectability#One} child takes that parent's other children off the file.
 */
public final class TagChange {
  private final Set<String> add;
  private final Set<String> remove;

  /** For each tag to add whose parent allows one child: the parent's other children. */
  private final Map<String, Set<String>> exclusiveSiblings;

  private TagChange(
      Set<String> add, Set<String> remove, Map<String, Set<String>> exclusiveSiblings) {
    this.add = add;
    this.remove = remove;
    this.exclusiveSiblings = exclusiveSiblings;
  }

  /**
   * The change of the given tag ids among the case's tags.
   *
   * @throws IllegalArgumentException naming the problem when a tag id is not a tag of the case, a
   *     tag is both added and removed, or two children of a parent that allows one child are added
   *     together
   */
  public static TagChange of(
      List<String> tagsToAdd, List<String> tagsToRemove, Collection<ReviewTag> caseTags) {
    Map<String, ReviewTag> tags =
        caseTags.stream().collect(Collectors.toMap(ReviewTag::getId, Function.identity()));
    Set<String> add = new LinkedHashSet<>(tagsToAdd);
    Set<String> remove = new LinkedHashSet<>(tagsToRemove);
    for (String id : union(add, remove)) {
      if (!tags.containsKey(id)) {
        throw new IllegalArgumentException("The tag " + id + " does not exist in the case.");
      }
    }
    for (String id : add) {
      if (remove.contains(id)) {
        throw new IllegalArgumentException(
            "The tag '"
                + tags.get(id).getDisplayName()
                + "' is both in tagsToAdd and in tagsToRemove.");
      }
    }
    Map<String, Set<String>> siblings = new HashMap<>();
    Map<String, String> chosenUnder = new HashMap<>();
    for (String id : add) {
      ReviewTag parent = tags.get(tags.get(id).getParentId());
      if (parent == null || parent.getChildSelectability() != ChildSelectability.One) {
        continue;
      }
      String earlier = chosenUnder.putIfAbsent(parent.getId(), id);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "The tags '"
                + tags.get(earlier).getDisplayName()
                + "' and '"
                + tags.get(id).getDisplayName()
                + "' cannot both be added: their parent '"
                + parent.getDisplayName()
                + "' allows one child on a file.");
      }
      Set<String> others = new LinkedHashSet<>();
      for (ReviewTag t : caseTags) {
        if (parent.getId().equals(t.getParentId()) && !t.getId().equals(id)) {
          others.add(t.getId());
        }
      }
      siblings.put(id, others);
    }
    return new TagChange(Set.copyOf(add), Set.copyOf(remove), siblings);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  /** The tags a file carrying {@code current} carries after the change. */
  public Set<String> applyTo(Set<String> current) {
    Set<String> result = new LinkedHashSet<>(current);
    result.removeAll(remove);
    for (String id : add) {
      result.removeAll(exclusiveSiblings.getOrDefault(id, Set.of()));
      result.add(id);
    }
    return result;
  }

  public Set<String> add() {
    return add;
  }

  public Set<String> remove() {
    return remove;
  }

  /** Whether the change does nothing to any file. */
  public boolean isEmpty() {
    return add.isEmpty() && remove.isEmpty();
  }
}
