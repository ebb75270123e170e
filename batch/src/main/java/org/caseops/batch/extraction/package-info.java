/** Text and metadata extraction with Apache Tika, and the reasons an item cannot be indexed. */
package org.caseops.batch.extraction;
