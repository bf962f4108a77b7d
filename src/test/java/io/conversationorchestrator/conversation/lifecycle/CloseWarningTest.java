package io.conversationorchestrator.conversation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.Callbacks;
import io.conversationorchestrator.support.Errors;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.TopicReader;
import io.conversationorchestrator.support.TopicReader.Event;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Closing warnings (our extension): {@code statusTimeouts.warnBeforeClose} before the close
 * deadline, one CONVERSATION_CLOSE_WARNING per deadline on Kafka and to status callbacks; activity
 * that moves the deadline re-arms it. Timeout unit = SECONDS in tests.
 */
@QuarkusTest
class CloseWarningTest {
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
  void oneWarningBeforeTheCloseOnKafkaAndToCallbacks() throws Exception {
    Api api = Api.newAccount();
    try (CallbackSink sink = new CallbackSink()) {
      String callback = "{\"url\":\"%s\",\"method\":\"POST\"}".formatted(sink.url("/warn"));
      String timers = "{\"SMS\":{\"statusTimeouts\":{\"closed\":4,\"warnBeforeClose\":2}}}";
      String configuration =
          Fixtures.createConfiguration(api, Callbacks.withCallbacks(timers, callback));
      JsonPath created =
          api.request()
              .body(Fixtures.seedConversation(configuration))
              .post("/v2/Conversations")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath();
      String id = created.getString("id");
      Instant closesAt = Instant.parse(created.getString("closesAt"));
      assertThat(Instant.parse(created.getString("closeWarningAt")))
          .isEqualTo(closesAt.minusSeconds(2));

      List<Event> events = conversations.await(id, Duration.ofSeconds(15), e -> e.size() >= 3);
      assertThat(events)
          .extracting(e -> e.type() + ":" + e.status() + ":" + e.reason())
          .containsExactly(
              "CONVERSATION_CREATED:null:null",
              "CONVERSATION_CLOSE_WARNING:null:null",
              "CONVERSATION_UPDATED:CLOSED:TIMER");
      Event warning = events.get(1);
      assertThat(Instant.parse(warning.value().path("data").path("closesAt").asText()))
          .isEqualTo(closesAt);
      assertThat(warning.value().path("data").path("closeWarningAt").isNull()).isTrue();
      assertThat(Instant.parse(warning.ceTime())).isAfterOrEqualTo(closesAt.minusSeconds(2));
      assertThat(
              Awaitility.await()
                  .atMost(Duration.ofSeconds(30))
                  .until(() -> sink.at("/warn"), r -> r.size() >= 3))
          .extracting(r -> JsonPath.from(r.body()).getString("eventType"))
          .containsExactly(
              "CONVERSATION_CREATED", "CONVERSATION_CLOSE_WARNING", "CONVERSATION_UPDATED");
    }
  }

  @Test
  void activityThatMovesTheDeadlineRearmsTheWarning() {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(
            api,
            Fixtures.configuration(
                "warn", "{\"SMS\":{\"statusTimeouts\":{\"closed\":60,\"warnBeforeClose\":58}}}"));
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    Instant firstClose =
        Instant.parse(
            conversations
                .await(id, Duration.ofSeconds(15), e -> e.size() >= 2)
                .get(1)
                .value()
                .path("data")
                .path("closesAt")
                .asText());
    api.request()
        .body(Fixtures.textCommunication("+15551234567", "+15550001111", "one more thing"))
        .post("/v2/Conversations/" + id + "/Communications")
        .then()
        .statusCode(201);

    List<Event> events = conversations.await(id, Duration.ofSeconds(15), e -> e.size() >= 4);
    assertThat(events)
        .extracting(Event::type)
        .containsExactly(
            "CONVERSATION_CREATED",
            "CONVERSATION_CLOSE_WARNING",
            "COMMUNICATION_CREATED",
            "CONVERSATION_CLOSE_WARNING");
    Instant secondClose =
        Instant.parse(events.get(3).value().path("data").path("closesAt").asText());
    assertThat(secondClose).isAfter(firstClose);
    api.request().body("{\"status\":\"CLOSED\"}").patch("/v2/Conversations/" + id);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"inactive":1,"closed":10,"warnBeforeClose":10} | warnBeforeClose (10) must be less than closed (10)
          {"inactive":1,"warnBeforeClose":1}               | warnBeforeClose needs closed
          {"closed":10,"warnBeforeClose":0}                | must be greater than or equal to 1
          """)
  void invalidWarningsAreRefusedOnConfigurationsAndOverrides(String timeouts, String message) {
    Api api = Api.newAccount();
    String settings = "{\"SMS\":{\"statusTimeouts\":%s}}".formatted(timeouts);
    Errors.assertErrorBody(
        api.request()
            .body(Fixtures.configuration("warn", settings))
            .post("/v2/ControlPlane/Configurations")
            .then(),
        400,
        "Invalid value for 'channelSettings.SMS.statusTimeouts");
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String body =
        """
        {"configurationId":"%s","configuration":{"channelSettings":%s}}"""
            .formatted(configuration, settings);
    String answer =
        api.request()
            .body(body)
            .post("/v2/Conversations")
            .then()
            .statusCode(400)
            .extract()
            .path("message");
    assertThat(answer).contains(message);
  }

  @Test
  void aConversationOverrideCanAskForAWarning() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String body =
        """
        {"configurationId":"%s","configuration":{"channelSettings":
          {"SMS":{"statusTimeouts":{"closed":600,"warnBeforeClose":60}}}}}"""
            .formatted(configuration);
    JsonPath created =
        api.request()
            .body(body)
            .post("/v2/Conversations")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    assertThat(created.getInt("configuration.channelSettings.SMS.statusTimeouts.warnBeforeClose"))
        .isEqualTo(60);
    assertThat(Instant.parse(created.getString("closeWarningAt")))
        .isEqualTo(Instant.parse(created.getString("closesAt")).minusSeconds(60));
  }
}
