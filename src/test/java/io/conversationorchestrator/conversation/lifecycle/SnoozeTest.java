package io.conversationorchestrator.conversation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Snooze (our extension): PATCH {@code snoozedUntil}/{@code wakeOnActivity}; INACTIVE at once with
 * reason SNOOZED, ACTIVE at its end with SNOOZE_ENDED, on the API, on Kafka and to status
 * callbacks. Timeout unit = SECONDS in tests.
 */
@QuarkusTest
class SnoozeTest {
  private static final String TIMERS =
      "{\"SMS\":{\"statusTimeouts\":{\"inactive\":30,\"closed\":60}}}";
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
  void snoozePausesTheCloseTimerAndItsEndRestartsTheTimers() throws Exception {
    Api api = Api.newAccount();
    try (CallbackSink sink = new CallbackSink()) {
      String callback = "{\"url\":\"%s\",\"method\":\"POST\"}".formatted(sink.url("/snooze"));
      String configuration =
          Fixtures.createConfiguration(api, Callbacks.withCallbacks(TIMERS, callback));
      String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
      Instant until = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);

      JsonPath snoozed = patch(api, id, "{\"snoozedUntil\":\"%s\"}".formatted(until), 200);
      assertThat(snoozed.getString("status")).isEqualTo("INACTIVE");
      assertThat(Instant.parse(snoozed.getString("snoozedUntil"))).isEqualTo(until);
      assertThat(snoozed.getBoolean("wakeOnActivity")).isTrue();
      assertThat(snoozed.getString("closesAt")).isNull();
      assertThat(snoozed.getString("inactiveAt")).isNull();

      JsonPath woken = awaitStatus(api, id, "ACTIVE");
      assertThat(woken.getString("snoozedUntil")).isNull();
      // the timers restarted when the snooze ended, not before
      assertThat(Instant.parse(woken.getString("closesAt")))
          .isAfterOrEqualTo(until.plusSeconds(60));

      List<Event> events = conversations.await(id, Duration.ofSeconds(30), e -> e.size() >= 3);
      assertThat(events)
          .extracting(e -> e.type() + ":" + e.status() + ":" + e.reason())
          .containsExactly(
              "CONVERSATION_CREATED:null:null",
              "CONVERSATION_UPDATED:INACTIVE:SNOOZED",
              "CONVERSATION_UPDATED:ACTIVE:SNOOZE_ENDED");
      assertThat(Instant.parse(events.get(2).ceTime())).isAfterOrEqualTo(until);
      assertThat(
              Awaitility.await()
                  .atMost(Duration.ofSeconds(30))
                  .until(() -> sink.at("/snooze"), r -> r.size() >= 3))
          .extracting(r -> reason(r.body()))
          .containsExactly("null", "SNOOZED", "SNOOZE_ENDED");
    }
  }

  @Test
  void aCommunicationWakesTheConversationUnlessItSleepsThroughActivity() {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(api, Fixtures.configuration("snooze", TIMERS));
    String waking =
        Fixtures.createConversation(api, Fixtures.customerConversation(configuration, 1));
    String sleeping =
        Fixtures.createConversation(api, Fixtures.customerConversation(configuration, 2));
    String later = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString();
    patch(api, waking, "{\"snoozedUntil\":\"%s\"}".formatted(later), 200);
    patch(
        api, sleeping, "{\"snoozedUntil\":\"%s\",\"wakeOnActivity\":false}".formatted(later), 200);

    communicate(api, waking, "+15550000001");
    communicate(api, sleeping, "+15550000002");

    api.request()
        .get("/v2/Conversations/" + waking)
        .then()
        .body("status", equalTo("ACTIVE"))
        .body("snoozedUntil", nullValue());
    api.request()
        .get("/v2/Conversations/" + sleeping)
        .then()
        .body("status", equalTo("INACTIVE"))
        .body("wakeOnActivity", equalTo(false))
        .body("snoozedUntil", equalTo(later));
    JsonPath wokenByApi = patch(api, sleeping, "{\"snoozedUntil\":null}", 200);
    assertThat(wokenByApi.getString("status")).isEqualTo("ACTIVE");

    assertThat(conversations.await(waking, Duration.ofSeconds(15), e -> e.size() >= 4))
        .extracting(e -> e.type() + ":" + e.status() + ":" + e.reason())
        .containsExactly(
            "CONVERSATION_CREATED:null:null",
            "CONVERSATION_UPDATED:INACTIVE:SNOOZED",
            "COMMUNICATION_CREATED:null:null",
            "CONVERSATION_UPDATED:ACTIVE:ACTIVITY");
    assertThat(conversations.await(sleeping, Duration.ofSeconds(15), e -> e.size() >= 4))
        .extracting(e -> e.type() + ":" + e.status() + ":" + e.reason())
        .containsExactly(
            "CONVERSATION_CREATED:null:null",
            "CONVERSATION_UPDATED:INACTIVE:SNOOZED",
            "COMMUNICATION_CREATED:null:null",
            "CONVERSATION_UPDATED:ACTIVE:SNOOZE_ENDED");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"snoozedUntil":"2020-01-01T00:00:00Z"}                      | 400 | Invalid value for 'snoozedUntil': must be in the future
          {"snoozedUntil":"2999-01-01T00:00:00Z"}                      | 400 | Invalid value for 'snoozedUntil': must not be after the conversation's maximum lifespan
          {"snoozedUntil":"tomorrow"}                                  | 400 | Invalid value for 'snoozedUntil': expected an ISO 8601 UTC timestamp or null
          {"snoozedUntil":42}                                          | 400 | Invalid value for 'snoozedUntil': expected an ISO 8601 UTC timestamp or null
          {"wakeOnActivity":"yes"}                                     | 400 | Invalid value for 'wakeOnActivity': expected true or false
          {"snoozedUntil":"2999-01-01T00:00:00Z","status":"ACTIVE"}    | 400 | Give either 'status' or 'snoozedUntil'/'wakeOnActivity'
          """)
  void invalidSnoozesAreRefusedAndChangeNothing(String body, int status, String message) {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(api, Fixtures.configuration("snooze", TIMERS));
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    Errors.assertErrorBody(
        api.request().body(body).patch("/v2/Conversations/" + id).then(), status, message);
    api.request()
        .get("/v2/Conversations/" + id)
        .then()
        .body("status", equalTo("ACTIVE"))
        .body("snoozedUntil", nullValue())
        .body("wakeOnActivity", equalTo(true));
  }

  @Test
  void aClosedConversationCannotBeSnoozed() {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(api, Fixtures.configuration("snooze", TIMERS));
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    patch(api, id, "{\"status\":\"CLOSED\"}", 200);
    String later = Instant.now().plusSeconds(3600).toString();
    Errors.assertErrorBody(
        api.request()
            .body("{\"snoozedUntil\":\"%s\"}".formatted(later))
            .patch("/v2/Conversations/" + id)
            .then(),
        409,
        "The conversation is CLOSED");
  }

  private static JsonPath patch(Api api, String id, String body, int status) {
    return api.request()
        .body(body)
        .patch("/v2/Conversations/" + id)
        .then()
        .statusCode(status)
        .extract()
        .jsonPath();
  }

  private static void communicate(Api api, String id, String customer) {
    api.request()
        .body(Fixtures.textCommunication(customer, "+15550001111", "are you there?"))
        .post("/v2/Conversations/" + id + "/Communications")
        .then()
        .statusCode(201);
  }

  static JsonPath awaitStatus(Api api, String id, String status) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> api.request().get("/v2/Conversations/" + id).jsonPath(),
            c -> status.equals(c.getString("status")));
  }

  private static String reason(String callbackBody) {
    return String.valueOf(JsonPath.from(callbackBody).getString("reason"));
  }
}
