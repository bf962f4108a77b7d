package io.conversationorchestrator.conversation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two extra sweepers race the scheduled one over the same due rows: SKIP LOCKED hands each row to
 * one of them, so every conversation closes exactly once and has exactly one CLOSED event.
 */
@QuarkusTest
class ConcurrentSweepersTest {
  @Inject Sweeper sweeper;

  @Test
  void everyConversationTransitionsOnce() throws Exception {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(
            api, Fixtures.configuration("race", "{\"SMS\":{\"statusTimeouts\":{\"closed\":2}}}"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      ids.add(Fixtures.createConversation(api, Fixtures.customerConversation(configuration, i)));
    }
    AtomicInteger claimedByWorkers = new AtomicInteger();
    List<CompletableFuture<Void>> workers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      workers.add(CompletableFuture.runAsync(() -> sweepUntilAllClosed(api, claimedByWorkers)));
    }
    CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get();

    try (TopicReader reader = new TopicReader("conversations")) {
      for (String id : ids) {
        var events = reader.await(id, Duration.ofSeconds(30), e -> e.size() >= 2);
        assertThat(events)
            .extracting(e -> e.type() + ":" + e.status())
            .containsExactly("CONVERSATION_CREATED:null", "CONVERSATION_UPDATED:CLOSED");
      }
    }
    assertThat(claimedByWorkers.get()).isPositive();
  }

  private void sweepUntilAllClosed(Api api, AtomicInteger claimed) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> sweepOnce(claimed) && noneActive(api));
  }

  private boolean sweepOnce(AtomicInteger claimed) {
    try {
      claimed.addAndGet(VertxContextSupport.subscribeAndAwait(() -> sweeper.sweep(10)));
      return true;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** The account is this test's own: no ACTIVE conversation left means all are CLOSED. */
  private static boolean noneActive(Api api) {
    return api.request()
        .queryParam("status", "ACTIVE")
        .queryParam("pageSize", 1)
        .get("/v2/Conversations")
        .jsonPath()
        .getList("conversations")
        .isEmpty();
  }
}
