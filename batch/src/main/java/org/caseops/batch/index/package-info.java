/**
 * The artifacts of the {@code index} job: read evidence items, extract and index them, catalog
 * them, sum up.
 */
package org.caseops.batch.index;
