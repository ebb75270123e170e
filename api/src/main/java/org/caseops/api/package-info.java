/** The Graph-shaped REST API of caseops: the JAX-RS application and what the whole API shares. */
package org.caseops.api;
