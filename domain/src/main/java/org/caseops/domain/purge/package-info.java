/**
 * Purges: what a purgeData operation removed from its sources or skipped (and why), where a
 * recoverable purge keeps what it removed, and the limit that refuses a purge too large to be
 * meant.
 */
package org.caseops.domain.purge;
