/**
 * Review sets: the case's own copies of items chosen for review, the saved queries over them, and
 * the review tags applied to them.
 */
package org.caseops.domain.reviewsets;
