/** The eDiscovery case aggregate. */
package org.caseops.domain.cases;
