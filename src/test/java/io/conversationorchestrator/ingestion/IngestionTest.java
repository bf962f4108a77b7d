package io.conversationorchestrator.ingestion;

import static io.conversationorchestrator.support.Ingestion.BUSINESS;
import static io.conversationorchestrator.support.Ingestion.PATH;
import static io.conversationorchestrator.support.Ingestion.configuration;
import static io.conversationorchestrator.support.Ingestion.ingest;
import static io.conversationorchestrator.support.Ingestion.message;
import static io.conversationorchestrator.support.Ingestion.smsRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Passive ingestion over REST: the seed's precedence table, grouping types, capture rules, races.
 */
@QuarkusTest
class IngestionTest {
  @Test
  void precedenceTable() {
    Api api = Api.newAccount();
    String config = configuration(api, "GROUP_BY_PROFILE", smsRules());
    String other = configuration(api, "GROUP_BY_PROFILE", smsRules());
    JsonPath first =
        ingest(
            api,
            message(
                "\"configurationId\":\"" + config + "\",", "SMS", "+15551110000", BUSINESS, "hi"),
            201);
    assertThat(first.getBoolean("conversationCreated")).isTrue();
    String conversation = first.getString("conversation.id");
    assertThat(first.getString("conversation.participants[0].type")).isEqualTo("CUSTOMER");
    assertThat(first.getString("conversation.participants[1].type")).isEqualTo("AGENT");

    // configurationId only: grouping finds the open conversation
    JsonPath again =
        ingest(
            api,
            message(
                "\"configurationId\":\"" + config + "\",",
                "SMS",
                "+15551110000",
                BUSINESS,
                "again"),
            201);
    assertThat(again.getString("conversation.id")).isEqualTo(conversation);
    assertThat(again.getBoolean("conversationCreated")).isFalse();
    // conversationId only: routed there, grouping bypassed (another customer's traffic)
    JsonPath direct =
        ingest(
            api,
            message(
                "\"conversationId\":\"" + conversation + "\",",
                "SMS",
                "+15552220000",
                BUSINESS,
                "direct"),
            201);
    assertThat(direct.getString("conversation.id")).isEqualTo(conversation);
    // both: conversationId wins, the configuration is ignored for routing
    JsonPath both =
        ingest(
            api,
            message(
                "\"conversationId\":\""
                    + conversation
                    + "\",\"configurationId\":\""
                    + other
                    + "\",",
                "SMS",
                "+15553330000",
                BUSINESS,
                "both"),
            201);
    assertThat(both.getString("conversation.id")).isEqualTo(conversation);
    // neither: nothing captured
    api.request()
        .body(message("", "SMS", "+15551110000", BUSINESS, "lost"))
        .post(PATH)
        .then()
        .statusCode(400)
        .body("message", startsWith("Either 'conversationId' or 'configurationId'"));
    // conversationId of a CLOSED conversation: 409
    api.request()
        .body("{\"status\":\"CLOSED\"}")
        .patch("/v2/Conversations/" + conversation)
        .then()
        .statusCode(200);
    api.request()
        .body(
            message(
                "\"conversationId\":\"" + conversation + "\",",
                "SMS",
                "+15551110000",
                BUSINESS,
                "late"))
        .post(PATH)
        .then()
        .statusCode(409);
    api.request()
        .get("/v2/Conversations/" + conversation + "/Communications")
        .then()
        .body("communications.size()", equalTo(4));
  }

  @Test
  void groupingTypesDecideWhetherTwoChannelsAreOneConversation() {
    Api api = Api.newAccount();
    assertThat(conversationsFor(api, "GROUP_BY_PROFILE")).hasSize(1);
    assertThat(conversationsFor(api, "GROUP_BY_PARTICIPANT_ADDRESSES")).hasSize(1);
    assertThat(conversationsFor(api, "GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE")).hasSize(2);
  }

  private static List<String> conversationsFor(Api api, String grouping) {
    String config = configuration(api, grouping, smsRules());
    String sms =
        ingest(
                api,
                message(
                    "\"configurationId\":\"" + config + "\",",
                    "SMS",
                    "+15554440000",
                    BUSINESS,
                    "sms"),
                201)
            .getString("conversation.id");
    String whatsapp =
        ingest(
                api,
                message(
                    "\"configurationId\":\"" + config + "\",",
                    "WHATSAPP",
                    "whatsapp:+15554440000",
                    "whatsapp:" + BUSINESS,
                    "wa"),
                201)
            .getString("conversation.id");
    return List.of(sms, whatsapp).stream().distinct().toList();
  }

