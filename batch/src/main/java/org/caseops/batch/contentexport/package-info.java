/** The contentExport job: a review set's files as ZIP parts with load files, written resumably. */
package org.caseops.batch.contentexport;
