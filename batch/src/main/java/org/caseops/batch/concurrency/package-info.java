/**
 * Where jobs run their helper tasks: the server's managed executor, or threads of their own outside
 * a server.
 */
package org.caseops.batch.concurrency;
