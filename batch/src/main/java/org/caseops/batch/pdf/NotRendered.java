package org.caseops.batch.pdf;

import org.caseops.domain.reviewsets.ReviewSetItem;

/** A review-set file the render step could not render, and why. */
public record NotRendered(ReviewSetItem file, String reason) {}
