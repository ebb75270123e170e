/**
 * The purgeData job: removes what a search matches from its sources, except what a hold covers, one
 * file (an eml, a document, or an mbox with all its matching messages) at a time.
 */
package org.caseops.batch.purge;
