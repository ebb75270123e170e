/**
 * Review sets of a case: their files and stored content, saved queries, and the addToReviewSet and
 * applyTags actions.
 */
package org.caseops.api.reviewsets;
