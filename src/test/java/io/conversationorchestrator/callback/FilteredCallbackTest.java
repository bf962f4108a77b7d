package io.conversationorchestrator.callback;

import static io.conversationorchestrator.support.Callbacks.conversationWithCallbacks;
import static io.conversationorchestrator.support.Callbacks.withCallbacks;
import static io.conversationorchestrator.support.Errors.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.CallbackSink.Received;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.StoredRows;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code statusCallbacks[].events}: a callback gets only the event types it lists, and no delivery
 * row is written for the others; the filter is stored and answered exactly as given.
 */
@QuarkusTest
class FilteredCallbackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIGURATIONS = "/v2/ControlPlane/Configurations";

  @Inject Pool pool;
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
  void aCallbackGetsOnlyTheTypesItListsAndNoRowsForTheOthers() throws Exception {
    Api api = Api.newAccount();
    String id =
        conversationWithCallbacks(
            api,
            "{\"url\":\"%s\"},{\"url\":\"%s\",\"events\":[\"CONVERSATION_CREATED\",\"COMMUNICATION_CREATED\"]}"
                .formatted(sink.url("/all"), sink.url("/some")));
    api.request()
        .body(Fixtures.textCommunication("+15551234567", "+15550001111", "hi"))
        .post("/v2/Conversations/" + id + "/Communications")
        .then()
        .statusCode(201);
    api.request()
        .body("{\"name\":\"renamed\"}")
        .patch("/v2/Conversations/" + id)
        .then()
        .statusCode(200);

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> types(sink.at("/all")).contains("CONVERSATION_UPDATED"));
    // every event is planned by now: its rows for both URLs are written in one transaction
    Map<String, List<String>> rows = deliveryTypesByPath(api, id);
    assertThat(rows.get("/all"))
        .containsExactlyInAnyOrder(
            "CONVERSATION_CREATED", "COMMUNICATION_CREATED", "CONVERSATION_UPDATED");
    assertThat(rows.get("/some"))
        .containsExactlyInAnyOrder("CONVERSATION_CREATED", "COMMUNICATION_CREATED");
    List<String> received =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> types(sink.at("/some")), r -> r.size() >= 2);
    assertThat(received).containsExactly("CONVERSATION_CREATED", "COMMUNICATION_CREATED");
  }

  @Test
  void theFilterIsAnsweredAsStoredAndAbsentWhenNotGiven() {
    Api api = Api.newAccount();
    String body =
        withCallbacks(
            "{}",
            "{\"url\":\"https://a.example.com/cb\"},"
                + "{\"url\":\"https://b.example.com/cb\",\"events\":[\"PARTICIPANT_ADDED\",\"ACTION_UPDATED\"]}");
    String configuration = Fixtures.createConfiguration(api, body);
    api.request()
        .get(CONFIGURATIONS + "/" + configuration)
        .then()
        .statusCode(200)
        .body("statusCallbacks[0]", not(hasKey("events")))
        .body("statusCallbacks[1].events", equalTo(List.of("PARTICIPANT_ADDED", "ACTION_UPDATED")));
    String conversation =
        Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    api.request()
        .get("/v2/Conversations/" + conversation)
        .then()
        .body("configuration.statusCallbacks[0]", not(hasKey("events")))
        .body(
            "configuration.statusCallbacks[1].events",
            equalTo(List.of("PARTICIPANT_ADDED", "ACTION_UPDATED")));
    api.request()
        .body(
            "{\"configuration\":{\"statusCallbacks\":[{\"url\":\"https://c.example.com/cb\",\"method\":\"GET\",\"events\":[\"CONVERSATION_UPDATED\"]}]}}")
        .patch("/v2/Conversations/" + conversation)
        .then()
        .statusCode(200)
        .body("configuration.statusCallbacks[0].events", equalTo(List.of("CONVERSATION_UPDATED")));
    api.request()
        .body(
            "{\"statusCallbacks\":[{\"url\":\"https://d.example.com/cb\",\"events\":[\"COMMUNICATION_UPDATED\"]}]}")
        .patch(CONFIGURATIONS + "/" + configuration)
        .then()
        .statusCode(202);
    api.request()
        .get(CONFIGURATIONS + "/" + configuration)
        .then()
        .body("statusCallbacks[0].events", equalTo(List.of("COMMUNICATION_UPDATED")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          POST  | /v2/ControlPlane/Configurations | $CONFIG_WITH[{"url":"https://x.example.com","events":["CONVERSATION_CREATED","NOPE"]}]} | Invalid value for 'statusCallbacks[0].events[1]': 'NOPE' is not one of CONVERSATION_CREATED
          POST  | /v2/ControlPlane/Configurations | $CONFIG_WITH[{"url":"https://x.example.com","events":[]}]} | Invalid value for 'statusCallbacks[0].events': size must be between 1 and 64
          POST  | /v2/ControlPlane/Configurations | $CONFIG_WITH[{"url":"https://x.example.com","events":["CONFIGURATION_UPDATED"]}]} | Invalid value for 'statusCallbacks[0].events[0]': 'CONFIGURATION_UPDATED' is not one of
          PATCH | /v2/ControlPlane/Configurations/$CONFIGURATION | {"statusCallbacks":[{"url":"https://x.example.com","events":["conversation_created"]}]} | Invalid value for 'statusCallbacks[0].events[0]': 'conversation_created' is not one of
          POST  | /v2/Conversations | {"configurationId":"$CONFIGURATION","configuration":{"statusCallbacks":[{"url":"https://x.example.com","events":["NOPE"]}]}} | Invalid value for 'configuration.statusCallbacks[0].events[0]': 'NOPE' is not one of
          PATCH | /v2/Conversations/$CONVERSATION | {"configuration":{"statusCallbacks":[{"url":"https://x.example.com"},{"url":"https://y.example.com","events":["X{1}"]}]}} | Invalid value for 'statusCallbacks[1].events[0]': 'X{1}' is not one of
          PATCH | /v2/Conversations/$CONVERSATION | {"configuration":{"statusCallbacks":[{"url":"https://x.example.com","events":[]}]}} | Invalid value for 'statusCallbacks[0].events': size must be between 1 and 64
          """)
  void anUnknownEventTypeIsRefusedNamingItAndNothingIsStored(
      String method, String path, String body, String message) {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String conversation =
        Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    Map<String, String> before = StoredRows.of(pool, api.accountSid());
    String config = Fixtures.configuration("f", "{}");
    String configWith = config.substring(0, config.lastIndexOf('}')) + ",\"statusCallbacks\":";
    String filled =
        body.replace("$CONFIG_WITH", configWith)
            .replace("$CONFIGURATION", configuration)
            .replace("$CONVERSATION", conversation);
    assertErrorBody(
        api.request()
            .body(filled)
            .request(
                method,
                path.replace("$CONFIGURATION", configuration)
                    .replace("$CONVERSATION", conversation))
            .then(),
        400,
        message);
    assertThat(StoredRows.of(pool, api.accountSid())).isEqualTo(before);
  }

  private static Map<String, List<String>> deliveryTypesByPath(Api api, String conversation)
      throws Exception {
    String body =
        api.request()
            .queryParam("pageSize", 1000)
            .get("/v2/Conversations/" + conversation + "/CallbackDeliveries")
            .asString();
    Map<String, List<String>> byPath = new TreeMap<>();
    for (JsonNode d : JSON.readTree(body).path("callbackDeliveries")) {
      String path = URI.create(d.path("url").asText()).getPath();
      byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(d.path("eventType").asText());
    }
    return byPath;
  }

  private static List<String> types(List<Received> received) {
    List<String> types = new ArrayList<>();
    for (Received r : received) {
      try {
        types.add(JSON.readTree(r.body()).path("eventType").asText());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return types;
  }
}
