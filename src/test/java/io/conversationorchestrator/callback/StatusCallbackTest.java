package io.conversationorchestrator.callback;

import static io.conversationorchestrator.support.Callbacks.awaitDelivery;
import static io.conversationorchestrator.support.Callbacks.conversationWithCallbacks;
import static io.conversationorchestrator.support.Callbacks.withCallbacks;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.twilio.security.RequestValidator;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.CallbackSink.Received;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Status callbacks end to end: Kafka → durable deliveries → signed HTTP requests to a sink. */
@QuarkusTest
class StatusCallbackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @Inject CallbacksConfig config;
  private CallbackSink sink;

  @BeforeEach
  void start() throws Exception {
    sink = new CallbackSink();
  }

  @AfterEach
  void stop() {
    sink.close();
  }

  @Test
  void lifecycleEventsArriveInOrderWithValidSignatures() throws Exception {
    Api api = Api.newAccount();
    String secret = rotateWebhookSecret(api);
    String configuration =
        Fixtures.createConfiguration(
            api,
            withCallbacks(
                "{\"SMS\":{\"statusTimeouts\":{\"inactive\":1,\"closed\":3}}}",
                "{\"url\":\""
                    + sink.url("/post")
                    + "\"},{\"url\":\""
                    + sink.url("/get")
                    + "\",\"method\":\"GET\"}"));
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));

    List<Received> posts =
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> sink.at("/post"), r -> r.size() >= 3);
    assertThat(posts)
        .extracting(r -> type(r) + ":" + field(r, "status") + ":" + field(r, "reason"))
        .containsExactly(
            "CONVERSATION_CREATED:null:null",
            "CONVERSATION_UPDATED:INACTIVE:TIMER",
            "CONVERSATION_UPDATED:CLOSED:TIMER");
    for (Received r : posts) {
      String url = sink.url(r.path()) + "?" + r.query();
      assertThat(
              new RequestValidator(api.authToken())
                  .validate(url, r.body(), r.header("X-Twilio-Signature")))
          .as("X-Twilio-Signature of %s", url)
          .isTrue();
      new Webhook(secret)
          .verify(
              r.body(),
              Map.of(
                  "webhook-id", List.of(r.header("webhook-id")),
                  "webhook-timestamp", List.of(r.header("webhook-timestamp")),
                  "webhook-signature", List.of(r.header("webhook-signature"))));
      assertThat(r.header("I-Twilio-Idempotency-Token")).isEqualTo(r.header("webhook-id"));
      assertThat(r.header("webhook-signature").split(" "))
          .hasSize(2); // old and new during rotation
    }
    List<Received> gets =
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> sink.at("/get"), r -> r.size() >= 3);
    assertThat(gets.get(1).query())
        .contains(
            "EventType=CONVERSATION_UPDATED",
            "Status=INACTIVE",
            "PreviousStatus=ACTIVE",
            "Reason=TIMER",
            "ConversationId=" + id);
    String getUrl = sink.url("/get") + "?" + gets.get(1).query();
    assertThat(
            new RequestValidator(api.authToken())
                .validate(getUrl, Map.of(), gets.get(1).header("X-Twilio-Signature")))
        .isTrue();
  }

  @Test
  void aSinkFailingTwiceGetsThreeAttemptsOnSchedule() {
    Api api = Api.newAccount();
    sink.failFirst("/flaky", 2, 503);
    String id = conversationWithCallbacks(api, "{\"url\":\"" + sink.url("/flaky") + "\"}");
    JsonNode delivery = awaitDelivery(api, id, "SUCCEEDED");
    JsonNode attempts = delivery.path("attempts");
    assertThat(attempts).hasSize(3);
    assertThat(attempts.get(0).path("httpStatus").asInt()).isEqualTo(503);
    assertThat(attempts.get(2).path("httpStatus").asInt()).isEqualTo(200);
    assertNoAttemptBeforeItsTime(attempts);
    assertThat(sink.at("/flaky"))
        .extracting(r -> r.header("I-Twilio-Idempotency-Token"))
        .containsOnly(delivery.path("id").asText());
  }

  @Test
  void aSinkThatAlwaysFailsEndsDeadAndCanBeRedelivered() {
    Api api = Api.newAccount();
    sink.failFirst("/down", 100, 500);
    String id = conversationWithCallbacks(api, "{\"url\":\"" + sink.url("/down") + "\"}");
    JsonNode dead = awaitDelivery(api, id, "DEAD");
    assertThat(dead.path("attempts"))
        .hasSize(4); // the first try and the 3 retries of the test schedule
    assertNoAttemptBeforeItsTime(dead.path("attempts"));
    sink.failFirst("/down", 0, 500);
    api.request()
        .post(
            "/v2/Conversations/"
                + id
                + "/CallbackDeliveries/"
                + dead.path("id").asText()
                + "/Redeliver")
        .then()
        .statusCode(200);
    JsonNode redelivered = awaitDelivery(api, id, "SUCCEEDED");
    assertThat(redelivered.path("attempts")).hasSize(5);
  }

  @Test
  void clientErrorsAreFinalAndPrivateTargetsAreRefused() {
    Api api = Api.newAccount();
    sink.failFirst("/gone", 100, 404);
    String gone = conversationWithCallbacks(api, "{\"url\":\"" + sink.url("/gone") + "\"}");
    assertThat(awaitDelivery(api, gone, "DEAD").path("attempts")).hasSize(1);

    String refused =
        conversationWithCallbacks(api, "{\"url\":\"" + sink.forbiddenUrl("/internal") + "\"}");
    JsonNode delivery = awaitDelivery(api, refused, "DEAD");
    assertThat(delivery.path("attempts").get(0).path("error").asText())
        .startsWith("refused: 127.0.0.2");
    assertThat(sink.at("/internal")).isEmpty();
  }

  @Test
  void conversationPatchOverridesAndClearsCallbacks() {
    Api api = Api.newAccount();
    String id = conversationWithCallbacks(api, "{\"url\":\"" + sink.url("/first") + "\"}");
    api.request()
        .body(
            "{\"configuration\":{\"statusCallbacks\":[{\"url\":\"" + sink.url("/second") + "\"}]}}")
        .patch("/v2/Conversations/" + id)
        .then()
        .statusCode(200);
    api.request()
        .body(Fixtures.textCommunication("+15551234567", "+15550001111", "hi"))
        .post("/v2/Conversations/" + id + "/Communications")
        .then()
        .statusCode(201);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                sink.at("/second").stream().anyMatch(r -> type(r).equals("COMMUNICATION_CREATED")));
    api.request()
        .body("{\"configuration\":{\"statusCallbacks\":[]}}")
        .patch("/v2/Conversations/" + id)
        .then()
        .statusCode(200);
    int before = sink.at("/second").size();
    api.request()
        .body(Fixtures.textCommunication("+15551234567", "+15550001111", "again"))
        .post("/v2/Conversations/" + id + "/Communications")
        .then()
        .statusCode(201);
    String marker = conversationWithCallbacks(api, "{\"url\":\"" + sink.url("/marker") + "\"}");
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !sink.at("/marker").isEmpty());
    assertThat(sink.at("/second")).hasSize(before);
    assertThat(marker).isNotNull();
  }

  /**
   * Each retry waits its turn of the schedule in force (the test profile: 1s, 2s, 2s without
   * jitter), counted from the end of the attempt before. Only the lower bound is checked: how late
   * an attempt may start depends on the machine's load, not on the service.
   */
  private void assertNoAttemptBeforeItsTime(JsonNode attempts) {
    assertThat(config.retryJitter()).as("retry-jitter of the test profile").isZero();
    List<Duration> schedule = config.retrySchedule();
    for (int k = 0; k + 1 < attempts.size(); k++) {
      JsonNode previous = attempts.get(k);
      // PostgreSQL keeps microseconds and the latency whole milliseconds: compare milliseconds
      Instant earliest =
          Instant.parse(previous.path("at").asText())
              .plusMillis(previous.path("latencyMs").asLong())
              .plus(schedule.get(k))
              .truncatedTo(ChronoUnit.MILLIS);
      assertThat(Instant.parse(attempts.get(k + 1).path("at").asText()))
          .as("attempt %d, due %s after attempt %d ended", k + 2, schedule.get(k), k + 1)
          .isAfterOrEqualTo(earliest);
    }
  }

  private static String rotateWebhookSecret(Api api) {
    return given()
        .header("Authorization", "Bearer " + Api.OPERATOR_TOKEN)
        .contentType(ContentType.JSON)
        .post("/operator/Accounts/" + api.accountSid() + "/WebhookSecrets")
        .then()
        .statusCode(201)
        .extract()
        .path("secret");
  }

  private static String type(Received r) {
    return field(r, "eventType");
  }

  private static String field(Received r, String name) {
    try {
      JsonNode value = JSON.readTree(r.body()).path(name);
      return value.isMissingNode() || value.isNull() ? "null" : value.asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
