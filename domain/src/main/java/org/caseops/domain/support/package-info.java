/** Small rules shared by every aggregate: identifiers, evolvable enumerations, time storage. */
package org.caseops.domain.support;
