/**
 * Benchmarks of the index job and the generator of the mail corpora they run on; not part of the
 * server.
 */
package org.caseops.bench;
