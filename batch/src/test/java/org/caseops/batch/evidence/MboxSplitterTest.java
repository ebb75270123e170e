package org.caseops.batch.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.caseops.batch.testing.Evidence;
import org.junit.jupiter.api.Test;

class MboxSplitterTest {
  private static List<MboxSplitter.Message> split(String mbox, long start, long max)
      throws IOException {
    return split(mbox, start, max, 64 * 1024);
  }

  private static List<MboxSplitter.Message> split(String mbox, long start, long max, int readSize)
      throws IOException {
    byte[] bytes = mbox.getBytes(StandardCharsets.ISO_8859_1);
    List<MboxSplitter.Message> messages = new ArrayList<>();
    try (MboxSplitter splitter =
        new MboxSplitter(
            new ByteArrayInputStream(bytes, (int) start, bytes.length), start, max, readSize)) {
      for (MboxSplitter.Message m = splitter.next(); m != null; m = splitter.next()) {
        messages.add(m);
      }
    }
    return messages;
  }

  private static String text(MboxSplitter.Message m) {
    return new String(m.content(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void splitsOnFromLinesAfterABlankLineAndUnquotes() throws IOException {
    String from1 = "From alice@example.com Mon Jan  2 10:00:00 2023\n";
    String body1 =
        "Subject: one\n\n>From the start (mboxrd)\n>>From a quoted quote\n>>> not a From line\nend\n";
    String from2 = "From bob@example.com Mon Jan  2 11:00:00 2023\n";
    String body2 =
        "Subject: two\n\nNotes:\nFrom here on, at 10:30, no boundary\n\nFrom the desk of Bob, no time\n";
    String mbox = from1 + body1 + "\n" + from2 + body2 + "\n";

    List<MboxSplitter.Message> messages = split(mbox, 0, 1 << 20);

    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).offset()).isZero();
    assertThat(text(messages.get(0)))
        .isEqualTo(
            "Subject: one\n\nFrom the start (mboxrd)\n>From a quoted quote\n>>> not a From line\nend\n");
    assertThat(messages.get(0).endOffset()).isEqualTo(mbox.indexOf(from2));
    assertThat(messages.get(1).offset()).isEqualTo(mbox.indexOf(from2));
    assertThat(text(messages.get(1))).isEqualTo(body2);
    assertThat(messages.get(1).endOffset()).isEqualTo(mbox.length());
    assertThat(messages.get(1).sha256())
        .isEqualTo(Evidence.sha256(body2.getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(messages.get(1).size()).isEqualTo(body2.length());
  }

  @Test
  void handlesCrLfLeadingTextAndResumesAtAnOffset() throws IOException {
    String preamble = "\r\nstray text\r\n\r\n";
    String from1 = "From a@x Tue Feb  7 08:00:00 2023\r\n";
    String from2 = "From b@x Tue Feb  7 09:00:00 2023\r\n";
    String mbox =
        preamble + from1 + "Subject: a\r\n\r\nA\r\n\r\n" + from2 + "Subject: b\r\n\r\nB\r\n";

    List<MboxSplitter.Message> all = split(mbox, 0, 1 << 20);
    assertThat(all)
        .extracting(MboxSplitter.Message::offset)
        .containsExactly(2L, (long) mbox.indexOf(from1), (long) mbox.indexOf(from2));
    assertThat(text(all.get(0))).isEqualTo("stray text\r\n");
    assertThat(text(all.get(1))).isEqualTo("Subject: a\r\n\r\nA\r\n");
    assertThat(text(all.get(2))).isEqualTo("Subject: b\r\n\r\nB\r\n");

    List<MboxSplitter.Message> resumed = split(mbox, all.get(1).endOffset(), 1 << 20);
    assertThat(resumed).hasSize(1);
    assertThat(resumed.get(0).offset()).isEqualTo(all.get(2).offset());
    assertThat(resumed.get(0).sha256()).isEqualTo(all.get(2).sha256());
  }

  @Test
  void streamsMessagesLargerThanTheLimitAndLongLines() throws IOException {
    char[] longLine = new char[200_000];
    Arrays.fill(longLine, 'x');
    String huge =
        "Subject: huge\n\n" + new String(longLine) + "\nFrom the tail of a long line 12:00\n";
    String small = "Subject: small\n\nok\n";
    String mbox =
        "From a@x Wed Mar  1 12:00:00 2023\n"
            + huge
            + "\nFrom b@x Wed Mar  1 12:01:00 2023\n"
            + small;

    List<MboxSplitter.Message> messages = split(mbox, 0, 1000);

    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).tooLarge()).isTrue();
    assertThat(messages.get(0).size()).isEqualTo(huge.length());
    assertThat(messages.get(0).sha256())
        .isEqualTo(Evidence.sha256(huge.getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(text(messages.get(1))).isEqualTo(small);
  }

  @Test
  void theReadSizeChangesNothing() throws IOException {
    String line5k = ">From " + "y".repeat(5_000) + "\n";
    String line70k = ">>From " + "z".repeat(70_000) + "\n";
    String mbox =
        "From a@x Thu Mar  2 12:00:00 2023\nSubject: one\n\n"
            + line5k
            + "\nFrom b@x Thu Mar  2 12:01:00 2023\nSubject: two\n\n"
            + line70k
            + ">From the end 12:02\n\nFrom c@x Thu Mar  2 12:03:00 2023\nSubject: three\n\nok\n";

    List<MboxSplitter.Message> whole = split(mbox, 0, 1 << 20);
    assertThat(whole).hasSize(3);
    assertThat(text(whole.get(0))).endsWith("\n\n" + line5k.substring(1));
    assertThat(text(whole.get(1)))
        .contains("\n>From " + "z".repeat(70_000) + "\nFrom the end 12:02\n");
    for (int readSize : new int[] {1, 4 * 1024, 5_000, 9 * 1024, 100_000}) {
      assertThat(split(mbox, 0, 1 << 20, readSize))
          .as("read size %d", readSize)
          .usingRecursiveFieldByFieldElementComparator()
          .isEqualTo(whole);
      long second = whole.get(1).offset();
      assertThat(split(mbox, second, 1 << 20, readSize).get(0).sha256())
          .isEqualTo(whole.get(1).sha256());
    }
  }

  @Test
  void emptyInputHasNoMessages() throws IOException {
    assertThat(split("", 0, 100)).isEmpty();
    assertThat(split("\n\n", 0, 100)).isEmpty();
  }
}
