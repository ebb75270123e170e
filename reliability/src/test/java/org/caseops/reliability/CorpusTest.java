package org.caseops.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
  @TempDir Path dir;

  @Test
  void writesEachMessageOnceAsEmlOrInAnMboxAndTheSameSeedGivesTheSameBytes() throws Exception {
    Corpus a = Corpus.write(dir.resolve("a"), 2, 30, 0.5, 7, 3, 10);
    Corpus b = Corpus.write(dir.resolve("b"), 2, 30, 0.5, 7, 3, 10);
    assertThat(a.messages()).hasSize(40);
    assertThat(a.count("custodian1@crash.example")).isEqualTo(30);
    assertThat(a.purgeCount("custodian1@crash.example")).isEqualTo(7);
    Path mbox =
        a.messages().stream().filter(Corpus.Message::inMbox).findFirst().orElseThrow().file();
    List<String> messages = Corpus.mboxMessages(Files.readString(mbox, StandardCharsets.UTF_8));
    assertThat(messages).hasSize(15);
    assertThat(messages).allMatch(m -> m.startsWith("From sender"));
    assertThat(String.join("", messages)).isEqualTo(Files.readString(mbox, StandardCharsets.UTF_8));
    assertThat(Corpus.hashes(dir.resolve("a")).values())
        .containsExactlyElementsOf(Corpus.hashes(dir.resolve("b")).values());
  }

  @Test
  void anMboxCutInTheMiddleOfAMessageHasOneMessageLess() {
    String whole = "From a x\nSubject: 1\n\nbody\n\nFrom b x\nSubject: 2\n\nbody\n";
    assertThat(Corpus.mboxMessages(whole)).hasSize(2);
    assertThat(Corpus.mboxMessages(whole.substring(0, 20))).hasSize(1);
    // A body line starting "From " without an empty line before it starts no message.
    assertThat(Corpus.mboxMessages("From a x\nSubject: 1\n\nbody\nFrom here\n")).hasSize(1);
  }
}
