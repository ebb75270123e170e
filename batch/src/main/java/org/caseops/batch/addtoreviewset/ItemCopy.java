package org.caseops.batch.addtoreviewset;

import org.caseops.batch.evidence.SourceFolder;
import org.caseops.domain.items.Item;
import org.caseops.domain.reviewsets.ReviewSetItem;

/**
 * An item on its way into the review set: its catalog entry, the folder of its source, and its
 * review-set file.
 */
record ItemCopy(Item item, SourceFolder folder, ReviewSetItem file) {}
