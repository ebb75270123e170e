package org.caseops.batch.evidence;

import java.nio.file.Path;

/**
 * A regular file found in a source folder: its path relative to the folder ({@code /}-separated),
 * where to read it and its size; or, when {@code problem} is set, a file or folder that could not
 * be read.
 */
public record EvidenceFile(String relativePath, Path path, long size, String problem) {
  public String fileName() {
    int slash = relativePath.lastIndexOf('/');
    return slash < 0 ? relativePath : relativePath.substring(slash + 1);
  }

  /** The lower-case extension of the file name, without the dot; empty if there is none. */
  public String extension() {
    String name = fileName();
    int dot = name.lastIndexOf('.');
    return dot <= 0 || dot == name.length() - 1
        ? ""
        : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
