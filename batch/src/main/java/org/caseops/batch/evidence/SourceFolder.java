package org.caseops.batch.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.caseops.domain.custodians.CustodianSource;

/**
 * Where a source's evidence is read: {@code <evidence root>/<source's evidence path>}, resolved to
 * its real path and checked to lie inside the root, or the reason it cannot be read (not found,
 * outside the root, not a folder). A missing folder simply holds no evidence.
 */
public record SourceFolder(
    CustodianSource source, String relativePath, Path folder, Path root, String problem) {

  /** Locates the folder of a source under the evidence root. */
  public static SourceFolder locate(Path evidenceRoot, CustodianSource source) {
    Path root = evidenceRoot.toAbsolutePath().normalize();
    String[] segments;
    try {
      segments = source.evidencePath();
    } catch (IllegalArgumentException e) {
      return new SourceFolder(
          source, null, null, root, "its address cannot be mapped to a folder safely");
    }
    String relative = String.join("/", segments);
    Path candidate = root;
    for (String segment : segments) {
      candidate = candidate.resolve(segment);
    }
    candidate = candidate.normalize();
    if (!candidate.startsWith(root) || candidate.equals(root)) {
      return new SourceFolder(
          source, relative, null, root, "its folder would lie outside the evidence root");
    }
    if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
      return new SourceFolder(source, relative, null, root, "folder not found");
    }
    try {
      Path realRoot = root.toRealPath();
      Path real = candidate.toRealPath();
      if (!real.startsWith(realRoot)) {
        return new SourceFolder(
            source, relative, null, realRoot, "its folder lies outside the evidence root");
      }
      if (!Files.isDirectory(real)) {
        return new SourceFolder(source, relative, null, realRoot, "not a folder");
      }
      return new SourceFolder(source, relative, real, realRoot, null);
    } catch (IOException e) {
      return new SourceFolder(source, relative, null, root, "folder not found");
    }
  }

  public boolean readable() {
    return folder != null;
  }
}
