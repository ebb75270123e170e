/** The files of a case's productions (exports), as long as the server keeps them. */
package org.caseops.domain.exports;
