/**
 * Searches of a case: KQL content queries over bound sources, and their estimateStatistics action.
 */
package org.caseops.api.searches;
