/**
 * Where the server keeps its files: the data folder, the evidence root, and the case's content
 * store.
 */
package org.caseops.persistence.storage;
