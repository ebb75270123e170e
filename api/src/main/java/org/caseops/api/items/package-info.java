/** The caseops extension that reports item counts and sizes per source from the item catalog. */
package org.caseops.api.items;
