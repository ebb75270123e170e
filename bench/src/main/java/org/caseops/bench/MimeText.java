package org.caseops.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The MIME encodings a mail client writes: RFC 2047 encoded words, quoted-printable, base64, and
 * line wrapping.
 */
final class MimeText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final int MAX_LINE = 76;

  private MimeText() {}

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 126) {
        return false;
      }
    }
    return true;
  }

  /**
   * A header value as RFC 2047 "B" encoded words, each at most 75 characters, folded onto
   * continuation lines; ASCII text is returned as it is.
   */
  static String encodeHeaderWords(String text) {
    if (isAscii(text)) {
      return text;
    }
    List<String> words = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    int chunkBytes = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      int bytes = ch.getBytes(StandardCharsets.UTF_8).length;
      // 45 bytes give 60 base64 characters: with "=?UTF-8?B?" and "?=" the word stays within 75.
      if (chunkBytes + bytes > 45) {
        words.add(bWord(chunk.toString()));
        chunk.setLength(0);
        chunkBytes = 0;
      }
      chunk.append(ch);
      chunkBytes += bytes;
      i += Character.charCount(cp);
    }
    if (chunk.length() > 0) {
      words.add(bWord(chunk.toString()));
    }
    return String.join("\n ", words);
  }

  private static String bWord(String text) {
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  /** A display name as one RFC 2047 "Q" encoded word when it is not ASCII. */
  static String encodeDisplayName(String name) {
    if (isAscii(name)) {
      return name;
    }
    StringBuilder sb = new StringBuilder("=?UTF-8?Q?");
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == ' ') {
        sb.append('_');
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        sb.append((char) c);
      } else {
        sb.append('=').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.append("?=").toString();
  }

  /** Text (lines separated by {@code \n}) as UTF-8 quoted-printable with soft line breaks. */
  static String quotedPrintable(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
    String[] lines = text.split("\n", -1);
    for (int l = 0; l < lines.length; l++) {
      byte[] bytes = lines[l].getBytes(StandardCharsets.UTF_8);
      int lineLength = 0;
      for (int i = 0; i < bytes.length; i++) {
        int c = bytes[i] & 0xff;
        boolean last = i == bytes.length - 1;
        String piece;
        if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last)) {
          piece = String.valueOf((char) c);
        } else {
          piece = "=" + HEX[c >> 4] + HEX[c & 0xf];
        }
        if (lineLength + piece.length() > MAX_LINE - 1) {
          out.append("=\n");
          lineLength = 0;
        }
        out.append(piece);
        lineLength += piece.length();
      }
      if (l < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** Bytes as base64 in lines of 76 characters, ending with a line break. */
  static String base64(byte[] bytes) {
    String encoded = Base64.getMimeEncoder(MAX_LINE, new byte[] {'\n'}).encodeToString(bytes);
    return encoded.isEmpty() ? "" : encoded + "\n";
  }

  /** A paragraph broken into lines of at most {@code width} characters at spaces. */
  static String wrap(String paragraph, int width) {
    StringBuilder out = new StringBuilder(paragraph.length() + 16);
    int lineStart = 0;
    for (String word : paragraph.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      int lineLength = out.length() - lineStart;
      if (lineLength > 0 && lineLength + 1 + word.length() > width) {
        out.append('\n');
        lineStart = out.length();
      } else if (lineLength > 0) {
        out.append(' ');
      }
      out.append(word);
    }
    return out.toString();
  }

  static String escapeHtml(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
