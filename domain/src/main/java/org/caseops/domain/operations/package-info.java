/** Case operations: the long-running jobs of a case, their actions, statuses and results. */
package org.caseops.domain.operations;
