/**
 * The listeners that keep a case operation's status true for every job, and the recovery of
 * interrupted operations.
 */
package org.caseops.batch.operations;
