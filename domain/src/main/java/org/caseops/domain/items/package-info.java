/**
 * The item catalog: every message and document found in a case's sources, indexed or not and why.
 */
package org.caseops.domain.items;
