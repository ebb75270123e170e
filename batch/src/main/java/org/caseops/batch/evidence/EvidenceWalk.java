package org.caseops.batch.evidence;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The regular files of a source folder, depth first with the entries of each folder sorted by name,
 * which orders the files by their relative paths compared segment by segment ({@link #compare}).
 * The order is stable, so a walk can start at any relative path and skip everything before it.
 * Memory holds one sorted listing per folder level, never the whole tree.
 *
 * <p>Symbolic links are not followed out of the evidence root: a link to a regular file inside the
 * root is read as that file, any other link (to a folder, outside the root, dangling) is skipped
 * and counted.
 */
public final class EvidenceWalk {
  private final Path root;
  private final String[] startAt;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private long skippedLinks;

  private static final class Frame {
    final Path dir;
    final String prefix;
    final String[] names;
    int next;

    Frame(Path dir, String prefix, String[] names) {
      this.dir = dir;
      this.prefix = prefix;
      this.names = names;
    }
  }

  /**
   * A walk of {@code folder} (a real path inside {@code root}) that skips every file ordered before
   * {@code startAt} (a relative path; {@code null} to walk everything).
   *
   * @throws IOException if the folder itself cannot be listed
   */
  public EvidenceWalk(Path root, Path folder, String startAt) throws IOException {
    this.root = root;
    this.startAt = startAt == null || startAt.isEmpty() ? null : startAt.split("/");
    stack.push(new Frame(folder, "", list(folder)));
  }

  /** The next file, or {@code null} when the walk is over. */
  public EvidenceFile next() {
    while (!stack.isEmpty()) {
      Frame frame = stack.peek();
      if (frame.next >= frame.names.length) {
        stack.pop();
        continue;
      }
      String name = frame.names[frame.next++];
      Path path = frame.dir.resolve(name);
      String relative = frame.prefix.isEmpty() ? name : frame.prefix + "/" + name;
      BasicFileAttributes attributes;
      try {
        attributes =
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        if (before(relative, false)) {
          continue;
        }
        return new EvidenceFile(relative, path, 0, "cannot be read: " + e.getMessage());
      }
      if (attributes.isDirectory()) {
        if (before(relative, true)) {
          continue;
        }
        try {
          stack.push(new Frame(path, relative, list(path)));
        } catch (IOException e) {
          return new EvidenceFile(relative, path, 0, "folder cannot be listed: " + e.getMessage());
        }
        continue;
      }
      if (before(relative, false)) {
        continue;
      }
      if (attributes.isRegularFile()) {
        return new EvidenceFile(relative, path, attributes.size(), null);
      }
      if (attributes.isSymbolicLink()) {
        EvidenceFile target = linkTarget(relative, path);
        if (target != null) {
          return target;
        }
        skippedLinks++;
      }
      // Devices, sockets and pipes hold no evidence.
    }
    return null;
  }

  /** Links skipped so far: to folders, outside the evidence root, or dangling. */
  public long skippedLinks() {
    return skippedLinks;
  }

  private EvidenceFile linkTarget(String relative, Path link) {
    try {
      Path real = link.toRealPath();
      if (!real.startsWith(root)) {
        return null;
      }
      BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
      return attributes.isRegularFile()
          ? new EvidenceFile(relative, real, attributes.size(), null)
          : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether everything at (and, for a folder, under) this relative path comes before the start. */
  private boolean before(String relative, boolean folder) {
    if (startAt == null) {
      return false;
    }
    String[] segments = relative.split("/");
    if (folder && isPrefix(segments, startAt)) {
      return false;
    }
    return compare(segments, startAt) < 0;
  }

  private static boolean isPrefix(String[] prefix, String[] of) {
    if (prefix.length > of.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (!prefix[i].equals(of[i])) {
        return false;
      }
    }
    return true;
  }

  /** Compares two relative paths segment by segment: the order of the walk. */
  public static int compare(String[] a, String[] b) {
    int common = Math.min(a.length, b.length);
    for (int i = 0; i < common; i++) {
      int c = a[i].compareTo(b[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static String[] list(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        names.add(entry.getFileName().toString());
      }
    }
    String[] sorted = names.toArray(String[]::new);
    Arrays.sort(sorted);
    return sorted;
  }

  /** What a full walk of a folder finds: the files, their total size, and the links it skips. */
  public record Summary(long files, long bytes, long skippedLinks) {}

  /**
   * Walks the whole folder without reading any file; a folder that cannot be listed holds nothing.
   */
  public static Summary summarize(Path root, Path folder) {
    long files = 0;
    long bytes = 0;
    EvidenceWalk walk;
    try {
      walk = new EvidenceWalk(root, folder, null);
    } catch (IOException e) {
      return new Summary(0, 0, 0);
    }
    for (EvidenceFile file = walk.next(); file != null; file = walk.next()) {
      if (file.problem() == null) {
        files++;
        bytes += file.size();
      }
    }
    return new Summary(files, bytes, walk.skippedLinks());
  }
}
