/** Request plumbing that runs before resource matching: request ids and path normalisation. */
package org.caseops.api.requests;
