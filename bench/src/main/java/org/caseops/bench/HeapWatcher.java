package org.caseops.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap while a run goes on: the highest heap use seen by a sampler, and the highest
 * heap use left after a garbage collection (from the GC beans' notifications), which is what a run
 * keeps alive. Optionally forces a full collection every few seconds, so that the after-GC figure
 * is the live set rather than whatever a young collection left in the old generation.
 */
final class HeapWatcher {
  /** The figures of one run, in bytes. */
  record Figures(
      long peakUsed, long peakAfterGc, long baselineAfterGc, long collections, long heapMax) {
    static double mib(long bytes) {
      return bytes / 1048576.0;
    }
  }

  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final Set<String> heapPools;
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onGc;
  private final long baseline;
  private final Thread sampler;
  private volatile boolean running = true;

  private HeapWatcher(long forcedGcEveryMillis) {
    heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    // Start from a clean heap so that runs are compared from the same point.
    System.gc();
    System.gc();
    baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    peakAfterGc.set(baseline);
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
    sampler =
        new Thread(
            () -> {
              long lastForced = System.nanoTime();
              while (running) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                peakUsed.accumulateAndGet(used, Math::max);
                if (forcedGcEveryMillis > 0
                    && System.nanoTime() - lastForced > forcedGcEveryMillis * 1_000_000) {
                  System.gc();
                  lastForced = System.nanoTime();
                }
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-watcher");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts watching; {@code forcedGcEverySeconds} of 0 leaves the collector alone. */
  static HeapWatcher start(int forcedGcEverySeconds) {
    return new HeapWatcher(forcedGcEverySeconds * 1000L);
  }

  private void onGc(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long after = 0;
    for (var entry : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(entry.getKey())) {
        after += entry.getValue().getUsed();
      }
    }
    peakAfterGc.accumulateAndGet(after, Math::max);
    collections.incrementAndGet();
  }

  /** Stops watching and returns what was seen. */
  Figures stop() {
    running = false;
    sampler.interrupt();
    try {
      sampler.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // Never added: nothing to remove.
      }
    }
    emitters.clear();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
    return new Figures(
        peakUsed.get(), peakAfterGc.get(), baseline, collections.get(), heap.getMax());
  }
}
