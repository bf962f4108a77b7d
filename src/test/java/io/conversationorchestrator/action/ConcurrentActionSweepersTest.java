package io.conversationorchestrator.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two extra sweepers race the scheduled one over the same timed-out actions: each action fails
 * exactly once, with exactly one ACTION_UPDATED event.
 */
@QuarkusTest
class ConcurrentActionSweepersTest {
  private static final int CONVERSATIONS = 12;
  private static final int ACTIONS_EACH = 3;
  @Inject ActionSweeper sweeper;
  @Inject Pool pool;

  @Test
  void everyTimedOutActionFailsOnce() throws Exception {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    Map<String, List<String>> actionsByConversation = new HashMap<>();
    for (int i = 0; i < CONVERSATIONS; i++) {
      String conversation =
          Fixtures.createConversation(api, Fixtures.customerConversation(configuration, i));
      List<String> actions = new ArrayList<>();
      for (int n = 0; n < ACTIONS_EACH; n++) {
        actions.add(
            api.request()
                .body(
                    Actions.sendMessage(
                        "{\"address\":\"" + Actions.AGENT_SMS + "\",\"channel\":\"SMS\"}",
                        "{\"address\":\"+1555%07d\",\"channel\":\"SMS\"}".formatted(i),
                        "message " + n))
                .post("/v2/Conversations/" + conversation + "/Actions")
                .then()
                .statusCode(202)
                .extract()
                .path("id"));
      }
      actionsByConversation.put(conversation, actions);
    }
    execute(
        "update action set expires_at = now() - interval '1 second' where account_sid = $1",
        api.accountSid());
    List<CompletableFuture<Void>> workers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      workers.add(CompletableFuture.runAsync(() -> sweepUntilNonePending(api)));
    }
    CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get();

    try (TopicReader reader = new TopicReader("conversations")) {
      actionsByConversation.forEach(
          (conversation, actions) -> {
            var ended =
                reader
                    .await(
                        conversation,
                        Duration.ofSeconds(30),
                        events -> updates(events).size() >= ACTIONS_EACH)
                    .stream()
                    .filter(e -> e.type().equals("ACTION_UPDATED"))
                    .toList();
            assertThat(ended)
                .extracting(TopicReader.Event::ceSubject)
                .containsExactlyInAnyOrderElementsOf(actions);
            assertThat(ended)
                .extracting(e -> e.status() + ":" + e.reason())
                .containsOnly("FAILED:TIMER");
          });
    }
  }

  private static List<TopicReader.Event> updates(List<TopicReader.Event> events) {
    return events.stream().filter(e -> e.type().equals("ACTION_UPDATED")).toList();
  }

  private void sweepUntilNonePending(Api api) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> sweepOnce() && pending(api) == 0);
  }

  private boolean sweepOnce() {
    try {
      VertxContextSupport.subscribeAndAwait(() -> sweeper.sweep(4));
      return true;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private long pending(Api api) {
    return pool.preparedQuery(
            "select count(*) from action where account_sid = $1 and status = 'PENDING'")
        .execute(Tuple.of(api.accountSid()))
        .await()
        .atMost(Duration.ofSeconds(10))
        .iterator()
        .next()
        .getLong(0);
  }

  private void execute(String sql, String accountSid) {
    pool.preparedQuery(sql).execute(Tuple.of(accountSid)).await().atMost(Duration.ofSeconds(10));
  }
}
