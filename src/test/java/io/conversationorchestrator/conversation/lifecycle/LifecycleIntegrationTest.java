package io.conversationorchestrator.conversation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.TopicReader;
import io.conversationorchestrator.support.TopicReader.Event;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Timers fire at their deadlines (timeout unit = SECONDS in tests) and every change reaches Kafka.
 */
@QuarkusTest
class LifecycleIntegrationTest {
  private TopicReader conversations;

  @BeforeEach
  void read() {
    conversations = new TopicReader("conversations");
  }

  @AfterEach
  void close() {
    conversations.close();
  }

  @Test
  void activeInactiveClosedOnTimeWithReactivationInBetween() {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(
            api,
            Fixtures.configuration(
                "timers", "{\"SMS\":{\"statusTimeouts\":{\"inactive\":2,\"closed\":6}}}"));
    var created =
        api.request()
            .body(Fixtures.seedConversation(configuration))
            .post("/v2/Conversations")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String id = created.getString("id");
    Instant inactiveAt = Instant.parse(created.getString("inactiveAt"));
    assertThat(Instant.parse(created.getString("closesAt"))).isEqualTo(inactiveAt.plusSeconds(4));

    awaitStatus(api, id, "INACTIVE");

    api.request()
        .body(Fixtures.textCommunication("+15551234567", "+15550001111", "still there?"))
        .post("/v2/Conversations/" + id + "/Communications")
        .then()
        .statusCode(201);
    var reactivated = api.request().get("/v2/Conversations/" + id).then().extract().jsonPath();
    assertThat(reactivated.getString("status")).isEqualTo("ACTIVE");
    Instant closesAt = Instant.parse(reactivated.getString("closesAt"));

    awaitStatus(api, id, "INACTIVE");
    awaitStatus(api, id, "CLOSED");

    List<Event> events = conversations.await(id, Duration.ofSeconds(15), e -> e.size() >= 6);
    assertThat(events)
        .extracting(e -> e.type() + ":" + e.status() + ":" + e.reason())
        .containsExactly(
            "CONVERSATION_CREATED:null:null",
            "CONVERSATION_UPDATED:INACTIVE:TIMER",
            "COMMUNICATION_CREATED:null:null",
            "CONVERSATION_UPDATED:ACTIVE:ACTIVITY",
            "CONVERSATION_UPDATED:INACTIVE:TIMER",
            "CONVERSATION_UPDATED:CLOSED:TIMER");
    // never before the deadline; how late a timer fires is the sweep-lag metric's, not a test's
    assertThat(Instant.parse(events.get(1).ceTime())).isAfterOrEqualTo(inactiveAt);
    assertThat(Instant.parse(events.get(5).ceTime())).isAfterOrEqualTo(closesAt);
    assertThat(events.get(1).value().path("previousStatus").asText()).isEqualTo("ACTIVE");
    assertThat(events.get(5).value().path("data").path("status").asText()).isEqualTo("CLOSED");
    Event first = events.get(0);
    assertThat(first.ceType()).isEqualTo("CONVERSATION_CREATED");
    assertThat(first.ceSubject()).isEqualTo(id);
    assertThat(first.ceSource()).isEqualTo("/conversation-orchestrator");
    assertThat(first.ceId()).isNotBlank();
    assertThat(Instant.parse(first.ceTime())).isNotNull();
    assertThat(events).extracting(Event::ceId).doesNotHaveDuplicates();
  }

  @Test
  void onlyClosedTimeoutGoesStraightToClosedAndApiCloseSkipsInactive() {
    Api api = Api.newAccount();
    String direct =
        Fixtures.createConfiguration(
            api, Fixtures.configuration("direct", "{\"SMS\":{\"statusTimeouts\":{\"closed\":1}}}"));
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(direct));
    awaitStatus(api, id, "CLOSED");
    String slow = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String closedByApi = Fixtures.createConversation(api, Fixtures.seedConversation(slow));
    api.request()
        .body("{\"status\":\"CLOSED\"}")
        .patch("/v2/Conversations/" + closedByApi)
        .then()
        .statusCode(200);

    assertThat(conversations.await(id, Duration.ofSeconds(10), e -> e.size() >= 2))
        .extracting(e -> e.type() + ":" + e.status() + ":" + e.reason())
        .containsExactly("CONVERSATION_CREATED:null:null", "CONVERSATION_UPDATED:CLOSED:TIMER");
    assertThat(conversations.await(closedByApi, Duration.ofSeconds(10), e -> e.size() >= 2))
        .extracting(e -> e.status() + ":" + e.reason())
        .containsExactly("null:null", "CLOSED:API");
  }

  @Test
  void configurationEventsAreKeyedByConfiguration() {
    Api api = Api.newAccount();
    try (TopicReader configurations = new TopicReader("configurations")) {
      String id = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
      api.request().body("{\"description\":\"v2\"}").patch("/v2/ControlPlane/Configurations/" + id);
      api.request().delete("/v2/ControlPlane/Configurations/" + id);
      assertThat(configurations.await(id, Duration.ofSeconds(10), e -> e.size() >= 3))
          .extracting(Event::type)
          .containsExactly(
              "CONFIGURATION_CREATED", "CONFIGURATION_UPDATED", "CONFIGURATION_DELETED");
    }
  }

  private static void awaitStatus(Api api, String id, String status) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> status.equals(api.request().get("/v2/Conversations/" + id).path("status")));
  }
}
