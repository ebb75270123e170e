/**
 * Health: caseops' own {@code /health} (the server answers and its database can be queried), and
 * the MicroProfile Health checks the runtime serves at its standard paths ({@code /health/ready},
 * {@code /health/live}).
 */
package org.caseops.api.health;
