/**
 * The addToReviewSet job: copies the items a search matches into a review set (content into the
 * case's content store, a file row per item) and their index documents into the review set's own
 * index.
 */
package org.caseops.batch.addtoreviewset;
