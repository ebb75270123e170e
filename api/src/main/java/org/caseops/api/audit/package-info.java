/**
 * The audit log: recording every authenticated state-changing request, and serving the log to
 * admins.
 */
package org.caseops.api.audit;
