package org.caseops.batch.pdf;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseops.batch.Outcome;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.PdfRendition;
import org.caseops.domain.reviewsets.PdfRenditionRepository;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetRepository;

/**
 * Sums a convertToPdf operation up from what is stored, so the result holds however often its work
 * was started: the files in scope whose current rendition it made, those whose rendition was
 * current already, and those left without a current rendition (they could not be rendered), which
 * make the operation partially succeed and are named with the reason (the first few, then how many
 * more). The reason is found by trying the named files once more ({@link
 * FileRenderer#whyNotRenderable}), so it holds however often the job was restarted.
 */
@Dependent
public class PdfSummary {
  /** Files named in the result before "and N more". */
  static final int NAMED = 5;

  private static final int PAGE = 1000;

  private final CaseOperationRepository operations;
  private final ReviewSetRepository reviewSets;
  private final PdfRenditionRepository renditions;
  private final PdfScope scope;
  private final FileRenderer renderer;

  @Inject
  public PdfSummary(
      CaseOperationRepository operations,
      ReviewSetRepository reviewSets,
      PdfRenditionRepository renditions,
      PdfScope scope,
      FileRenderer renderer) {
    this.operations = operations;
    this.reviewSets = reviewSets;
    this.renditions = renditions;
    this.scope = scope;
    this.renderer = renderer;
  }

  /**
   * How the operation ends.
   *
   * @throws IllegalArgumentException when the review set or its query is gone
   * @throws IOException when the review set's index cannot be read
   */
  public Outcome summarize(String operationId, String caseId) throws IOException {
    return summarize(
        operationId, caseId, FileRenderer.DEFAULT_MAX_ITEM_BYTES, FileRenderer.DEFAULT_TEXT_LIMIT);
  }

  /**
   * How the operation ends, the files that could not be rendered tried again with the job's limits.
   *
   * @throws IllegalArgumentException when the review set or its query is gone
   * @throws IOException when the review set's index cannot be read
   */
  public Outcome summarize(String operationId, String caseId, long maxBytes, int textLimit)
      throws IOException {
    OperationTarget target = operations.find(operationId).orElseThrow().getTarget();
    List<String> ids = scope.fileIds(caseId, target);
    long converted = 0;
    long current = 0;
    long replaced = 0;
    long failed = 0;
    List<String> named = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += PAGE) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + PAGE));
      Map<String, PdfRendition> found = renditions.findAll(part);
      for (String id : part) {
        ReviewSetItem file = reviewSets.findItem(target.getReviewSetId(), id).orElse(null);
        if (file == null) {
          continue;
        }
        PdfRendition r = found.get(id);
        if (r != null && r.isCurrentFor(file, PdfRenderer.VERSION)) {
          if (operationId.equals(r.getRenderedByOperationId())) {
            converted++;
            replaced += r.getReplacedCharacters();
          } else {
            current++;
          }
        } else {
          failed++;
          if (named.size() < NAMED) {
            String why =
                renderer
                    .whyNotRenderable(caseId, file, maxBytes, textLimit)
                    .orElse("it renders now: converting it again should work");
            named.add(nameOf(file) + " (" + why + ")");
          }
        }
      }
    }
    StringBuilder message =
        new StringBuilder(
            String.format(
                "Converted %d %s to PDF; %d %s current already.",
                converted,
                converted == 1 ? "file" : "files",
                current,
                current == 1 ? "was" : "were"));
    if (replaced > 0) {
      message.append(
          String.format(
              " %d %s no glyph in the font and %s as a replacement mark.",
              replaced,
              replaced == 1 ? "character had" : "characters had",
              replaced == 1 ? "shows" : "show"));
    }
    if (failed == 0) {
      return Outcome.succeeded(message.toString());
    }
    message.append(
        String.format(
            " %d %s could not be converted: %s",
            failed, failed == 1 ? "file" : "files", String.join(", ", named)));
    if (failed > named.size()) {
      message.append(" and ").append(failed - named.size()).append(" more");
    }
    message.append('.');
    return Outcome.partiallySucceeded(message.toString());
  }

  private static String nameOf(ReviewSetItem file) {
    String name = file.getName();
    if (name == null || name.isBlank()) {
      name = file.getSubject();
    }
    String shown = name == null || name.isBlank() ? file.getId() : name.strip();
    return "'" + (shown.length() <= 120 ? shown : shown.substring(0, 120) + "...") + "'";
  }
}
