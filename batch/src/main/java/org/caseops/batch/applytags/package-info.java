/**
 * The applyTags job: puts tags on and takes tags off the review-set files a review-set query
 * matches.
 */
package org.caseops.batch.applytags;
