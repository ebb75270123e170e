package org.caseops.batch;

/**
 * Where a use case reports how much work it has in all and how much it has done, in a unit of its
 * own.
 */
public interface Progress {
  /** Reports nowhere. */
  Progress NONE =
      new Progress() {
        @Override
        public void total(long work) {}

        @Override
        public void done(long work) {}
      };

  /** The amount of work of the whole use case, known before the work starts. */
  void total(long work);

  /** The amount of work done so far. */
  void done(long work);
}
