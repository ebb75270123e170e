/** The health probe used to tell that the server answers. */
package org.caseops.api.health;
