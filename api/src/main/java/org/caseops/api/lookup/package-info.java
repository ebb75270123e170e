/**
 * Resolves the ids in a URL to stored resources, answering 400 for malformed ids and 404 naming
 * what is missing.
 */
package org.caseops.api.lookup;
