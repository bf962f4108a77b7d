package io.conversationorchestrator.conversation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two extra sweepers race the scheduled one over the same due rows: SKIP LOCKED hands each row to
 * one of them, so every conversation closes exactly once and has exactly one CLOSED event; the same
 * for snooze ends and closing warnings.
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

  /**
   * The extension deadlines share the one indexed deadline: every snooze ends once, every SLA
   * breach and closing warning is given once, every conversation closes once, whichever sweeper
   * claims the row.
   */
  @Test
  void snoozeEndsSlaBreachesAndClosingWarningsAreSweptOnce() throws Exception {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(
            api,
            Fixtures.configuration(
                "race-extensions",
                // deadlines far apart (1 s SLA, warning 15 s before a 30 s close), so the order
                // asserted below holds even on a loaded machine whose sweeps run seconds late
                "{\"SMS\":{\"statusTimeouts\":{\"closed\":30,\"warnBeforeClose\":15},"
                    + "\"responseSla\":{\"firstResponse\":1}}}"));
    List<String> plain = new ArrayList<>();
    List<String> snoozed = new ArrayList<>();
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String id = Fixtures.createConversation(api, Fixtures.customerConversation(configuration, i));
      if (i % 3 == 0) {
        api.request()
            .body("{\"snoozedUntil\":\"%s\"}".formatted(Instant.now().plusSeconds(5)))
            .patch("/v2/Conversations/" + id)
            .then()
            .statusCode(200);
        snoozed.add(id);
      } else if (i % 3 == 1) {
        api.request()
            .body(Fixtures.textCommunication("+1555%07d".formatted(i), "+15550001111", "hello?"))
            .post("/v2/Conversations/" + id + "/Communications")
            .then()
            .statusCode(201);
        waiting.add(id);
      } else {
        plain.add(id);
      }
    }
    AtomicInteger claimedByWorkers = new AtomicInteger();
    List<CompletableFuture<Void>> workers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      workers.add(CompletableFuture.runAsync(() -> sweepUntilAllClosed(api, claimedByWorkers)));
    }
    CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get();

    try (TopicReader reader = new TopicReader("conversations")) {
      for (String id : plain) {
        assertThat(reader.await(id, Duration.ofSeconds(30), e -> e.size() >= 3))
            .extracting(e -> e.type() + ":" + e.status() + ":" + e.reason())
            .containsExactly(
                "CONVERSATION_CREATED:null:null",
                "CONVERSATION_CLOSE_WARNING:null:null",
                "CONVERSATION_UPDATED:CLOSED:TIMER");
      }
      for (String id : waiting) {
        assertThat(reader.await(id, Duration.ofSeconds(30), e -> e.size() >= 5))
            .extracting(e -> e.type() + ":" + e.status() + ":" + e.reason())
            .containsExactly(
                "CONVERSATION_CREATED:null:null",
                "COMMUNICATION_CREATED:null:null",
                "CONVERSATION_SLA_BREACHED:null:null",
                "CONVERSATION_CLOSE_WARNING:null:null",
                "CONVERSATION_UPDATED:CLOSED:TIMER");
      }
      for (String id : snoozed) {
        assertThat(reader.await(id, Duration.ofSeconds(30), e -> e.size() >= 5))
            .extracting(e -> e.type() + ":" + e.status() + ":" + e.reason())
            .containsExactly(
                "CONVERSATION_CREATED:null:null",
                "CONVERSATION_UPDATED:INACTIVE:SNOOZED",
                "CONVERSATION_UPDATED:ACTIVE:SNOOZE_ENDED",
                "CONVERSATION_CLOSE_WARNING:null:null",
                "CONVERSATION_UPDATED:CLOSED:TIMER");
      }
    }
    assertThat(claimedByWorkers.get()).isPositive();
  }

  private void sweepUntilAllClosed(Api api, AtomicInteger claimed) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> sweepOnce(claimed) && noneOpen(api));
  }

  private boolean sweepOnce(AtomicInteger claimed) {
    try {
      claimed.addAndGet(VertxContextSupport.subscribeAndAwait(() -> sweeper.sweep(10)));
      return true;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** The account is this test's own: no ACTIVE or INACTIVE one left means all are CLOSED. */
  private static boolean noneOpen(Api api) {
    return none(api, "ACTIVE") && none(api, "INACTIVE");
  }

  private static boolean none(Api api, String status) {
    return api.request()
        .queryParam("status", status)
        .queryParam("pageSize", 1)
        .get("/v2/Conversations")
        .jsonPath()
        .getList("conversations")
        .isEmpty();
  }
}
