/** Custodians and the data sources (mailboxes, document sites) that hold their content. */
package org.caseops.domain.custodians;
