/** Versioned schema migrations, run at start-up on H2 and PostgreSQL alike. */
package org.caseops.persistence.migration;
