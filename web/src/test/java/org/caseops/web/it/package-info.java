/**
 * Integration tests: the built WAR on Payara Micro with PostgreSQL, exercised through HTTP only.
 */
package org.caseops.web.it;
