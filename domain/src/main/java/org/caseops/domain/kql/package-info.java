/**
 * The Keyword Query Language of searches, as Microsoft Purview eDiscovery takes it: its parser and
 * the tree a query becomes, free of any index technology.
 */
package org.caseops.domain.kql;
