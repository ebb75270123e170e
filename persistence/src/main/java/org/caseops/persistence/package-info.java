/** Storage of the caseops model: JPA repositories on EclipseLink and the schema migrations. */
package org.caseops.persistence;
