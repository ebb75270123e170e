package org.caseops.api.operations.actions;

import java.util.List;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.TargetRole;

/**
 * {@code applyTags} ({@code ediscoveryTagOperation}): puts tags on and takes tags off the files a
 * review-set query matches. Targets: the {@code reviewSet}, the {@code query} (or {@code
 * reviewSetQuery}) and the tags ({@code tagsToAdd}, {@code tagsToRemove}); no other parameters or
 * properties. Started by {@code POST .../reviewSets/{id}/queries/{id}/applyTags} too, with the tags
 * in the body.
 */
public final class ApplyTagsAction extends ActionDescriptor {
  public static final ActionEndpoint ON_QUERY =
      ActionEndpoint.of(
          CaseAction.applyTags,
          "reviewSets/{reviewSetId}/queries/{queryId}/applyTags",
          TargetRole.REVIEW_SET,
          TargetRole.QUERY);

  ApplyTagsAction() {
    super(CaseAction.applyTags);
  }

  @Override
  public List<ActionEndpoint> endpoints() {
    return List.of(ON_QUERY);
  }
}
