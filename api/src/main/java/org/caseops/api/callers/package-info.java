/** Who is calling: the identity recorded as createdBy and lastModifiedBy. */
package org.caseops.api.callers;
