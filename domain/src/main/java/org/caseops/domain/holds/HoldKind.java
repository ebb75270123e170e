package org.caseops.domain.holds;

/**
 * What kind of hold covers a preserved item version: a custodian's hold (on all of its sources), a
 * non-custodial data source's hold, or a legal hold policy (on the sources it names, all their
 * items or those its contentQuery matches). The wire name is stored.
 */
public enum HoldKind {
  custodian,
  noncustodialDataSource,
  legalHold
}
