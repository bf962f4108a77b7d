package io.conversationorchestrator.subscription;

import static io.conversationorchestrator.support.Errors.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.events.EventStream;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.StoredRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** /v2/Subscriptions as a resource: create, fetch, list, merge-patch, delete, strict input. */
@QuarkusTest
class SubscriptionApiTest {
  private static final String PATH = "/v2/Subscriptions";
  private static final String CONFIGURATION = "conv_configuration_01m8ehv657e3st6zfxaxh5mj3a";

  @Inject Pool pool;
  @Inject SubscriptionsConfig config;

  @Test
  void aSubscriptionIsCreatedFetchedPatchedAndDeletedAsStored() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    JsonPath created =
        api.request()
            .body("{\"url\":\"https://hooks.example.com/all?x=1\"}")
            .post(PATH)
            .then()
            .statusCode(201)
            .body("id", startsWith("conv_subscription_"))
            .body("accountId", equalTo(api.accountSid()))
            .body("url", equalTo("https://hooks.example.com/all?x=1"))
            .body("method", equalTo("POST"))
            .body("$", not(hasKey("events")))
            .body("configurationId", nullValue())
            .extract()
            .jsonPath();
    String id = created.getString("id");
    String read = api.request().get(PATH + "/" + id).then().statusCode(200).extract().asString();
    assertThat(JsonPath.from(read).getMap("$")).isEqualTo(created.getMap("$"));

