package org.caseops.batch.contentexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ZIP part: written to its temporary name, renamed when finished, and in ZIP64 form when it has
 * more entries than the classic end record can count (65,535). (A part or entry over 4 GiB also
 * takes the ZIP64 records, from the same java.util.zip writer; writing 4 GiB is too slow for a unit
 * test.)
 */
class ZipPartTest {
  private static final int ZIP64_END = 0x06064b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;

  private static final long TIME = java.time.Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();

  @TempDir Path dir;

  private Path write(int entries) throws IOException {
    Path target = dir.resolve("part-" + entries + ".zip");
    Path temporary = dir.resolve("part-" + entries + ".zip.tmp");
    try (ZipPart part = new ZipPart(temporary, target, TIME)) {
      for (int i = 0; i < entries; i++) {
        part.add("natives/" + i + ".txt", new byte[] {(byte) ('a' + i % 26)});
      }
      assertThat(Files.exists(target)).isFalse();
      part.finish();
    }
    assertThat(Files.exists(temporary)).isFalse();
    return target;
  }

  /** Whether the last 64 KiB of the file hold the ZIP64 end record and its locator. */
  private static boolean hasZip64End(Path zip) throws IOException {
    try (FileChannel channel = FileChannel.open(zip)) {
      long size = channel.size();
      int tail = (int) Math.min(size, 65_536 + 22 + 76);
      ByteBuffer buffer = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(buffer, size - tail);
      boolean end = false;
      boolean locator = false;
      for (int i = 0; i + 4 <= tail; i++) {
        int signature = buffer.getInt(i);
        end |= signature == ZIP64_END;
        locator |= signature == ZIP64_LOCATOR;
      }
      return end && locator;
    }
  }

  @Test
  void morePartEntriesThanTheClassicEndRecordCountsMakeAZip64PartThatReadsWhole()
      throws IOException {
    Path zip = write(70_000);

    assertThat(hasZip64End(zip)).isTrue();
    try (ZipFile read = new ZipFile(zip.toFile())) {
      assertThat(read.size()).isEqualTo(70_000);
      List<? extends ZipEntry> entries = Collections.list(read.entries());
      ZipEntry last = entries.get(entries.size() - 1);
      assertThat(last.getName()).isEqualTo("natives/69999.txt");
      try (var in = read.getInputStream(last)) {
        assertThat(in.readAllBytes()).containsExactly((byte) ('a' + 69_999 % 26));
      }
    }
  }

  @Test
  void everyEntryCarriesTheGivenTimeSoThatAPartWrittenAgainIsTheSame() throws IOException {
    try (ZipFile read = new ZipFile(write(3).toFile())) {
      for (ZipEntry entry : Collections.list(read.entries())) {
        assertThat(entry.getTime()).as(entry.getName()).isEqualTo(TIME);
      }
    }
  }

  @Test
  void aSmallPartKeepsTheClassicEndRecord() throws IOException {
    Path zip = write(100);

    assertThat(hasZip64End(zip)).isFalse();
    try (ZipFile read = new ZipFile(zip.toFile())) {
      assertThat(read.size()).isEqualTo(100);
    }
  }
}
