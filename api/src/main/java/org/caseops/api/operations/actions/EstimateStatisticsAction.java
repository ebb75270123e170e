package org.caseops.api.operations.actions;

import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.operations.OperationOptions;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.EstimateStatistics;
import org.caseops.domain.operations.TargetRole;

/**
 * {@code estimateStatistics} ({@code ediscoveryEstimateOperation}): counts what a search matches.
 * Target: the {@code search}; parameter: {@code statisticsOptions} (flags). Writes the estimate
 * (indexedItemCount, indexedItemsSize, unindexedItemCount, unindexedItemsSize as JSON numbers,
 * mailboxCount, siteCount, and caseops' preservedOnlyItemCount: how many of the hits are kept from
 * preserved copies only; null until the job has recorded them) and {@code statisticsOptions}.
 * Started by {@code POST .../searches/{id}/estimateStatistics} too.
 */
public final class EstimateStatisticsAction extends ActionDescriptor {
  public static final ActionEndpoint ON_SEARCH =
      ActionEndpoint.of(
          CaseAction.estimateStatistics,
          "searches/{searchId}/estimateStatistics",
          TargetRole.SEARCH);

  private static final List<String> ESTIMATE =
      List.of(
          "indexedItemCount",
          "indexedItemsSize",
          "unindexedItemCount",
          "unindexedItemsSize",
          "mailboxCount",
          "siteCount",
          "preservedOnlyItemCount");

  EstimateStatisticsAction() {
    super(CaseAction.estimateStatistics);
  }

  @Override
  public List<String> resultProperties() {
    return List.of(
        "indexedItemCount",
        "indexedItemsSize",
        "unindexedItemCount",
        "unindexedItemsSize",
        "mailboxCount",
        "siteCount",
        "preservedOnlyItemCount",
        "reportFileMetadata");
  }

  @Override
  public void readParameters(JsonBody body, boolean include, List<String> options) {
    Parameters.flags(
        body, OperationOptions.StatisticsOptions.class, "statisticsOptions", include, options);
  }

  @Override
  public List<String> parameters() {
    return List.of("statisticsOptions");
  }

  @Override
  public List<String> properties() {
    return List.of(
        "indexedItemCount",
        "indexedItemsSize",
        "unindexedItemCount",
        "unindexedItemsSize",
        "mailboxCount",
        "siteCount",
        "preservedOnlyItemCount",
        "statisticsOptions");
  }

  @Override
  public void write(JsonObjectBuilder json, CaseOperation operation, boolean include) {
    EstimateStatistics estimate = operation.getEstimate();
    if (estimate == null) {
      ESTIMATE.forEach(json::addNull);
    } else {
      json.add("indexedItemCount", estimate.getIndexedItemCount())
          .add("indexedItemsSize", estimate.getIndexedItemsSize())
          .add("unindexedItemCount", estimate.getUnindexedItemCount())
          .add("unindexedItemsSize", estimate.getUnindexedItemsSize())
          .add("mailboxCount", estimate.getMailboxCount())
          .add("siteCount", estimate.getSiteCount())
          .add("preservedOnlyItemCount", estimate.getPreservedOnlyItemCount());
    }
    Parameters.writeFlags(
        json,
        "statisticsOptions",
        OperationOptions.StatisticsOptions.class,
        operation.getTarget().getOptions(),
        include);
  }

  @Override
  public List<ActionEndpoint> endpoints() {
    return List.of(ON_SEARCH);
  }
}