  @Test
  void captureRulesWildcardsMetadataAndVoiceDefaults() {
    Api api = Api.newAccount();
    String config =
        configuration(
            api,
            "GROUP_BY_PARTICIPANT_ADDRESSES",
            "{\"SMS\":{\"captureRules\":[{\"from\":\"*\",\"to\":\""
                + BUSINESS
                + "\"}]},"
                + "\"VOICE\":{\"captureRules\":[{\"from\":\"*\",\"to\":\"*\",\"metadata\":{\"callType\":\"SIP\"}}]}}");
    String routed = "\"configurationId\":\"" + config + "\",";
    ingest(api, message(routed, "SMS", "+15556660000", BUSINESS, "to our number"), 201);
    api.request()
        .body(message(routed, "SMS", "+15556660000", "+18005559999", "elsewhere"))
        .post(PATH)
        .then()
        .statusCode(422)
        .body("message", startsWith("Not captured: no capture rule of channel SMS"));
    api.request()
        .body(message(routed, "CHAT", "alice", "support", "no chat rules"))
        .post(PATH)
        .then()
        .statusCode(422);
    ingest(
        api,
        message(
            routed + "\"routing\":\"EXPLICIT\",",
            "CHAT",
            "alice",
            "support",
            "explicit intent needs no rule"),
        201);
    String voice = routed + "\"metadata\":{\"callType\":\"%s\"},";
    String transcript =
        "{%s\"channel\":\"VOICE\",\"from\":\"%s\",\"to\":\""
            + BUSINESS
            + "\","
            + "\"content\":{\"type\":\"TRANSCRIPTION\",\"text\":\"hello\"}}";
    ingest(api, transcript.formatted(voice.formatted("PSTN"), "+15557770000"), 201);
    ingest(api, transcript.formatted(voice.formatted("SIP"), "sip:bob@example.com"), 201);
    api.request()
        .body(transcript.formatted(voice.formatted("CLIENT"), "client:carol"))
        .post(PATH)
        .then()
        .statusCode(422);
  }

