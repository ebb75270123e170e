package org.caseops.api.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OperationEventsTest {

  /**
   * A broadcaster whose cascading close waits for every client, as RESTEasy's does: a client that
   * stopped reading would hold the application's undeployment forever.
   */
  static final class WaitingBroadcaster implements SseBroadcaster {
    final List<String> calls = new ArrayList<>();

    @Override
    public void close() {
      throw new AssertionError("a cascading close waits for every client to read");
    }

    @Override
    public void close(boolean cascading) {
      if (cascading) {
        close();
      }
      calls.add("close(false)");
    }

    @Override
    public void onError(BiConsumer<SseEventSink, Throwable> onError) {}

    @Override
    public void onClose(Consumer<SseEventSink> onClose) {}

    @Override
    public void register(SseEventSink sink) {}

    @Override
    public CompletionStage<?> broadcast(OutboundSseEvent event) {
      return CompletableFuture.completedFuture(null);
    }
  }

  @Test
  void stoppingTheApplicationClosesTheBroadcasterWithoutWaitingForItsClients() {
    OperationEvents events = new OperationEvents();
    WaitingBroadcaster broadcaster = new WaitingBroadcaster();
    events.use(broadcaster);

    events.close();

    assertEquals(List.of("close(false)"), broadcaster.calls);
  }

  @Test
  void stoppingAnApplicationNobodySubscribedToIsQuiet() {
    new OperationEvents().close();
  }
}
