/**
 * The search exports, exportReport and exportResult: a search's item report and summary, and the
 * natives of its items in ZIP parts, written resumably with the contentExport job's parts and
 * registry.
 */
package org.caseops.batch.searchexport;
