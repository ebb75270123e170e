package org.caseops.domain.kql;

/**
 * A value of an ordered property as written ({@code text}) and the span it stands for, both ends
 * inclusive: epoch milliseconds for dates (a whole UTC day for {@code 2024-01-31}, one millisecond
 * for an instant), bytes for sizes ({@code first == last}).
 */
public record KqlValue(String text, long first, long last) {}
