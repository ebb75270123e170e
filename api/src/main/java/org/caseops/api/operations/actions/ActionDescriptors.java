package org.caseops.api.operations.actions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.domain.operations.CaseAction;

/**
 * The table of the actions caseops carries out, one descriptor each. An action that is not here
 * (none now: every caseAction but unknownFutureValue has one) is refused before anything is stored,
 * saying it has no job on this server.
 */
public final class ActionDescriptors {
  private static final Map<CaseAction, ActionDescriptor> TABLE = new EnumMap<>(CaseAction.class);

  static {
    for (ActionDescriptor descriptor :
        List.of(
            new IndexAction(),
            new EstimateStatisticsAction(),
            new AddToReviewSetAction(),
            new ApplyTagsAction(),
            new ConvertToPdfAction(),
            new HoldUpdateAction(),
            new ContentExportAction(),
            SearchExportAction.report(),
            SearchExportAction.result(),
            new HoldPolicySyncAction(),
            new PurgeDataAction())) {
      TABLE.put(descriptor.action(), descriptor);
    }
  }

  private ActionDescriptors() {}

  /** The descriptor of an action caseops carries out; empty for the others. */
  public static Optional<ActionDescriptor> find(CaseAction action) {
    return Optional.ofNullable(TABLE.get(action));
  }

  /** Every descriptor, in the order of the actions' numeric values. */
  public static Collection<ActionDescriptor> all() {
    return Collections.unmodifiableCollection(TABLE.values());
  }

  /**
   * The properties the derived types add to the base caseOperation, each once, in the order of the
   * actions.
   */
  public static List<String> derivedProperties() {
    List<String> names = new ArrayList<>();
    for (ActionDescriptor descriptor : TABLE.values()) {
      for (String name : descriptor.properties()) {
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
