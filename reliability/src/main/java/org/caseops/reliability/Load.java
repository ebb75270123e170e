package org.caseops.reliability;

import java.nio.file.Path;

/** Placeholder, replaced below. */
final class Load {
  Load(Path repo, Path work, int submissions, int pollers, int seconds) {}

  boolean run() {
    return false;
  }
}
