package org.caseops.batch.index;

import java.util.concurrent.Future;
import org.caseops.batch.evidence.EvidenceItem;
import org.caseops.batch.extraction.Extraction;

/**
 * An item as the index job's reader hands it on: the evidence read, and its extraction when the
 * reader started it ahead ({@code null} when the item is unchanged, too large, or was not started
 * ahead).
 */
public record ReadItem(EvidenceItem evidence, Future<Extraction> extraction) {}
