package io.conversationorchestrator.action;

import static io.conversationorchestrator.support.Errors.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An action nobody reports on expires {@code orchestrator.actions.timeout} (5 minutes) after its
 * creation; the sweeper then fails it. The test moves the deadline instead of waiting for it.
 */
@QuarkusTest
class ActionTimeoutTest {
  @Inject Pool pool;

  @Test
  void anActionPastItsDeadlineIsFailedOnceAsTimedOut() throws Exception {
    Actions a = Actions.create(Api.newAccount());
    Instant before = Instant.now();
    String id = a.send(a.agentToCustomer("Nobody answers"));
    String created = a.fetch(id).extract().path("createdAt");
    try (TopicReader commands = new TopicReader("conversation-actions");
        TopicReader conversations = new TopicReader("conversations")) {
      JsonNode command =
          commands
              .await(a.conversation(), Duration.ofSeconds(30), e -> !e.isEmpty())
              .get(0)
              .value();
      assertThat(Instant.parse(command.path("data").path("expiresAt").asText()))
          .isEqualTo(Instant.parse(created).plus(Duration.ofMinutes(5)));
      assertThat(Instant.parse(created)).isAfterOrEqualTo(before.minusSeconds(1));
      expireNow(id); // instead of waiting five minutes
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> "FAILED".equals(a.fetch(id).extract().path("status")));
      a.fetch(id).body("failureReason", equalTo("timed out")).body("completedAt", notNullValue());
      List<TopicReader.Event> ended =
          conversations.await(
              a.conversation(),
              Duration.ofSeconds(30),
              events -> events.stream().anyMatch(e -> e.type().equals("ACTION_UPDATED")));
      assertThat(ended.stream().filter(e -> e.type().equals("ACTION_UPDATED")))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.status()).isEqualTo("FAILED");
                assertThat(e.reason()).isEqualTo("TIMER");
                assertThat(e.value().path("previousStatus").asText()).isEqualTo("PENDING");
                assertThat(e.ceSubject()).isEqualTo(id);
              });
    }
    assertErrorBody(
        a.report(id, Actions.completed("SMlate")),
        409,
        "Action " + id + " already ended: FAILED (timed out)");
  }

  private void expireNow(String action) {
    pool.preparedQuery("update action set expires_at = now() - interval '1 second' where id = $1")
        .execute(Tuple.of(ResourceType.ACTION.parse(action).orElseThrow()))
        .await()
        .atMost(Duration.ofSeconds(10));
  }
}
