/** Legal holds (Graph's ediscoveryHoldPolicy): their resources, sources and holdPolicySync. */
package org.caseops.api.holds;
