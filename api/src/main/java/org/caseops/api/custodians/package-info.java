/** Custodians of a case and their user and site sources. */
package org.caseops.api.custodians;
