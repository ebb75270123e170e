/** Who created or changed something: Graph's identitySet. */
package org.caseops.domain.identity;
