package io.conversationorchestrator.conversation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.Callbacks;
import io.conversationorchestrator.support.Errors;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Timer bases (our extension, {@code statusTimeouts.basis}): whose communications drive the timers,
 * by the author's participant type. The seed conversation has a CUSTOMER (+15551234567) and a
 * HUMAN_AGENT (+15550001111) on SMS. Timeout unit = SECONDS in tests.
 */
@QuarkusTest
class TimerBasisTest {
  private static final String CUSTOMER = "+15551234567";
  private static final String AGENT = "+15550001111";
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
  void awaitingCustomerStopsTheTimersWhileTheCustomerWaitsOnAnAgent() throws Exception {
    Api api = Api.newAccount();
    try (CallbackSink sink = new CallbackSink()) {
      String callback = "{\"url\":\"%s\",\"method\":\"POST\"}".formatted(sink.url("/basis"));
      String timers =
          "{\"SMS\":{\"statusTimeouts\":{\"inactive\":2,\"closed\":600,\"basis\":\"AWAITING_CUSTOMER\"}}}";
      String configuration =
          Fixtures.createConfiguration(api, Callbacks.withCallbacks(timers, callback));
      String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
      SnoozeTest.awaitStatus(api, id, "INACTIVE");

      JsonPath waiting = communicate(api, id, CUSTOMER, AGENT);
      assertThat(waiting.getString("status")).isEqualTo("ACTIVE");
      assertThat(waiting.getString("inactiveAt")).isNull();
      assertThat(waiting.getString("lastCustomerActivityAt")).isNotNull();
      assertThat(waiting.getString("lastAgentActivityAt")).isNull();
      Instant created = Instant.parse(waiting.getString("createdAt"));
      assertThat(Instant.parse(waiting.getString("closesAt")))
          .isAfter(created.plus(Duration.ofDays(1000)));

      JsonPath answered = communicate(api, id, AGENT, CUSTOMER);
      Instant agentAt = Instant.parse(answered.getString("lastAgentActivityAt"));
      assertThat(Instant.parse(answered.getString("inactiveAt"))).isEqualTo(agentAt.plusSeconds(2));
      SnoozeTest.awaitStatus(api, id, "INACTIVE");

      assertThat(conversations.await(id, Duration.ofSeconds(15), e -> e.size() >= 6))
          .extracting(e -> e.type() + ":" + e.status() + ":" + e.reason())
          .containsExactly(
              "CONVERSATION_CREATED:null:null",
              "CONVERSATION_UPDATED:INACTIVE:TIMER",
              "COMMUNICATION_CREATED:null:null",
              "CONVERSATION_UPDATED:ACTIVE:ACTIVITY",
              "COMMUNICATION_CREATED:null:null",
              "CONVERSATION_UPDATED:INACTIVE:TIMER");
      assertThat(
              Awaitility.await()
                  .atMost(Duration.ofSeconds(30))
                  .until(() -> sink.at("/basis"), r -> r.size() >= 6))
          .extracting(r -> String.valueOf(JsonPath.from(r.body()).getString("reason")))
          .containsExactly("null", "TIMER", "null", "ACTIVITY", "null", "TIMER");
    }
  }

  @Test
  void customerBasisIgnoresAgentMessages() {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(
            api,
            Fixtures.configuration(
                "basis",
                "{\"SMS\":{\"statusTimeouts\":{\"inactive\":2,\"closed\":600,\"basis\":\"CUSTOMER\"}}}"));
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    SnoozeTest.awaitStatus(api, id, "INACTIVE");
    JsonPath afterAgent = communicate(api, id, AGENT, CUSTOMER);
    assertThat(afterAgent.getString("status")).isEqualTo("INACTIVE");
    assertThat(afterAgent.getString("lastAgentActivityAt")).isNotNull();
    JsonPath afterCustomer = communicate(api, id, CUSTOMER, AGENT);
    assertThat(afterCustomer.getString("status")).isEqualTo("ACTIVE");
    Instant customerAt = Instant.parse(afterCustomer.getString("lastCustomerActivityAt"));
    assertThat(Instant.parse(afterCustomer.getString("closesAt")))
        .isEqualTo(customerAt.plusSeconds(600));
    assertThat(conversations.await(id, Duration.ofSeconds(15), e -> e.size() >= 5))
        .extracting(e -> e.type() + ":" + e.status() + ":" + e.reason())
        .containsExactly(
            "CONVERSATION_CREATED:null:null",
            "CONVERSATION_UPDATED:INACTIVE:TIMER",
            "COMMUNICATION_CREATED:null:null",
            "COMMUNICATION_CREATED:null:null",
            "CONVERSATION_UPDATED:ACTIVE:ACTIVITY");
  }

  @Test
  void anUnknownBasisIsRefused() {
    Api api = Api.newAccount();
    Errors.assertErrorBody(
        api.request()
            .body(
                Fixtures.configuration(
                    "basis", "{\"SMS\":{\"statusTimeouts\":{\"closed\":6,\"basis\":\"NOBODY\"}}}"))
            .post("/v2/ControlPlane/Configurations")
            .then(),
        400,
        "Invalid value for 'channelSettings.SMS.statusTimeouts.basis'");
  }

  private static JsonPath communicate(Api api, String id, String from, String to) {
    api.request()
        .body(Fixtures.textCommunication(from, to, "hello"))
        .post("/v2/Conversations/" + id + "/Communications")
        .then()
        .statusCode(201);
    return api.request().get("/v2/Conversations/" + id).jsonPath();
  }
}
