package org.caseops.api.operations.actions;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.TargetRole;

/**
 * An action endpoint: the path below the case that starts an action (e.g. {@code
 * searches/{searchId}/estimateStatistics}, also reachable with the action's namespace-qualified
 * name as last segment) and the parts of the target its URL names, so that its body carries only
 * the rest.
 */
public record ActionEndpoint(CaseAction action, String path, Set<TargetRole> fromUrl) {
  public ActionEndpoint {
    Objects.requireNonNull(action);
    Objects.requireNonNull(path);
    fromUrl =
        Set.copyOf(fromUrl.isEmpty() ? EnumSet.noneOf(TargetRole.class) : EnumSet.copyOf(fromUrl));
  }

  public static ActionEndpoint of(CaseAction action, String path, TargetRole... fromUrl) {
    return new ActionEndpoint(action, path, Set.of(fromUrl));
  }

  /**
   * The endpoint's path with its last segment namespace-qualified (the Graph action's name, e.g.
   * {@code export} for contentExport).
   */
  public String qualifiedPath() {
    int last = path.lastIndexOf('/') + 1;
    return path.substring(0, last) + CaseAction.NAMESPACE + path.substring(last);
  }
}
