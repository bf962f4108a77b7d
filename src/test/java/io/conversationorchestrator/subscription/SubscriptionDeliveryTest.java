package io.conversationorchestrator.subscription;

import static io.conversationorchestrator.support.Callbacks.awaitDelivery;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.security.RequestValidator;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.CallbackSink.Received;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions end to end: the events of every conversation of the account, or of one
 * configuration's, reach the URL signed, retried and redeliverable like status callbacks.
 */
@QuarkusTest
class SubscriptionDeliveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
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
  void subscriptionsReceiveTheAccountsConversationsOrOneConfigurations() throws Exception {
    Api api = Api.newAccount();
    Api other = Api.newAccount();
    String configA = Fixtures.createConfiguration(api, Fixtures.configuration("a", "{}"));
    String configB = Fixtures.createConfiguration(api, Fixtures.configuration("b", "{}"));
    subscribe(api, "{\"url\":\"%s\",\"events\":[\"CONVERSATION_CREATED\"]}", "/account");
    subscribe(
        api,
        "{\"url\":\"%s\",\"method\":\"GET\",\"events\":[\"CONVERSATION_CREATED\"]}",
        "/account-get");
    subscribe(
        api,
        "{\"url\":\"%s\",\"configurationId\":\""
            + configA
            + "\",\"events\":[\"CONVERSATION_CREATED\",\"COMMUNICATION_CREATED\"]}",
        "/config-a");
    subscribe(other, "{\"url\":\"%s\",\"events\":[\"CONVERSATION_CREATED\"]}", "/other");

    String a = Fixtures.createConversation(api, Fixtures.customerConversation(configA, 1));
    String b = Fixtures.createConversation(api, Fixtures.customerConversation(configB, 2));
    String inline = Fixtures.createConversation(api, inlineConversation("+15550009999"));
    String foreignConfig = Fixtures.createConfiguration(other, Fixtures.configuration("o", "{}"));
    String foreign =
        Fixtures.createConversation(other, Fixtures.customerConversation(foreignConfig, 3));
    api.request()
        .body(Fixtures.textCommunication("+15550000001", "+15550001111", "hi"))
        .post("/v2/Conversations/" + a + "/Communications")
        .then()
        .statusCode(201);

    List<Received> account = awaitAt("/account", 3);
    List<Received> configured = awaitAt("/config-a", 2);
    List<Received> gets = awaitAt("/account-get", 3);
    awaitAt("/other", 1); // the other account's event was planned: it would be here by now
    assertThat(account)
        .extracting(SubscriptionDeliveryTest::conversationOf)
        .containsExactlyInAnyOrder(a, b, inline);
    assertThat(account)
        .extracting(SubscriptionDeliveryTest::typeOf)
        .containsOnly("CONVERSATION_CREATED");
    assertThat(configured)
        .extracting(r -> typeOf(r) + ":" + conversationOf(r))
        .containsExactly("CONVERSATION_CREATED:" + a, "COMMUNICATION_CREATED:" + a);
    assertThat(sink.at("/other"))
        .extracting(SubscriptionDeliveryTest::conversationOf)
        .containsExactly(foreign);

    RequestValidator validator = new RequestValidator(api.authToken());
    for (Received r : concat(account, configured)) {
      String url = sink.url(r.path()) + "?" + r.query();
      assertThat(validator.validate(url, r.body(), r.header("X-Twilio-Signature")))
          .as("X-Twilio-Signature of %s", url)
          .isTrue();
    }
    for (Received r : gets) {
      String url = sink.url(r.path()) + "?" + r.query();
      assertThat(r.query()).contains("EventType=CONVERSATION_CREATED");
      assertThat(validator.validate(url, Map.of(), r.header("X-Twilio-Signature"))).isTrue();
    }
    Received foreignRequest = sink.at("/other").get(0);
    assertThat(
            new RequestValidator(other.authToken())
                .validate(
                    sink.url("/other") + "?" + foreignRequest.query(),
                    foreignRequest.body(),
                    foreignRequest.header("X-Twilio-Signature")))
        .isTrue();
  }

  @Test
  void aSubscriptionDeliveryIsRetriedLoggedAndRedelivered() throws Exception {
    Api api = Api.newAccount();
    sink.failFirst("/down", 100, 500);
    subscribe(api, "{\"url\":\"%s\",\"events\":[\"CONVERSATION_CREATED\"]}", "/down");
    String configuration = Fixtures.createConfiguration(api, Fixtures.configuration("r", "{}"));
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));

    JsonNode dead = awaitDelivery(api, id, "DEAD");
    assertThat(dead.path("url").asText()).isEqualTo(sink.url("/down"));
    assertThat(dead.path("eventType").asText()).isEqualTo("CONVERSATION_CREATED");
    assertThat(dead.path("attempts")).hasSize(4); // the first try and the 3 retries of the profile
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
    assertThat(redelivered.path("id").asText()).isEqualTo(dead.path("id").asText());
    List<Received> received = sink.at("/down");
    Received last = received.get(received.size() - 1);
    assertThat(last.header("I-Twilio-Idempotency-Token")).isEqualTo(dead.path("id").asText());
    assertThat(
            new RequestValidator(api.authToken())
                .validate(
                    sink.url("/down") + "?" + last.query(),
                    last.body(),
                    last.header("X-Twilio-Signature")))
        .isTrue();
  }

  private void subscribe(Api api, String template, String path) {
    api.request()
        .body(template.formatted(sink.url(path)))
        .post("/v2/Subscriptions")
        .then()
        .statusCode(201);
  }

  private List<Received> awaitAt(String path, int count) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> sink.at(path), r -> r.size() >= count);
  }

  private static String inlineConversation(String customer) {
    return """
        {"configuration":{"conversationGroupingType":"GROUP_BY_PARTICIPANT_ADDRESSES",
           "memoryStoreId":"%s"},
         "participants":[{"type":"CUSTOMER","addresses":[{"channel":"SMS","address":"%s"}]}]}
        """
        .formatted(Fixtures.MEMORY_STORE, customer);
  }

  private static List<Received> concat(List<Received> first, List<Received> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private static String typeOf(Received r) {
    return json(r).path("eventType").asText();
  }

  /** The conversation an event is about: its data's id, or conversationId for its parts. */
  private static String conversationOf(Received r) {
    JsonNode data = json(r).path("data");
    return data.has("conversationId")
        ? data.path("conversationId").asText()
        : data.path("id").asText();
  }

  private static JsonNode json(Received r) {
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
