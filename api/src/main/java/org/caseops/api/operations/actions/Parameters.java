package org.caseops.api.operations.actions;

import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;
import org.caseops.api.odata.EvolvableEnums;
import org.caseops.api.odata.Flags;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.operations.OperationOptions;
import org.caseops.domain.support.EvolvableEnum;

/** Reading and writing the kinds of parameter actions share: flags enums and version members. */
final class Parameters {
  private Parameters() {}

  /**
   * Reads a flags property (member names joined by commas) and adds its members' names to {@code
   * into}.
   */
  static <E extends Enum<E> & EvolvableEnum> void flags(
      JsonBody body, Class<E> type, String name, boolean include, List<String> into) {
    String value = body.optionalFlags(name, 1000);
    for (E member : Flags.parse(type, name, value, include)) {
      into.add(member.wireName());
    }
  }

  /**
   * Checks a version property ({@code latest}, {@code recent10}, ...); caseops keeps one version,
   * so none is kept.
   */
  static void version(JsonBody body, String name, boolean include) {
    String value = body.optionalString(name, 64);
    if (value != null) {
      EvolvableEnums.parse(OperationOptions.Version.class, name, value.trim(), include);
    }
  }

  /**
   * Writes the members of {@code type} among the stored option names as Graph writes flags, or null
   * for none.
   */
  static <E extends Enum<E> & EvolvableEnum> void writeFlags(
      JsonObjectBuilder json, String name, Class<E> type, List<String> options, boolean include) {
    Set<E> members = Flags.members(type, options);
    if (members.isEmpty()) {
      json.addNull(name);
    } else {
      json.add(name, Flags.write(members, include, ""));
    }
  }
}
