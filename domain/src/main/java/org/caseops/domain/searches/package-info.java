/** Searches: a KQL content query over chosen sources of a case, and the scopes that choose them. */
package org.caseops.domain.searches;
