/**
 * Bearer-token security: JWT verification, eDiscovery permissions, and the local development key.
 */
package org.caseops.api.security;
