package org.caseops.api.odata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.caseops.api.errors.ApiException;
import org.caseops.domain.support.EvolvableEnum;

/**
 * Graph flags enums on the wire: one string of comma-separated member names ({@code
 * "includeRefiners,includeQueryStats"}). Reading trims each name and applies the evolvable-enum
 * rule to each member ({@link EvolvableEnums#parse}); {@code none}, when the enum has it, stands
 * for the empty set. Writing lists the members in numeric order without spaces, masking later
 * members as {@code unknownFutureValue} unless the client asked for them.
 */
public final class Flags {
  private Flags() {}

  /** The members named in {@code value}; empty for an empty string. */
  public static <E extends Enum<E> & EvolvableEnum> EnumSet<E> parse(
      Class<E> type, String property, String value, boolean includeUnknownMembers) {
    EnumSet<E> members = EnumSet.noneOf(type);
    if (value == null || value.isBlank()) {
      return members;
    }
    for (String part : value.split(",", -1)) {
      String name = part.trim();
      if (name.isEmpty()) {
        throw ApiException.invalidRequest(
            "The value of '" + property + "' has an empty member name.");
      }
      E member = EvolvableEnums.parse(type, property, name, includeUnknownMembers);
      if (!member.wireName().equals("none")) {
        members.add(member);
      }
    }
    return members;
  }

  /**
   * The members' names in numeric order; {@code emptyName} (e.g. {@code none}, or "") when there
   * are none.
   */
  public static <E extends Enum<E> & EvolvableEnum> String write(
      Collection<E> members, boolean includeUnknownMembers, String emptyName) {
    if (members.isEmpty()) {
      return emptyName;
    }
    List<E> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparingInt(EvolvableEnum::value));
    return sorted.stream()
        .map(m -> m.wireName(includeUnknownMembers))
        .distinct()
        .collect(Collectors.joining(","));
  }

  /** Of the given member names, those that are members of {@code type}, as members. */
  public static <E extends Enum<E> & EvolvableEnum> EnumSet<E> members(
      Class<E> type, Collection<String> names) {
    EnumSet<E> members = EnumSet.noneOf(type);
    for (E member : type.getEnumConstants()) {
      if (names.contains(member.wireName())) {
        members.add(member);
      }
    }
    return members;
  }
}
