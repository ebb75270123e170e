/** Holds on custodians: what a hold preserves, and how a hold's status moves. */
package org.caseops.domain.holds;
