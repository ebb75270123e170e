/** Export files: their download links on the operation and the resource that serves them. */
package org.caseops.api.exports;
