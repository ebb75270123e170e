package org.caseops.api.operations;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import org.caseops.api.odata.GraphJson;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.ItemFailure;
import org.caseops.domain.operations.OperationJobs;

/**
 * An operation's job as the batch runtime keeps it (a caseops addition): every execution of its job
 * instance (the first start and each restart), oldest first, with its status, exit status and
 * times, and each step execution with its batch metrics; and the items it could not process, with
 * their reasons: how many, the first page, and the link to the rest.
 */
public final class ExecutionJson {
  private ExecutionJson() {}

  /** The type of a failed item, for {@code $select} and the collection's errors. */
  public static final String FAILED_ITEM_TYPE = "caseops.failedItem";

  /** The properties of a failed item. */
  public static final List<String> FAILED_ITEM_PROPERTIES =
      List.of("step", "item", "reason", "recordedDateTime");

  /** An item the operation's job could not process, and why. */
  public static JsonObject failedItem(ItemFailure failure) {
    JsonObjectBuilder f =
        Json.createObjectBuilder()
            .add("step", failure.getStep())
            .add("item", failure.getItem())
            .add("reason", failure.getReason());
    GraphJson.addTimestamp(f, "recordedDateTime", failure.getRecordedDateTime());
    return f.build();
  }

  /**
   * The operation's job, with the number of items that failed, the first of them and, when there
   * are more, the link to the rest ({@code null} otherwise).
   */
  public static JsonObject write(
      String context,
      CaseOperation operation,
      List<OperationJobs.Run> runs,
      long failedItemCount,
      List<ItemFailure> firstFailedItems,
      String failedItemsLink) {
    JsonArrayBuilder executions = Json.createArrayBuilder();
    for (OperationJobs.Run run : runs) {
      JsonArrayBuilder steps = Json.createArrayBuilder();
      for (OperationJobs.Step step : run.steps()) {
        JsonObjectBuilder metrics = Json.createObjectBuilder();
        for (Map.Entry<String, Long> metric : step.metrics().entrySet()) {
          metrics.add(metric.getKey(), metric.getValue());
        }
        JsonObjectBuilder s =
            Json.createObjectBuilder()
                .add("stepExecutionId", step.stepExecutionId())
                .add("name", step.name());
        GraphJson.addString(s, "status", step.status() == null ? null : step.status().name());
        GraphJson.addString(s, "exitStatus", step.exitStatus());
        GraphJson.addTimestamp(s, "startDateTime", step.startTime());
        GraphJson.addTimestamp(s, "endDateTime", step.endTime());
        steps.add(s.add("metrics", metrics));
      }
      JsonObjectBuilder e = Json.createObjectBuilder().add("executionId", run.executionId());
      GraphJson.addString(e, "jobName", run.jobName());
      GraphJson.addString(e, "status", run.status() == null ? null : run.status().name());
      GraphJson.addString(e, "exitStatus", run.exitStatus());
      GraphJson.addTimestamp(e, "startDateTime", run.startTime());
      GraphJson.addTimestamp(e, "endDateTime", run.endTime());
      executions.add(e.add("steps", steps));
    }
    JsonArrayBuilder failed = Json.createArrayBuilder();
    firstFailedItems.forEach(f -> failed.add(failedItem(f)));
    JsonObjectBuilder job =
        Json.createObjectBuilder()
            .add("@odata.context", context)
            .add("operationId", operation.getId())
            .add("jobName", operation.getAction().jobName())
            .add("executions", executions)
            .add("failedItemCount", failedItemCount)
            .add("failedItems", failed);
    if (failedItemsLink != null) {
      job.add("failedItems@odata.nextLink", failedItemsLink);
    }
    return job.build();
  }
}
