/**
 * The audit log: one entry per state-changing request, saying who did what, when, and with which
 * outcome.
 */
package org.caseops.domain.audit;
