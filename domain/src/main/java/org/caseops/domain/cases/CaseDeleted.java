package org.caseops.domain.cases;

/**
 * Announces that a case and everything catalogued for it are gone, so that what lies outside the
 * database can go too.
 */
public record CaseDeleted(String caseId) {}