  @Test
  void fiftyConcurrentIngestsForOneNewCustomerMakeOneConversation() {
    Api api = Api.newAccount();
    String config = configuration(api, "GROUP_BY_PROFILE", smsRules());
    List<CompletableFuture<String>> ingests =
        IntStream.range(0, 50)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () ->
                            ingest(
                                    api,
                                    message(
                                        "\"configurationId\":\"" + config + "\",",
                                        "SMS",
                                        "+15558880000",
                                        BUSINESS,
                                        "m" + i),
                                    201)
                                .getString("conversation.id")))
            .toList();
    List<String> conversations = ingests.stream().map(CompletableFuture::join).distinct().toList();
    assertThat(conversations).hasSize(1);
    // and no loser left a conversation behind: the account has exactly that one
    api.request().get("/v2/Conversations").then().body("conversations.id", equalTo(conversations));
    api.request()
        .queryParam("pageSize", 100)
        .get("/v2/Conversations/" + conversations.get(0) + "/Communications")
        .then()
        .body("communications.size()", equalTo(50));
  }

  @Test
  void trafficRacingACloseStartsANewConversation() {
    Api api = Api.newAccount();
    String config = configuration(api, "GROUP_BY_PROFILE", smsRules());
    String body =
        message("\"configurationId\":\"" + config + "\",", "SMS", "+15559990000", BUSINESS, "x");
    String first = ingest(api, body, 201).getString("conversation.id");
    CompletableFuture<Void> close =
        CompletableFuture.runAsync(
            () ->
                api.request()
                    .body("{\"status\":\"CLOSED\"}")
                    .patch("/v2/Conversations/" + first)
                    .then()
                    .statusCode(200));
    List<String> landed =
        IntStream.range(0, 10)
            .mapToObj(i -> ingest(api, body, 201).getString("conversation.id"))
            .toList();
    close.join();
    String after = ingest(api, body, 201).getString("conversation.id");
    assertThat(after).isNotEqualTo(first);
    api.request().get("/v2/Conversations/" + first).then().body("status", equalTo("CLOSED"));
    // whatever landed in the first conversation did so before it closed: it never holds later
    // traffic
    api.request().get("/v2/Conversations/" + after).then().body("status", equalTo("ACTIVE"));
    assertThat(landed).allMatch(id -> id.equals(first) || id.equals(after));
  }

  @Test
  void activeCreationDoesNotOpenASecondConversationForTheSameCustomer() {
    Api api = Api.newAccount();
    String config = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String open = Fixtures.createConversation(api, Fixtures.seedConversation(config));
    api.request()
        .body(Fixtures.seedConversation(config))
        .post("/v2/Conversations")
        .then()
        .statusCode(409)
        .header("X-Conflicting-Resource-Id", open);
    api.request()
        .body("{\"status\":\"CLOSED\"}")
        .patch("/v2/Conversations/" + open)
        .then()
        .statusCode(200);
    Fixtures.createConversation(api, Fixtures.seedConversation(config));
  }

  @Test
  void voiceHandoffKeepsBothPartsInOneConversation() {
    Api api = Api.newAccount();
    String config =
        configuration(api, "GROUP_BY_PROFILE", "{\"VOICE\":{\"statusTimeouts\":{\"closed\":60}}}");
    JsonPath call =
        ingest(
            api,
            "{\"configurationId\":\""
                + config
                + "\",\"routing\":\"EXPLICIT\","
                + "\"channel\":\"VOICE\",\"from\":\"+15551212000\",\"to\":\""
                + BUSINESS
                + "\",\"callEvent\":\"STARTED\"}",
            201);
    String conversation = call.getString("conversation.id");
    assertThat(call.getString("communication")).isNull();
    String transcript =
        "{\"conversationId\":\""
            + conversation
            + "\",\"configurationId\":\""
            + config
            + "\","
            + "\"channel\":\"VOICE\",\"from\":\"+15551212000\",\"to\":\""
            + BUSINESS
            + "\","
            + "\"content\":{\"type\":\"TRANSCRIPTION\",\"text\":\"%s\",\"transcription\":{\"channel\":0}}}";
    ingest(api, transcript.formatted("AI agent part"), 201);
    ingest(api, transcript.formatted("human agent part"), 201);
    api.request()
        .get("/v2/Conversations/" + conversation + "/Communications")
        .then()
        .body("communications.content.text", equalTo(List.of("AI agent part", "human agent part")));
  }

  /**
   * E-mail traffic: captured by EMAIL rules and grouped by address, the domain in any case, the
   * local part as written (RFC 5321).
   */
  @Test
  void emailIsCapturedAndGroupedWithTheDomainInAnyCase() {
    Api api = Api.newAccount();
    String config =
        configuration(
            api,
            "GROUP_BY_PARTICIPANT_ADDRESSES",
            "{\"EMAIL\":{\"captureRules\":[{\"from\":\"*\",\"to\":\"Support@Example.com\"}]}}");
    String routed = "\"configurationId\":\"" + config + "\",";
    JsonPath first =
        ingest(
            api, message(routed, "EMAIL", "Kiran@Example.ORG", "Support@example.COM", "hi"), 201);
    assertThat(first.getBoolean("conversationCreated")).isTrue();
    assertThat(first.getString("conversation.participants[0].addresses[0].address"))
        .isEqualTo("Kiran@Example.ORG");
    assertThat(first.getString("communication.author.channel")).isEqualTo("EMAIL");
    JsonPath again =
        ingest(
            api,
            message(routed, "EMAIL", "Kiran@example.org", "Support@Example.com", "again"),
            201);
    assertThat(again.getString("conversation.id")).isEqualTo(first.getString("conversation.id"));
    JsonPath otherLocalPart =
        ingest(api, message(routed, "EMAIL", "kiran@example.org", "Support@Example.com", "x"), 201);
    assertThat(otherLocalPart.getBoolean("conversationCreated")).isTrue();
    for (String notOurs : List.of("sales@example.com", "support@example.com")) {
      api.request()
          .body(message(routed, "EMAIL", "kiran@example.org", notOurs, "not ours"))
          .post(PATH)
          .then()
          .statusCode(422)
          .body("message", startsWith("Not captured: no capture rule of channel EMAIL"));
    }
    api.request()
        .body(message(routed, "EMAIL", "kiran", "support@example.com", "bad"))
        .post(PATH)
        .then()
        .statusCode(400)
        .body(
            "message",
            equalTo(
                "Invalid value for 'from': EMAIL addresses must be an e-mail address such as"
                    + " user@example.com"));
  }
}
