package org.caseops.api.operations.actions;

import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.operations.OperationOptions;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.TargetRole;

/**
 * {@code addToReviewSet} ({@code ediscoveryAddToReviewSetOperation}): copies a search's matches
 * into a review set. Targets: the {@code reviewSet} and the {@code search}; parameters: {@code
 * additionalDataOptions} and {@code itemsToInclude} (flags, written back on the operation), {@code
 * cloudAttachmentVersion} and {@code documentVersion} (checked, not kept). Started by {@code POST
 * .../reviewSets/{id}/addToReviewSet} too, with the search in the body.
 */
public final class AddToReviewSetAction extends ActionDescriptor {
  public static final ActionEndpoint ON_REVIEW_SET =
      ActionEndpoint.of(
          CaseAction.addToReviewSet,
          "reviewSets/{reviewSetId}/addToReviewSet",
          TargetRole.REVIEW_SET);

  AddToReviewSetAction() {
    super(CaseAction.addToReviewSet);
  }

  @Override
  public void readParameters(JsonBody body, boolean include, List<String> options) {
    Parameters.flags(
        body,
        OperationOptions.AdditionalDataOptions.class,
        "additionalDataOptions",
        include,
        options);
    Parameters.flags(
        body, OperationOptions.ItemsToInclude.class, "itemsToInclude", include, options);
    Parameters.version(body, "cloudAttachmentVersion", include);
    Parameters.version(body, "documentVersion", include);
  }

  @Override
  public List<String> parameters() {
    return List.of(
        "additionalDataOptions", "itemsToInclude", "cloudAttachmentVersion", "documentVersion");
  }

  @Override
  public List<String> properties() {
    return List.of("additionalDataOptions", "itemsToInclude");
  }

  @Override
  public void write(JsonObjectBuilder json, CaseOperation operation, boolean include) {
    List<String> options = operation.getTarget().getOptions();
    Parameters.writeFlags(
        json,
        "additionalDataOptions",
        OperationOptions.AdditionalDataOptions.class,
        options,
        include);
    Parameters.writeFlags(
        json, "itemsToInclude", OperationOptions.ItemsToInclude.class, options, include);
  }

  @Override
  public List<ActionEndpoint> endpoints() {
    return List.of(ON_REVIEW_SET);
  }
}
