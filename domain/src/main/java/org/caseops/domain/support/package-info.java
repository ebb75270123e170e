/**
 * Small rules shared by every aggregate: identifiers, evolvable enumerations, time storage, list
 * queries.
 */
package org.caseops.domain.support;
