/** Review tags of a case, their tree, and the asHierarchy function. */
package org.caseops.api.tags;
