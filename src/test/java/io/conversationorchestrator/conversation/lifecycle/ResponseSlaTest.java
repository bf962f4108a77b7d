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
 * Response SLAs (our extension, {@code channelSettings.<CH>.responseSla}): one
 * CONVERSATION_SLA_BREACHED per unanswered customer message, on Kafka and to status callbacks.
 * Timeout unit = SECONDS in tests.
 */
@QuarkusTest
class ResponseSlaTest {
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
  void firstAndNextResponseBreachesOncePerUnansweredMessage() throws Exception {
    Api api = Api.newAccount();
    try (CallbackSink sink = new CallbackSink()) {
      String callback = "{\"url\":\"%s\",\"method\":\"POST\"}".formatted(sink.url("/sla"));
      String settings =
          """
          {"SMS":{"statusTimeouts":{"closed":600},"responseSla":{"firstResponse":2,"nextResponse":1}}}""";
      String configuration =
          Fixtures.createConfiguration(api, Callbacks.withCallbacks(settings, callback));
      String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));

      String first = communicate(api, id, CUSTOMER, AGENT);
      JsonPath waiting = api.request().get("/v2/Conversations/" + id).jsonPath();
      Instant customerAt = Instant.parse(waiting.getString("lastCustomerActivityAt"));
      assertThat(Instant.parse(waiting.getString("slaDueAt"))).isEqualTo(customerAt.plusSeconds(2));
      Event firstBreach =
          conversations.await(id, Duration.ofSeconds(15), e -> e.size() >= 3).get(2);
      assertThat(firstBreach.type()).isEqualTo("CONVERSATION_SLA_BREACHED");
      assertThat(firstBreach.value().path("sla").path("type").asText()).isEqualTo("FIRST_RESPONSE");
      assertThat(firstBreach.value().path("sla").path("communicationId").asText()).isEqualTo(first);
      assertThat(firstBreach.value().path("sla").path("waitedSeconds").asLong())
          .isGreaterThanOrEqualTo(2);

      communicate(api, id, AGENT, CUSTOMER);
      assertThat(api.request().get("/v2/Conversations/" + id).jsonPath().getString("slaDueAt"))
          .isNull();
      String next = communicate(api, id, CUSTOMER, AGENT);

      List<Event> events = conversations.await(id, Duration.ofSeconds(15), e -> e.size() >= 6);
      assertThat(events)
          .extracting(Event::type)
          .containsExactly(
              "CONVERSATION_CREATED",
              "COMMUNICATION_CREATED",
              "CONVERSATION_SLA_BREACHED",
              "COMMUNICATION_CREATED",
              "COMMUNICATION_CREATED",
              "CONVERSATION_SLA_BREACHED");
      assertThat(events.get(5).value().path("sla").path("type").asText())
          .isEqualTo("NEXT_RESPONSE");
      assertThat(events.get(5).value().path("sla").path("communicationId").asText())
          .isEqualTo(next);
      assertThat(
              Awaitility.await()
                  .atMost(Duration.ofSeconds(30))
                  .until(() -> sink.at("/sla"), r -> r.size() >= 6))
          .extracting(r -> JsonPath.from(r.body()).getString("eventType"))
          .filteredOn("CONVERSATION_SLA_BREACHED"::equals)
          .hasSize(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"firstResponse":0}               | Invalid value for 'channelSettings.SMS.responseSla.firstResponse'
          {"nextResponse":"soon"}           | Invalid value for 'channelSettings.SMS.responseSla.nextResponse'
          {"firstResponse":5,"breach":true} | 'channelSettings.SMS.responseSla.breach'
          """)
  void invalidSlasAreRefused(String sla, String message) {
    Api api = Api.newAccount();
    String settings = "{\"SMS\":{\"statusTimeouts\":{\"closed\":60},\"responseSla\":%s}}";
    String answer =
        api.request()
            .body(Fixtures.configuration("sla", settings.formatted(sla)))
            .post("/v2/ControlPlane/Configurations")
            .then()
            .statusCode(400)
            .extract()
            .path("message");
    assertThat(answer).contains(message);
  }

  @Test
  void aConversationOverrideSetsItsOwnSla() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String body =
        """
        {"configurationId":"%s","configuration":{"channelSettings":
          {"SMS":{"statusTimeouts":{"closed":600},"responseSla":{"firstResponse":30}}}}}"""
            .formatted(configuration);
    JsonPath created =
        api.request()
            .body(body)
            .post("/v2/Conversations")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    assertThat(created.getInt("configuration.channelSettings.SMS.responseSla.firstResponse"))
        .isEqualTo(30);
    assertThat(created.getMap("configuration.channelSettings.SMS.responseSla"))
        .doesNotContainKey("nextResponse");
    Errors.assertErrorBody(
        api.request()
            .body(body.replace("\"firstResponse\":30", "\"firstResponse\":-1"))
            .post("/v2/Conversations")
            .then(),
        400,
        "Invalid value for 'configuration.channelSettings.SMS.responseSla.firstResponse'");
  }

  private static String communicate(Api api, String id, String from, String to) {
    return api.request()
        .body(Fixtures.textCommunication(from, to, "hello"))
        .post("/v2/Conversations/" + id + "/Communications")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
