/**
 * The OpenAPI document of caseops' API, served by the runtime's MicroProfile OpenAPI at {@code
 * /openapi}: built from the JAX-RS annotations of the application's resources and the property
 * lists of its JSON representations, so that it cannot drift from the code.
 */
package org.caseops.api.openapi;