    String patched =
        """
        {"method":"GET","events":["CONVERSATION_CREATED","COMMUNICATION_CREATED"],
         "configurationId":"%s"}"""
            .formatted(configuration);
    api.request()
        .body(patched)
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("url", equalTo("https://hooks.example.com/all?x=1"))
        .body("method", equalTo("GET"))
        .body("events", equalTo(List.of("CONVERSATION_CREATED", "COMMUNICATION_CREATED")))
        .body("configurationId", equalTo(configuration));
    api.request()
        .body("{\"events\":null,\"configurationId\":null,\"method\":null}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("$", not(hasKey("events")))
        .body("configurationId", nullValue())
        .body("method", equalTo("POST"));

    JsonPath deleted =
        api.request().delete(PATH + "/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(deleted.getString("id")).isEqualTo(id);
    assertThat(deleted.getString("url")).isEqualTo("https://hooks.example.com/all?x=1");
    assertErrorBody(
        api.request().get(PATH + "/" + id).then(),
        404,
        "The requested Subscription " + id + " was not found");
  }

  /** The filter takes every type of the conversations topic, derived from EventType. */
  @Test
  void everyEventTypeOfTheConversationsTopicMayBeListed() throws Exception {
    List<String> expected =
        Stream.of(EventType.values())
            .filter(t -> t.stream() == EventStream.CONVERSATIONS)
            .map(Enum::name)
            .toList();
    assertThat(expected).contains("CONVERSATION_CREATED", "PARTICIPANT_ADDED", "ACTION_UPDATED");
    String events = new ObjectMapper().writeValueAsString(expected);
    Api.newAccount()
        .request()
        .body("{\"url\":\"https://hooks.example.com/x\",\"events\":" + events + "}")
        .post(PATH)
        .then()
        .statusCode(201)
        .body("events", equalTo(expected));
  }

  @Test
  void theListPagesWithTokens() {
    Api api = Api.newAccount();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          api.request()
              .body("{\"url\":\"https://hooks.example.com/" + i + "\"}")
              .post(PATH)
              .then()
              .statusCode(201)
              .extract()
              .path("id"));
    }
    List<String> seen = new ArrayList<>();
    JsonPath page =
        api.request()
            .queryParam("pageSize", 2)
            .get(PATH)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    seen.addAll(page.getList("subscriptions.id"));
    assertThat(page.getString("meta.key")).isEqualTo("subscriptions");
    assertThat(page.getInt("meta.pageSize")).isEqualTo(2);
    page =
        api.request()
            .queryParam("pageSize", 2)
            .queryParam("pageToken", page.getString("meta.nextToken"))
            .get(PATH)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    seen.addAll(page.getList("subscriptions.id"));
    assertThat(page.getString("meta.nextToken")).isNull();
    assertThat(page.getString("meta.previousToken")).isNotNull();
    assertThat(seen).isEqualTo(ids);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"method":"POST"}                                      | 400 | Invalid value for 'url': must not be null
          {"url":"ftp://hooks.example.com/x"}                    | 400 | Invalid value for 'url': must be an absolute http(s) URL
          {"url":"https://user@hooks.example.com/x"}             | 400 | Invalid value for 'url': must be an absolute http(s) URL
          {"url":"https://hooks.example.com/x","method":"PUT"}   | 400 | Invalid value for 'method': expected one of POST, GET
          {"url":"https://hooks.example.com/x","events":[]}      | 400 | Invalid value for 'events': size must be between 1 and 64
          {"url":"https://hooks.example.com/x","events":["CONVERSATION_CREATED","NOPE"]} | 400 | Invalid value for 'events[1]': 'NOPE' is not one of CONVERSATION_CREATED
          {"url":"https://hooks.example.com/x","events":["CONFIGURATION_CREATED"]} | 400 | Invalid value for 'events[0]': 'CONFIGURATION_CREATED' is not one of
          {"url":"https://hooks.example.com/x","events":["ACTION_SEND_MESSAGE_REQUESTED"]} | 400 | Invalid value for 'events[0]': 'ACTION_SEND_MESSAGE_REQUESTED' is not one of
          {"url":"https://hooks.example.com/x","events":[null]}  | 400 | Invalid value for 'events[0]': must not be null
          {"url":"https://hooks.example.com/x","events":"CONVERSATION_CREATED"} | 400 | Invalid value for 'events': expected an array
          {"url":"https://hooks.example.com/x","filter":"x"}     | 400 | Unknown field 'filter'
          {"url":"https://hooks.example.com/x","configurationId":"$CONFIGURATION"} | 404 | The requested Configuration $CONFIGURATION was not found
          {"url":"https://hooks.example.com/x","configurationId":"nope"} | 404 | The requested Configuration nope was not found
          """)
  void aBadSubscriptionIsRefusedAndNothingIsStored(String body, int status, String message) {
    Api api = Api.newAccount();
    Map<String, String> before = StoredRows.of(pool, api.accountSid());
    assertErrorBody(
        api.request().body(body.replace("$CONFIGURATION", CONFIGURATION)).post(PATH).then(),
        status,
        message.replace("$CONFIGURATION", CONFIGURATION));
    assertThat(StoredRows.of(pool, api.accountSid())).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"url":null}                       | Invalid value for 'url': must not be null
          {"events":["CONVERSATION_NOPE"]}   | Invalid value for 'events[0]': 'CONVERSATION_NOPE' is not one of
          {"events":[]}                      | Invalid value for 'events': size must be between 1 and 64
          {"colour":"red"}                   | Unknown field 'colour'
          []                                 | The request body must be a JSON object
          """)
  void aBadPatchIsRefusedAndChangesNothing(String body, String message) {
    Api api = Api.newAccount();
    String id = create(api, "{\"url\":\"https://hooks.example.com/x\"}");
    Map<String, String> before = StoredRows.of(pool, api.accountSid());
    assertErrorBody(api.request().body(body).patch(PATH + "/" + id).then(), 400, message);
    assertThat(StoredRows.of(pool, api.accountSid())).isEqualTo(before);
  }

  @Test
  void anotherAccountsSubscriptionIsNotFound() {
    Api owner = Api.newAccount();
    Api other = Api.newAccount();
    String id = create(owner, "{\"url\":\"https://hooks.example.com/x\"}");
    String notFound = "The requested Subscription " + id + " was not found";
    assertErrorBody(other.request().get(PATH + "/" + id).then(), 404, notFound);
    assertErrorBody(
        other.request().body("{\"method\":\"GET\"}").patch(PATH + "/" + id).then(), 404, notFound);
    assertErrorBody(other.request().delete(PATH + "/" + id).then(), 404, notFound);
    other.request().get(PATH).then().statusCode(200).body("subscriptions", equalTo(List.of()));
    String foreignConfiguration = Fixtures.createConfiguration(owner, Fixtures.seedConfiguration());
    assertErrorBody(
        other
            .request()
            .body(
                "{\"url\":\"https://hooks.example.com/x\",\"configurationId\":\""
                    + foreignConfiguration
                    + "\"}")
            .post(PATH)
            .then(),
        404,
        "The requested Configuration " + foreignConfiguration + " was not found");
    owner.request().get(PATH + "/" + id).then().statusCode(200).body("method", equalTo("POST"));
  }

  @Test
  void mutationsHonourTheIdempotencyKey() {
    Api api = Api.newAccount();
    String key = Api.newKey();
    String body = "{\"url\":\"https://hooks.example.com/once\"}";
    String first =
        api.idempotent(key).body(body).post(PATH).then().statusCode(201).extract().asString();
    String replay =
        api.idempotent(key).body(body).post(PATH).then().statusCode(201).extract().asString();
    assertThat(replay).isEqualTo(first);
    api.request().get(PATH).then().body("subscriptions.size()", equalTo(1));
    assertErrorBody(
        api.idempotent(key).body("{\"url\":\"https://hooks.example.com/twice\"}").post(PATH).then(),
        422,
        "Idempotency-Key " + key + " was already used with a different request");

    String id = JsonPath.from(first).getString("id");
    String patchKey = Api.newKey();
    api.idempotent(patchKey)
        .body("{\"method\":\"GET\"}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200);
    api.request().body("{\"method\":\"POST\"}").patch(PATH + "/" + id).then().statusCode(200);
    api.idempotent(patchKey)
        .body("{\"method\":\"GET\"}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("method", equalTo("GET")); // the first answer, replayed
    api.request().get(PATH + "/" + id).then().body("method", equalTo("POST"));

    String deleteKey = Api.newKey();
    String deleted =
        api.idempotent(deleteKey)
            .delete(PATH + "/" + id)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    api.idempotent(deleteKey)
        .delete(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(JsonPath.from(deleted).getString("id")));
  }

  /** The intake reads an account's subscriptions for every batch: their number is bounded. */
  @Test
  void anAccountHasAtMostTheConfiguredNumber() {
    Api api = Api.newAccount();
    int max = config.maxPerAccount();
    for (int i = 0; i < max; i++) {
      create(api, "{\"url\":\"https://hooks.example.com/" + i + "\"}");
    }
    Map<String, String> before = StoredRows.of(pool, api.accountSid());
    assertErrorBody(
        api.request().body("{\"url\":\"https://hooks.example.com/more\"}").post(PATH).then(),
        409,
        "The account has " + max + " subscriptions, the most it may have");
    assertThat(StoredRows.of(pool, api.accountSid())).isEqualTo(before);
  }

  @Test
  void aConfigurationNamedByASubscriptionIsNotDeleted() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String id =
        create(
            api,
            "{\"url\":\"https://hooks.example.com/x\",\"configurationId\":\""
                + configuration
                + "\"}");
    assertErrorBody(
        api.request().delete("/v2/ControlPlane/Configurations/" + configuration).then(),
        409,
        "Configuration is still named by subscription " + id);
    api.request().delete(PATH + "/" + id).then().statusCode(200);
    api.request().delete("/v2/ControlPlane/Configurations/" + configuration).then().statusCode(202);
  }

  private static String create(Api api, String body) {
    return api.request().body(body).post(PATH).then().statusCode(201).extract().path("id");
  }
}
