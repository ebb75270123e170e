package org.caseops.api.operations;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.api.exports.ExportDownloads;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.operations.actions.OperationExtras;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationChanged;

/**
 * The live stream of operation changes ({@code GET /caseops/operations/events}): every change the
 * repository reports, once committed, becomes an {@code operation} event whose data is the
 * operation as {@code /caseops/operations} writes it (members after the sentinel shown; an export's
 * {@code exportFileMetadata} with download URLs under the service root of the latest subscriber);
 * progress of one operation at most four times a second; a comment line every 15 seconds keeps idle
 * connections open. Reconnecting clients get what they missed through {@code Last-Event-ID}.
 */
@ApplicationScoped
public class OperationEvents {
  static final String EVENT = "operation";
  private static final Logger LOG = Logger.getLogger(OperationEvents.class.getName());

  private final OperationEventLog log =
      new OperationEventLog(Long.toString(System.currentTimeMillis(), 36), 1000, 250);

  /** The server's scheduler: loads and sends changed operations, and beats the heart. */
  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject CaseOperationRepository operations;
  @Inject ExportDownloads downloads;

  /** The service root of the latest subscriber: the base of the download URLs events carry. */
  private volatile ServiceRoot root;

  private final java.util.Queue<String> pending =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private volatile Sse sse;
  private volatile SseBroadcaster broadcaster;

  /** The heartbeat and the sender, cancelled when the application stops. */
  private final java.util.List<java.util.concurrent.Future<?>> tasks =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Adds a client: first what it missed, then every new event. */
  public void subscribe(SseEventSink sink, Sse sse, String lastEventId, ServiceRoot root) {
    this.root = root;
    SseBroadcaster b = broadcaster(sse);
    // A first comment sends the response's head at once, so the client knows it is connected.
    sink.send(sse.newEventBuilder().comment("connected").build());
    for (OperationEventLog.Entry missed : log.after(lastEventId)) {
      sink.send(event(sse, missed));
    }
    b.register(sink);
  }

  private synchronized SseBroadcaster broadcaster(Sse given) {
    if (broadcaster == null) {
      sse = given;
      broadcaster = given.newBroadcaster();
      tasks.add(
          scheduler.scheduleAtFixedRate(
              () -> broadcaster.broadcast(given.newEventBuilder().comment("heartbeat").build()),
              15,
              15,
              TimeUnit.SECONDS));
      tasks.add(scheduler.scheduleWithFixedDelay(this::drain, 100, 100, TimeUnit.MILLISECONDS));
    }
    return broadcaster;
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OperationChanged change) {
    if (sse == null) {
      return; // nobody has subscribed yet
    }
    // Only noted here: the writer's thread may be a job's, right after its transaction, where
    // nothing else should run. The scheduler reads and sends the operation.
    pending.add(change.operationId());
  }

  private void drain() {
    // The operations noted so far, each once; a change noted while they are sent waits for the
    // next round, so that it is sent too (skipping it as seen would lose an operation's last
    // state).
    java.util.Set<String> noted = new java.util.LinkedHashSet<>();
    String operationId;
    while ((operationId = pending.poll()) != null) {
      noted.add(operationId);
    }
    // Progress left out by the log's interval is sent once the interval has passed, even when the
    // operation does not change again (a bar never stays behind).
    noted.addAll(log.due(System.currentTimeMillis()));
    for (String id : noted) {
      publish(id);
    }
  }

  private void publish(String operationId) {
    Sse current = sse;
    try {
      CaseOperation operation = operations.find(operationId).orElse(null);
      if (operation == null) {
        return;
      }
      ServiceRoot under = root;
      OperationExtras extras = under == null ? OperationExtras.NONE : downloads.extras(under);
      String data = AllOperationsResource.item(operation, true, extras).toString();
      OperationEventLog.Entry entry =
          log.offer(
              operation.getId(), operation.getStatus().name(), data, System.currentTimeMillis());
      if (entry != null && current != null) {
        broadcaster.broadcast(event(current, entry));
      }
    } catch (RuntimeException e) {
      // The stream is a view; a change it cannot show must never fail the writer.
      LOG.log(Level.WARNING, "operation " + operationId + " could not be streamed", e);
    }
  }

  private static OutboundSseEvent event(Sse sse, OperationEventLog.Entry entry) {
    return sse.newEventBuilder()
        .name(EVENT)
        .id(entry.id())
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(String.class, entry.data())
        .build();
  }

  /**
   * Stops the stream when the application stops. The clients' connections are left to the server,
   * which closes them with the application: closing each of them here waits until the client has
   * read what was sent, and a client that stopped reading (or a half-open connection) would hold
   * the undeployment forever (RESTEasy waits without a limit).
   */
  @PreDestroy
  void close() {
    tasks.forEach(task -> task.cancel(false));
    tasks.clear();
    SseBroadcaster b = broadcaster;
    if (b != null) {
      b.close(false);
    }
  }

  /** For tests: the broadcaster the stream uses. */
  void use(SseBroadcaster given) {
    broadcaster = given;
  }
}
