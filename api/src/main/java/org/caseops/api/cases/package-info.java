/** The ediscoveryCase resource: create, list, read, update and delete cases. */
package org.caseops.api.cases;
