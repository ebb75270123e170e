package org.caseops.batch.index;

import org.caseops.domain.items.Item;

/**
 * What the index's processor hands its writer for one read item: its catalog entry; the earlier
 * version it replaces, when a hold preserved that version and it is kept as an item of its own
 * (null otherwise); and the id of a kept earlier version the item is again (its source holds those
 * bytes once more), whose separate entry goes (null otherwise).
 */
record CatalogEntry(Item item, Item keptVersion, String droppedVersionId) {}
