/**
 * Request throttling: token buckets per client and per case, answered with 429 and Retry-After when
 * used up.
 */
package org.caseops.api.throttling;
