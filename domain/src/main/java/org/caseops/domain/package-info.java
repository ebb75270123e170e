/**
 * The eDiscovery model of caseops: plain Java with Jakarta Persistence and Validation annotations
 * only.
 */
package org.caseops.domain;
