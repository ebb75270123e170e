/**
 * The OData {@code $filter} and {@code $orderby} languages: parsed to a tree, checked, turned into
 * list queries.
 */
package org.caseops.api.odata.filter;
