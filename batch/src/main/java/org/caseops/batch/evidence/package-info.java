/**
 * Reading a source's evidence folder safely and in a stable order, and splitting mbox files into
 * messages.
 */
package org.caseops.batch.evidence;
