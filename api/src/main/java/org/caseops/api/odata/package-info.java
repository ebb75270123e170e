/**
 * OData conventions as Graph applies them: JSON writing, annotations, query options, preferences,
 * evolvable enums.
 */
package org.caseops.api.odata;
