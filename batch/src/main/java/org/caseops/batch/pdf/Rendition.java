package org.caseops.batch.pdf;

/**
 * A rendered PDF: its bytes, its number of pages, and how many characters the font had no glyph for
 * (each shown as a replacement mark).
 */
public record Rendition(byte[] pdf, int pages, long replacedCharacters) {}
