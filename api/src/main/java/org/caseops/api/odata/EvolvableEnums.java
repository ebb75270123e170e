package org.caseops.api.odata;

import java.util.ArrayList;
import java.util.List;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.GraphError;
import org.caseops.domain.support.EvolvableEnum;

/**
 * Reading evolvable enum members from requests (writing is {@link
 * EvolvableEnum#wireName(boolean)}). A client may send a member after {@code unknownFutureValue}
 * only with {@code Prefer: include-unknown-enum-members}, and never the sentinel itself.
 */
public final class EvolvableEnums {
  private EvolvableEnums() {}

  /**
   * The member named {@code value} (names are case-sensitive, as in OData).
   *
   * @throws ApiException 400 {@code invalidRequest} for an unknown name, for {@code
   *     unknownFutureValue}, and for a later member when the client did not ask for them
   */
  public static <E extends Enum<E> & EvolvableEnum> E parse(
      Class<E> type, String property, String value, boolean includeUnknownMembers) {
    for (E member : type.getEnumConstants()) {
      if (!member.wireName().equals(value)) {
        continue;
      }
      if (member.isSentinel()) {
        throw ApiException.invalidRequest(
            "'"
                + value
                + "' is not a valid value of '"
                + property
                + "': it stands for values a client does not know.");
      }
      if (member.isAfterSentinel() && !includeUnknownMembers) {
        throw ApiException.invalidRequest(
            "'"
                + value
                + "' is a value of '"
                + property
                + "' that a client may only send with the request header 'Prefer: "
                + Preferences.INCLUDE_UNKNOWN_ENUM_MEMBERS
                + "'.");
      }
      return member;
    }
    throw ApiException.invalidRequest(
        "'"
            + GraphError.clip(value)
            + "' is not a valid value of '"
            + property
            + "'. Valid values: "
            + String.join(", ", acceptedNames(type, includeUnknownMembers))
            + ".");
  }

  /** The names a client may send: the known members, plus the later ones when it asked for them. */
  public static <E extends Enum<E> & EvolvableEnum> List<String> acceptedNames(
      Class<E> type, boolean includeUnknownMembers) {
    List<String> names = new ArrayList<>();
    for (E member : type.getEnumConstants()) {
      if (!member.isSentinel() && (includeUnknownMembers || !member.isAfterSentinel())) {
        names.add(member.wireName());
      }
    }
    return names;
  }
}
