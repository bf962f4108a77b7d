package io.conversationorchestrator.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class ParticipantAndCommunicationTest {

  private static String conversation(Api api) {
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    return Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
  }

  private static String participants(String conversation) {
    return "/v2/Conversations/" + conversation + "/Participants";
  }

  private static String communications(String conversation) {
    return "/v2/Conversations/" + conversation + "/Communications";
  }

  @Test
  void sameNumberOnSmsAndWhatsappIsOneProfile() {
    Api api = Api.newAccount();
    String conversation = conversation(api);
    String smsProfile =
        api.request()
            .get("/v2/Conversations/" + conversation)
            .then()
            .extract()
            .path("participants[0].profileId");
    api.request()
        .body(
            "{\"type\":\"CUSTOMER\",\"addresses\":[{\"channel\":\"WHATSAPP\",\"address\":\"whatsapp:+15551234567\"}]}")
        .post(participants(conversation))
        .then()
        .statusCode(201)
        .body("profileId", equalTo(smsProfile));
    api.request()
        .body(
            "{\"type\":\"CUSTOMER\",\"addresses\":[{\"channel\":\"SMS\",\"address\":\"+15559999999\"}]}")
        .post(participants(conversation))
        .then()
        .statusCode(201)
        .body("profileId", startsWith("mem_profile_"))
        .body("profileId", org.hamcrest.Matchers.not(equalTo(smsProfile)));
    api.request()
        .body(
            "{\"type\":\"AI_AGENT\",\"addresses\":[{\"channel\":\"SMS\",\"address\":\"+15551234567\"}]}")
        .post(participants(conversation))
        .then()
        .statusCode(201)
        .body("profileId", nullValue());
  }

  /**
   * E-mail addresses are stored and answered as written; they identify a customer with the domain
   * in any case, the local part as written (RFC 5321).
   */
  @ParameterizedTest(name = "{0} then {1}: same profile {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Kiran.A@Example.COM | Kiran.A@example.com | true
          Kiran.A@example.com | Kiran.A@EXAMPLE.com | true
          Kiran.A@example.com | kiran.a@example.com | false
          Kiran.A@example.com | Kiran.A@example.org | false
          """)
  void anEmailAddressIdentifiesItsCustomerWhateverTheDomainsCase(
      String first, String second, boolean sameProfile) {
    Api api = Api.newAccount();
    String conversation = conversation(api);
    String body =
        "{\"type\":\"CUSTOMER\",\"addresses\":[{\"channel\":\"EMAIL\",\"address\":\"%s\"}]}";
    String profile =
        api.request()
            .body(body.formatted(first))
            .post(participants(conversation))
            .then()
            .statusCode(201)
            .body("addresses[0].channel", equalTo("EMAIL"))
            .body("addresses[0].address", equalTo(first))
            .extract()
            .path("profileId");
    String secondProfile =
        api.request()
            .body(body.formatted(second))
            .post(participants(conversation))
            .then()
            .statusCode(201)
            .body("addresses[0].address", equalTo(second))
            .extract()
            .path("profileId");
    assertThat(secondProfile.equals(profile)).isEqualTo(sameProfile);
  }

  @Test
  void emailGroupingKeysIgnoreTheDomainsCase() {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(
            api,
            Fixtures.configuration("email", "{}")
                .replace("GROUP_BY_PROFILE", "GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE"));
    String body =
        """
        {"configurationId":"%s","participants":[{"type":"CUSTOMER","addresses":[{"channel":"EMAIL","address":"%s"}]}]}
        """;
    String first =
        Fixtures.createConversation(api, body.formatted(configuration, "Kiran@Example.COM"));
    api.request()
        .body(body.formatted(configuration, "Kiran@example.com"))
        .post("/v2/Conversations")
        .then()
        .statusCode(409)
        .header("X-Conflicting-Resource-Id", first);
    Fixtures.createConversation(api, body.formatted(configuration, "kiran@example.com"));
  }

  @Test
  void emailCommunicationsAreActivityOnTheEmailChannel() {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(
            api,
            Fixtures.configuration(
                "email", "{\"EMAIL\":{\"statusTimeouts\":{\"inactive\":3000,\"closed\":6000}}}"));
    String conversation =
        Fixtures.createConversation(
            api,
            """
            {"configurationId":"%s","participants":[
              {"type":"CUSTOMER","addresses":[{"channel":"EMAIL","address":"kiran@example.com"}]},
              {"type":"HUMAN_AGENT","addresses":[{"channel":"EMAIL","address":"support@example.com"}]}]}
            """
                .formatted(configuration));
    api.request()
        .body(
            """
            {"author":{"address":"kiran@Example.com","channel":"EMAIL"},
             "content":{"type":"TEXT","text":"Subject: refund"},
             "recipients":[{"address":"support@example.com","channel":"EMAIL"}]}
            """)
        .post(communications(conversation))
        .then()
        .statusCode(201)
        .body("author.channel", equalTo("EMAIL"))
        .body("author.address", equalTo("kiran@Example.com"))
        .body("recipients[0].channel", equalTo("EMAIL"));
    api.request()
        .get("/v2/Conversations/" + conversation)
        .then()
        .body("status", equalTo("ACTIVE"))
        .body("inactiveAt", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void concurrentCreatesForOneNewCustomerAddressEndWithOneProfile() {
    Api api = Api.newAccount();
    List<String> conversations = IntStream.range(0, 6).mapToObj(i -> conversation(api)).toList();
    String body =
        "{\"type\":\"CUSTOMER\",\"addresses\":[{\"channel\":\"SMS\",\"address\":\"+14155550123\"}]}";
    List<CompletableFuture<String>> creates =
        conversations.stream()
            .map(
                c ->
                    CompletableFuture.supplyAsync(
                        () ->
                            api.request()
                                .body(body)
                                .post(participants(c))
                                .then()
                                .statusCode(201)
                                .extract()
                                .<String>path("profileId")))
            .toList();
    assertThat(creates.stream().map(CompletableFuture::join).distinct()).hasSize(1);
  }

  /** Participant bodies the contract refuses: the body, the status and the exact message. */
  static Stream<Arguments> refusedParticipants() {
    return Stream.of(
        Arguments.of(
            """
            {"type":"CUSTOMER"}
            """,
            400,
            "Invalid value for 'addresses': must not be null"),
        Arguments.of(
            """
            {"addresses":[{"channel":"SMS","address":"5551234"}]}
            """,
            400,
            "Invalid value for 'addresses[0].address': SMS addresses must be E.164: '+' and 8 to 15"
                + " digits"),
        Arguments.of(
            """
            {"addresses":[{"channel":"FAX","address":"1"}]}
            """,
            400,
            "Invalid value for 'addresses[0].channel': expected one of VOICE, SMS, RCS, EMAIL,"
                + " WHATSAPP, CHAT, VIDEO"),
        Arguments.of(
            """
            {"addresses":[{"channel":"EMAIL","address":"kiran"}]}
            """,
            400,
            "Invalid value for 'addresses[0].address': EMAIL addresses must be an e-mail address"
                + " such as user@example.com"),
        Arguments.of(
            """
            {"addresses":[{"channel":"EMAIL","address":"kiran@localhost"}]}
            """,
            400,
            "Invalid value for 'addresses[0].address': EMAIL addresses must be an e-mail address"
                + " such as user@example.com"),
        Arguments.of(
            """
            {"addresses":[{"channel":"EMAIL","address":"kiran a@example.com"}]}
            """,
            400,
            "Invalid value for 'addresses[0].address': EMAIL addresses must be an e-mail address"
                + " such as user@example.com"),
        Arguments.of(
            """
            {"addresses":[{"channel":"EMAIL","address":"kiran@-example.com"}]}
            """,
            400,
            "Invalid value for 'addresses[0].address': EMAIL addresses must be an e-mail address"
                + " such as user@example.com"));
  }

  @ParameterizedTest(name = "{1} {2}")
  @MethodSource("refusedParticipants")
  void aRefusedParticipantAnswersTheError(String body, int status, String message) {
    Api api = Api.newAccount();
    String conversation = conversation(api);
    api.request()
        .body(body)
        .post(participants(conversation))
        .then()
        .statusCode(status)
        .body("message", equalTo(message));
  }

  @Test
  void participantLifecycle() {
    Api api = Api.newAccount();
    String conversation = conversation(api);
    String id =
        api.request()
            .body(
                "{\"name\":\"Bot\",\"type\":\"AI_AGENT\",\"addresses\":[{\"channel\":\"CHAT\",\"address\":\"bot-1\"}]}")
            .post(participants(conversation))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    api.request()
        .body("{\"name\":\"Bot 2\"}")
        .put(participants(conversation) + "/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Bot 2"))
        .body("type", equalTo("AI_AGENT"))
        .body("addresses[0].address", equalTo("bot-1"));
    api.request()
        .get(participants(conversation))
        .then()
        .statusCode(200)
        .body("meta.key", equalTo("participants"))
        .body("participants.size()", equalTo(3));
    api.request()
        .delete(participants(conversation) + "/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
    api.request().get(participants(conversation) + "/" + id).then().statusCode(404);
  }

  @Test
  void resourceIdMakesPostAnUpsert() {
    Api api = Api.newAccount();
    String conversation = conversation(api);
    String body =
        "{\"author\":{\"address\":\"+15550001111\",\"channel\":\"SMS\"},\"content\":{\"type\":\"TEXT\",\"text\":\"hello\"},"
            + "\"resourceId\":\"SM123\",\"channelId\":\"SM123\",\"recipients\":[{\"address\":\"+15551234567\",\"channel\":\"SMS\",\"deliveryStatus\":\"%s\"}]}";
    String id =
        api.request()
            .body(body.formatted("IN_PROGRESS"))
            .post(communications(conversation))
            .then()
            .statusCode(201)
            .body("id", startsWith("conv_communication_"))
            .extract()
            .path("id");
    api.request()
        .body(body.formatted("DELIVERED"))
        .post(communications(conversation))
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("recipients[0].deliveryStatus", equalTo("DELIVERED"));
    api.request()
        .get(communications(conversation))
        .then()
        .body("communications.size()", equalTo(1))
        .body("meta.key", equalTo("communications"));
    api.request()
        .queryParam("channelId", "SM123")
        .get("/v2/Conversations")
        .then()
        .body("conversations.id", equalTo(List.of(conversation)));
    api.request()
        .queryParam("channelId", "SM999")
        .get(communications(conversation))
        .then()
        .body("communications.size()", equalTo(0));
  }

  /** Stands for a participant of another conversation of the same account. */
  private static final String FOREIGN_PARTICIPANT = "FOREIGN_PARTICIPANT";

  /**
   * Communication bodies the contract refuses: the body, the status and the exact message ({@code
   * FOREIGN_PARTICIPANT} stands for a participant of another conversation in both).
   */
  static Stream<Arguments> refusedCommunications() {
    return Stream.of(
        Arguments.of(
            """
            {"author":{"address":"+15551234567","channel":"SMS","participantId":"FOREIGN_PARTICIPANT"},
             "content":{"type":"TEXT","text":"x"},
             "recipients":[{"address":"+15550001111","channel":"SMS"}]}
            """,
            400,
            "Invalid value for 'author.participantId': FOREIGN_PARTICIPANT is not a participant of"
                + " this conversation"),
        Arguments.of(
            """
            {"author":{"address":"+1","channel":"SMS"},"content":{"type":"TEXT","text":"x"},
             "recipients":[]}
            """,
            400,
            "Invalid value for 'recipients': size must be between 1 and 100"),
        Arguments.of(
            """
            {"author":{"address":"+1","channel":"SMS"},"content":{"type":"VIDEO","text":"x"},
             "recipients":[{"address":"+2","channel":"SMS"}]}
            """,
            400,
            "Invalid value for 'content.type': expected one of TEXT, TRANSCRIPTION"));
  }

  @ParameterizedTest(name = "{1} {2}")
  @MethodSource("refusedCommunications")
  void aRefusedCommunicationAnswersTheError(String body, int status, String message) {
    Api api = Api.newAccount();
    String conversation = conversation(api);
    String other = conversation(api);
    String foreign =
        api.request().get("/v2/Conversations/" + other).then().extract().path("participants[0].id");
    api.request()
        .body(body.replace(FOREIGN_PARTICIPANT, foreign))
        .post(communications(conversation))
        .then()
        .statusCode(status)
        .body("message", equalTo(message.replace(FOREIGN_PARTICIPANT, foreign)));
  }

  @Test
  void aTranscriptionKeepsItsDetailsAndTheInstantInUtc() {
    Api api = Api.newAccount();
    String conversation = conversation(api);
    String transcript =
        api.request()
            .body(
                """
                {"author":{"address":"+15551234567","channel":"VOICE"},
                 "content":{"type":"TRANSCRIPTION","text":"hi",
                            "transcription":{"channel":0,"confidence":0.93,"engine":"x"}},
                 "recipients":[{"address":"+15550001111","channel":"VOICE"}],
                 "occurredAt":"2026-01-02T03:04:05+02:00"}
                """)
            .post(communications(conversation))
            .then()
            .statusCode(201)
            .body("content.transcription.confidence", equalTo(0.93f))
            .body("occurredAt", equalTo("2026-01-02T01:04:05Z"))
            .extract()
            .path("id");
    api.request()
        .get(communications(conversation) + "/" + transcript)
        .then()
        .statusCode(200)
        .body("content.type", equalTo("TRANSCRIPTION"));
  }

  @Test
  void aCommunicationReactivatesAnInactiveConversation() {
    Api api = Api.newAccount();
    String conversation = conversation(api);
    api.request()
        .body("{\"status\":\"INACTIVE\"}")
        .patch("/v2/Conversations/" + conversation)
        .then()
        .body("status", equalTo("INACTIVE"));
    api.request()
        .body(Fixtures.textCommunication("+15551234567", "+15550001111", "back"))
        .post(communications(conversation))
        .then()
        .statusCode(201);
    api.request()
        .get("/v2/Conversations/" + conversation)
        .then()
        .body("status", equalTo("ACTIVE"))
        .body("inactiveAt", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void communicationsPageInOccurrenceOrder() {
    Api api = Api.newAccount();
    String conversation = conversation(api);
    for (int minute = 5; minute >= 1; minute--) {
      api.request()
          .body(
              "{\"author\":{\"address\":\"+15551234567\",\"channel\":\"SMS\"},\"content\":{\"type\":\"TEXT\",\"text\":\"m"
                  + minute
                  + "\"},"
                  + "\"recipients\":[{\"address\":\"+15550001111\",\"channel\":\"SMS\"}],\"occurredAt\":\"2026-01-01T00:0"
                  + minute
                  + ":00Z\"}")
          .post(communications(conversation))
          .then()
          .statusCode(201);
    }
    var first =
        api.request()
            .queryParam("pageSize", 3)
            .get(communications(conversation))
            .then()
            .extract()
            .jsonPath();
    assertThat(first.getList("communications.content.text")).containsExactly("m1", "m2", "m3");
    api.request()
        .queryParam("pageSize", 3)
        .queryParam("pageToken", first.getString("meta.nextToken"))
        .get(communications(conversation))
        .then()
        .body("communications.content.text", equalTo(List.of("m4", "m5")))
        .body("meta.nextToken", nullValue());
  }
}
