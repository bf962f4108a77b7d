package io.conversationorchestrator.input;

import static io.conversationorchestrator.support.Errors.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.conversationorchestrator.support.StoredRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values that are well-formed JSON but out of the contract: refused with 400 naming the field and
 * nothing stored; what is accepted is answered, and read back, exactly as stored.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputValuesTest {
  @Inject Pool pool;
  private StoredAccount account;
  private String foreignProfile;

  @BeforeEach
  void createAccountWithData() {
    if (account != null) {
      return;
    }
    account = StoredAccount.create();
    StoredAccount other = StoredAccount.create();
    foreignProfile =
        other
            .api()
            .request()
            .get("/v2/Conversations/" + other.conversationId() + "/Participants")
            .then()
            .extract()
            .path("participants.find { it.type == 'CUSTOMER' }.profileId");
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          POST  | /v2/ControlPlane/Configurations | {"displayName":"x","description":"d","conversationGroupingType":"GROUP_BY_PROFILE","memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{"SMS":{"statusTimeouts":{"inactive":30,"closed":1.5}}}} | Invalid value for 'channelSettings.SMS.statusTimeouts.closed': expected an integer
          POST  | /v2/ControlPlane/Configurations | {"displayName":"x","description":"d","conversationGroupingType":"GROUP_BY_PROFILE","memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d","channelSettings":{"SMS":{"statusTimeouts":{"inactive":"30","closed":60}}}} | Invalid value for 'channelSettings.SMS.statusTimeouts.inactive': expected an integer
          POST  | /v2/ControlPlane/Configurations | {"displayName":7,"description":"d","conversationGroupingType":"GROUP_BY_PROFILE","memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d"} | Invalid value for 'displayName': expected a string
          POST  | /v2/ControlPlane/Configurations | {"displayName":"x","description":"d","conversationGroupingType":0,"memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d"} | Invalid value for 'conversationGroupingType'
          POST  | /v2/Conversations               | {"configurationId":"$CONFIGURATION","name":true} | Invalid value for 'name': expected a string
          POST  | /v2/Conversations               | {"configurationId":"$CONFIGURATION","metadata":{"a":1}} | Invalid value for 'metadata.a': expected a string
          POST  | /v2/Conversations               | {"configurationId":"$CONFIGURATION","participants":[{"type":"CUSTOMER","profileId":"mem_profile_01m8ehv66se7mtvcgpbpjzadzc","addresses":[{"channel":"SMS","address":"+15557770000"}]}]} | Invalid value for 'participants[0].profileId': no such profile
          POST  | /v2/Conversations/$CONVERSATION/Participants | {"type":"CUSTOMER","profileId":"$FOREIGN_PROFILE","addresses":[{"channel":"SMS","address":"+15557770001"}]} | Invalid value for 'profileId': no such profile
          PATCH | /v2/Conversations/$CONVERSATION | {"configuration":"x"} | Invalid value for 'configuration': expected an object
          PATCH | /v2/Conversations/$CONVERSATION | {"configuration":[{}]} | Invalid value for 'configuration': expected an object
          PATCH | /v2/Conversations/$CONVERSATION | {"configuration":7} | Invalid value for 'configuration': expected an object
          PATCH | /v2/Conversations/$CONVERSATION | {"configuration":{"statusCallback":[]}} | Unknown field 'configuration.statusCallback'
          PATCH | /v2/Conversations/$CONVERSATION | {"nmae":"x"} | Unknown field 'nmae'
          PUT   | /v2/Conversations/$CONVERSATION | {"status":"CLOSED","status":"ACTIVE"} | Duplicate field 'status'
          POST  | /v2/Conversations/$CONVERSATION/Communications | {"author":{"address":"+15551234567","address":"+15550001111","channel":"SMS"},"content":{"type":"TEXT","text":"x"},"recipients":[{"address":"+15550001111","channel":"SMS"}]} | Duplicate field 'author.address'
          """)
  void aValueOutOfContractIsRefused(String method, String path, String body, String message) {
    Map<String, String> before = StoredRows.of(pool, account.api().accountSid());
    assertErrorBody(
        account.api().request().body(fill(body)).request(method, fill(path)).then(), 400, message);
    assertThat(StoredRows.of(pool, account.api().accountSid())).isEqualTo(before);
  }

  @ParameterizedTest(name = "occurredAt {0}")
  @CsvSource(
      textBlock =
          """
          '"+294277-01-01T00:00:00Z"'
          '"+999999999-12-31T23:59:59Z"'
          '"-4714-11-23T00:00:00Z"'
          '"1969-12-31T23:59:59.999999Z"'
          '"10000-01-01T00:00:00Z"'
          '"2026-01-01T00:00:00"'
          '"yesterday"'
          -99999999999999
          1700000000
          """)
  void aTimestampOutsideTheRangeIsRefused(String occurredAt) {
    Map<String, String> before = StoredRows.of(pool, account.api().accountSid());
    String expected = "Invalid value for 'occurredAt': expected an ISO-8601 date-time";
    assertErrorBody(postMessage(account, occurredAt), 400, expected);
    assertErrorBody(
        account.api().request().body(ingest(occurredAt)).post("/v2/Ingest/Communications").then(),
        400,
        expected);
    assertThat(StoredRows.of(pool, account.api().accountSid())).isEqualTo(before);
  }

  @ParameterizedTest(name = "occurredAt {0} is stored as {1}")
  @CsvSource(
      textBlock =
          """
          1970-01-01T00:00:00Z,             1970-01-01T00:00:00Z
          9999-12-31T23:59:59.999999Z,      9999-12-31T23:59:59.999999Z
          2026-01-01T02:00:00.123456+02:00, 2026-01-01T00:00:00.123456Z
          2026-01-01T00:00:00.123456789Z,   2026-01-01T00:00:00.123456Z
          """)
  void anAcceptedTimestampIsAnsweredAndReadBackAsStored(String sent, String stored) {
    StoredAccount fresh = StoredAccount.create(); // a 1970 activity makes its timers due at once
    JsonPath created = postMessage(fresh, "\"" + sent + "\"").statusCode(201).extract().jsonPath();
    assertThat(created.getString("occurredAt")).isEqualTo(stored);
    String id = created.getString("id");
    String path = "/v2/Conversations/" + fresh.conversationId() + "/Communications/" + id;
    String readBack =
        fresh.api().request().get(path).then().statusCode(200).extract().path("occurredAt");
    assertThat(readBack).isEqualTo(stored);
  }

  @Test
  void aFutureOccurredAtIsKeptAsSentButCountsAsActivityNow() {
    StoredAccount fresh = StoredAccount.create();
    Instant before = Instant.now();
    postMessage(fresh, "\"9000-01-01T00:00:00Z\"")
        .statusCode(201)
        .body("occurredAt", equalTo("9000-01-01T00:00:00Z"));
    String lastActivity =
        fresh
            .api()
            .request()
            .get("/v2/Conversations/" + fresh.conversationId())
            .then()
            .statusCode(200)
            .extract()
            .path("lastActivityAt");
    assertThat(Instant.parse(lastActivity)).isBetween(before.minusSeconds(1), Instant.now());
  }

  @Test
  void aForgedPageTokenCarryingNulIsRefused() {
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"b\":false,\"k\":\"x\",\"f\":{\"channelId\":[\"\\u0000\"]}}"
                    .getBytes(StandardCharsets.UTF_8));
    assertErrorBody(
        account.api().request().queryParam("pageToken", forged).get("/v2/Conversations").then(),
        400,
        "Invalid value for 'pageToken'");
  }

  @Test
  void callbackDeliveriesOfAnUnknownOrForeignConversationAreNotFound() {
    String foreign = StoredAccount.create().conversationId();
    for (String id : new String[] {foreign, "conv_conversation_01m8ehv657e3st6zfxaxh5mj3a"}) {
      assertErrorBody(
          account.api().request().get("/v2/Conversations/" + id + "/CallbackDeliveries").then(),
          404,
          "The requested Conversation " + id + " was not found");
    }
    account
        .api()
        .request()
        .get("/v2/Conversations/" + account.conversationId() + "/CallbackDeliveries")
        .then()
        .statusCode(200);
  }

  @Test
  void aProfileOfTheAccountsMemoryStoreMayBeNamed() {
    String profile =
        account
            .api()
            .request()
            .get("/v2/Conversations/" + account.conversationId() + "/Participants")
            .then()
            .extract()
            .path("participants.find { it.type == 'CUSTOMER' }.profileId");
    account
        .api()
        .request()
        .body(
            "{\"type\":\"CUSTOMER\",\"profileId\":\""
                + profile
                + "\",\"addresses\":[{\"channel\":\"SMS\",\"address\":\"+15557770002\"}]}")
        .post("/v2/Conversations/" + account.conversationId() + "/Participants")
        .then()
        .statusCode(201)
        .body("profileId", equalTo(profile));
  }

  private static ValidatableResponse postMessage(StoredAccount account, String occurredAt) {
    String body =
        """
        {"author":{"address":"+15551234567","channel":"SMS"},"content":{"type":"TEXT","text":"x"},
         "recipients":[{"address":"+15550001111","channel":"SMS"}],"occurredAt":%s}"""
            .formatted(occurredAt);
    return account
        .api()
        .request()
        .body(body)
        .post("/v2/Conversations/" + account.conversationId() + "/Communications")
        .then();
  }

  private String ingest(String occurredAt) {
    return """
        {"conversationId":"%s","channel":"SMS","from":"+15551234567","to":"+15550001111",
         "content":{"type":"TEXT","text":"x"},"occurredAt":%s}"""
        .formatted(account.conversationId(), occurredAt);
  }

  private String fill(String template) {
    return template
        .replace("$CONFIGURATION", account.configurationId())
        .replace("$CONVERSATION", account.conversationId())
        .replace("$FOREIGN_PROFILE", foreignProfile);
  }
}
