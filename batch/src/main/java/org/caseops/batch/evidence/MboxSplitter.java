package org.caseops.batch.evidence;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Splits an mbox file into its messages while streaming it: memory holds one message (up to a
 * maximum size) and one line segment, never the file.
 *
 * <p>A message starts at a {@code From_} line: a line beginning with {@code "From "} whose rest
 * carries a time of day (as every mbox writer's date does), at the start of the stream or after a
 * blank line. Any other line beginning with "From " is body text. The {@code From_} line and the
 * blank line that separates two messages are not part of the message. Quoted lines are un-quoted
 * the mboxrd way (one {@code >} removed from a line matching {@code ^>+From }), which also
 * un-quotes mboxo's {@code >From }. A message's offset is the byte offset of its {@code From_} line
 * in the file (of its first byte, if the file does not start with a {@code From_} line); its
 * SHA-256 and size are those of the un-quoted message bytes.
 */
public final class MboxSplitter implements Closeable {
  private static final Pattern FROM_LINE = Pattern.compile("^From \\S.*\\d:\\d\\d");
  private static final int SEGMENT = 64 * 1024;

  /**
   * One message: its offset in the file, the offset where the next one starts, its bytes (or {@code
   * null} when it is larger than the maximum), its size and SHA-256.
   */
  public record Message(long offset, long endOffset, byte[] content, long size, String sha256) {
    public boolean tooLarge() {
      return content == null;
    }
  }

  private static final int MIN_READ = 4 * 1024;

  private final InputStream in;
  private final long maxMessageBytes;
  private final byte[] buffer;
  private int bufferPos;
  private int bufferLimit;
  private long offset;
  private boolean eof;

  /**
   * The current line, or a piece of a line longer than {@link #SEGMENT}; grown up to that size as
   * lines need.
   */
  private byte[] segment;

  private int segmentLength;
  private long segmentOffset;
  private boolean segmentStartsLine;
  private boolean lastEndedLine = true;
  private long pendingFromOffset = -1;

  /**
   * Splits what the stream holds, which starts at {@code startOffset} of the file (a message
   * boundary).
   */
  public MboxSplitter(InputStream in, long startOffset, long maxMessageBytes) {
    this(in, startOffset, maxMessageBytes, SEGMENT);
  }

  /**
   * Splits what the stream holds, reading it {@code readSize} bytes at a time (4 KB to 64 KB): a
   * caller after one message of known size reads little more than that message. The messages are
   * the same whatever the read size.
   */
  public MboxSplitter(InputStream in, long startOffset, long maxMessageBytes, int readSize) {
    this.in = in;
    this.offset = startOffset;
    this.maxMessageBytes = maxMessageBytes;
    int size = Math.max(MIN_READ, Math.min(SEGMENT, readSize));
    this.buffer = new byte[size];
    this.segment = new byte[size];
  }

  /** The next message, or {@code null} at the end of the file. */
  public Message next() throws IOException {
    MessageBuilder message;
    if (pendingFromOffset >= 0) {
      message = new MessageBuilder(pendingFromOffset);
      pendingFromOffset = -1;
    } else {
      // Blank lines before the first message belong to no message.
      do {
        if (!readSegment()) {
          return null;
        }
      } while (segmentStartsLine && isBlankLine());
      message = new MessageBuilder(segmentOffset);
      if (!(segmentStartsLine && isFromLine())) {
        message.appendUnquoted();
      }
    }
    byte[] heldBlank = null;
    while (true) {
      if (!readSegment()) {
        break;
      }
      if (segmentStartsLine && heldBlank != null && isFromLine()) {
        pendingFromOffset = segmentOffset;
        break;
      }
      if (segmentStartsLine && isBlankLine()) {
        if (heldBlank != null) {
          message.append(heldBlank, 0, heldBlank.length);
        }
        heldBlank = Arrays.copyOf(segment, segmentLength);
        continue;
      }
      if (heldBlank != null) {
        message.append(heldBlank, 0, heldBlank.length);
        heldBlank = null;
      }
      message.appendUnquoted();
    }
    // A blank line before the next From_ line, or at the end of the file, separates messages.
    long end = pendingFromOffset >= 0 ? pendingFromOffset : offset;
    return message.build(end);
  }

  private boolean isFromLine() {
    if (segmentLength < 5
        || segment[0] != 'F'
        || segment[1] != 'r'
        || segment[2] != 'o'
        || segment[3] != 'm'
        || segment[4] != ' ') {
      return false;
    }
    String line =
        new String(segment, 0, Math.min(segmentLength, 1000), StandardCharsets.ISO_8859_1);
    return FROM_LINE.matcher(line).find();
  }

  private boolean isBlankLine() {
    return (segmentLength == 1 && segment[0] == '\n')
        || (segmentLength == 2 && segment[0] == '\r' && segment[1] == '\n');
  }

  /** Reads up to the end of the line, or a full segment of a very long line. */
  private boolean readSegment() throws IOException {
    segmentOffset = offset;
    segmentStartsLine = lastEndedLine;
    segmentLength = 0;
    while (segmentLength < SEGMENT) {
      if (bufferPos >= bufferLimit && !fill()) {
        break;
      }
      if (segmentLength == segment.length) {
        segment = Arrays.copyOf(segment, Math.min(SEGMENT, segment.length * 2));
      }
      byte b = buffer[bufferPos++];
      segment[segmentLength++] = b;
      offset++;
      if (b == '\n') {
        break;
      }
    }
    if (segmentLength == 0) {
      return false;
    }
    lastEndedLine = segment[segmentLength - 1] == '\n';
    return true;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    bufferPos = 0;
    bufferLimit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private final class MessageBuilder {
    private final long start;
    private final MessageDigest digest = sha256();
    private ByteArrayOutputStream content = new ByteArrayOutputStream();
    private long size;

    MessageBuilder(long start) {
      this.start = start;
    }

    void appendUnquoted() {
      int from = 0;
      if (segmentStartsLine && segment[0] == '>') {
        int i = 0;
        while (i < segmentLength && segment[i] == '>') {
          i++;
        }
        if (segmentLength - i >= 5
            && segment[i] == 'F'
            && segment[i + 1] == 'r'
            && segment[i + 2] == 'o'
            && segment[i + 3] == 'm'
            && segment[i + 4] == ' ') {
          from = 1;
        }
      }
      append(segment, from, segmentLength - from);
    }

    void append(byte[] bytes, int from, int length) {
      digest.update(bytes, from, length);
      size += length;
      if (content != null) {
        if (size > maxMessageBytes) {
          content = null;
        } else {
          content.write(bytes, from, length);
        }
      }
    }

    Message build(long end) {
      return new Message(
          start,
          end,
          content == null ? null : content.toByteArray(),
          size,
          HexFormat.of().formatHex(digest.digest()));
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
