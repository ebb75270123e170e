package org.caseops.api.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.caseops.domain.operations.OperationJobs;

/** Knows the jobs a test declares; starting one records it, or fails when the test says so. */
public class FakeJobLauncher implements OperationJobs {
  public final Set<String> jobs = new HashSet<>();
  public final List<String> started = new ArrayList<>();
  public final List<Properties> parameters = new ArrayList<>();
  public RuntimeException startFailure;

  /** Runs at start, e.g. to check what was committed before the job started. */
  public Consumer<Properties> onStart = p -> {};

  public long nextExecutionId = 41;

  /** How many jobs may be admitted and not yet begun at once; {@link #admitted} holds them. */
  public int room = Integer.MAX_VALUE;

  public final Set<String> admitted = new java.util.LinkedHashSet<>();
  public final List<String> released = new ArrayList<>();

  public FakeJobLauncher(String... jobNames) {
    jobs.addAll(List.of(jobNames));
  }

  @Override
  public boolean admit(String operationId) {
    if (admitted.size() >= room) {
      return false;
    }
    admitted.add(operationId);
    return true;
  }

  @Override
  public void release(String operationId) {
    released.add(operationId);
    admitted.remove(operationId);
  }

  /** As the job's listener does when its job begins: the room passes to the running job. */
  public void begun(String operationId) {
    admitted.remove(operationId);
  }

  @Override
  public boolean hasJob(String jobName) {
    return jobs.contains(jobName);
  }

  @Override
  public long start(String jobName, Properties parameters) {
    onStart.accept(parameters);
    if (startFailure != null) {
      throw startFailure;
    }
    started.add(jobName);
    this.parameters.add(parameters);
    return ++nextExecutionId;
  }

  public final List<Long> stopped = new ArrayList<>();
  public final List<Long> restarted = new ArrayList<>();
  public RuntimeException stopFailure;
  public RuntimeException restartFailure;

  @Override
  public long restart(long executionId, Properties parameters) {
    if (restartFailure != null) {
      throw restartFailure;
    }
    restarted.add(executionId);
    this.parameters.add(parameters);
    return ++nextExecutionId;
  }

  public final java.util.Map<Long, List<Run>> runs = new java.util.HashMap<>();

  @Override
  public List<Run> runs(long executionId) {
    return runs.getOrDefault(executionId, List.of());
  }

  @Override
  public void stop(long executionId) {
    if (stopFailure != null) {
      throw stopFailure;
    }
    stopped.add(executionId);
  }

  @Override
  public Optional<Execution> execution(long executionId) {
    return Optional.empty();
  }
}
