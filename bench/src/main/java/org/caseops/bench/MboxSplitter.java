package org.caseops.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Splits an mboxrd file into its messages while reading it: a line starting with {@code From }
 * opens a message (its byte offset names the message), and one {@code >} is taken off every {@code
 * >From } line inside a message. Only the current message is held in memory.
 */
final class MboxSplitter {
  /**
   * Receives each message: the offset of its {@code From } line, and its bytes in {@code
   * data[0..length)}.
   */
  interface Sink {
    void message(long offset, byte[] data, int length) throws IOException;
  }

  private MboxSplitter() {}

  /** Calls the sink once per message, in file order, and returns the number of messages. */
  static long split(Path mbox, Sink sink) throws IOException {
    long messages = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(mbox), 1 << 16)) {
      Message current = new Message();
      Line line = new Line();
      long offset = 0;
      boolean inMessage = false;
      while (line.read(in)) {
        if (line.startsWith(0, "From ")) {
          if (inMessage) {
            current.emit(sink);
            messages++;
          }
          current.start(offset);
          inMessage = true;
        } else if (inMessage) {
          int quotes = 0;
          while (quotes < line.length && line.bytes[quotes] == '>') {
            quotes++;
          }
          if (quotes > 0 && line.startsWith(quotes, "From ")) {
            current.body.write(line.bytes, 1, line.length - 1);
          } else {
            current.body.write(line.bytes, 0, line.length);
          }
        }
        offset += line.length;
      }
      if (inMessage) {
        current.emit(sink);
        messages++;
      }
    }
    return messages;
  }

  private static final class Message {
    final Buffer body = new Buffer();
    long offset;

    void start(long offset) {
      this.offset = offset;
      body.reset();
    }

    void emit(Sink sink) throws IOException {
      // The empty line before the next "From " line separates messages; it is not part of the
      // message.
      int length = body.size();
      byte[] data = body.data();
      if (length >= 2 && data[length - 1] == '\n' && data[length - 2] == '\n') {
        length--;
      } else if (length >= 4
          && data[length - 1] == '\n'
          && data[length - 2] == '\r'
          && data[length - 3] == '\n') {
        length -= 2;
      }
      sink.message(offset, data, length);
    }
  }

  /** A byte buffer whose array can be read without a copy. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(16384);
    }

    byte[] data() {
      return buf;
    }
  }

  /** One line with its terminator, read from a stream. */
  private static final class Line {
    byte[] bytes = new byte[1024];
    int length;

    boolean read(InputStream in) throws IOException {
      length = 0;
      int b;
      while ((b = in.read()) >= 0) {
        if (length == bytes.length) {
          bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = (byte) b;
        if (b == '\n') {
          return true;
        }
      }
      return length > 0;
    }

    boolean startsWith(int from, String prefix) {
      if (length - from < prefix.length()) {
        return false;
      }
      for (int i = 0; i < prefix.length(); i++) {
        if (bytes[from + i] != prefix.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }
}
