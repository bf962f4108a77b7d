package io.conversationorchestrator.conversation;

import static io.conversationorchestrator.support.Errors.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.Ingestion;
import io.conversationorchestrator.support.StoredRows;
import io.conversationorchestrator.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A communication's author and recipients always answer with a {@code participantId}: the one given
 * (it must be the conversation's and hold the address), else the participant holding the address
 * (the same number on another channel counts), else a participant added for it, announced by
 * PARTICIPANT_ADDED before the COMMUNICATION_CREATED that names it.
 */
@QuarkusTest
class ParticipantResolutionTest {
  private static final String KIRAN = "+15551234567"; // the seed's CUSTOMER
  private static final String KAI = "+15550001111"; // the seed's HUMAN_AGENT

  @Inject Pool pool;

  record Seed(Api api, String conversation, String kiran, String kai) {
    static Seed create() {
      Api api = Api.newAccount();
      String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
      String conversation =
          Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
      JsonPath participants =
          api.request().get(participantsPath(conversation)).then().extract().jsonPath();
      return new Seed(
          api,
          conversation,
          participants.getString("participants.find { it.type == 'CUSTOMER' }.id"),
          participants.getString("participants.find { it.type == 'HUMAN_AGENT' }.id"));
    }

    String fill(String body) {
      return body.replace("$KIRAN_ID", kiran).replace("$KAI_ID", kai);
    }

    JsonPath post(String body, int status) {
      return api.request()
          .body(fill(body))
          .post("/v2/Conversations/" + conversation + "/Communications")
          .then()
          .statusCode(status)
          .extract()
          .jsonPath();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          given and matching          | {"author":{"address":"+15551234567","channel":"SMS","participantId":"$KIRAN_ID"},"content":{"type":"TEXT","text":"x"},"recipients":[{"address":"+15550001111","channel":"SMS","participantId":"$KAI_ID"}]} | $KIRAN_ID | $KAI_ID
          resolved by address         | {"author":{"address":"+15551234567","channel":"SMS"},"content":{"type":"TEXT","text":"x"},"recipients":[{"address":"+15550001111","channel":"SMS"}]} | $KIRAN_ID | $KAI_ID
          resolved across channels    | {"author":{"address":"whatsapp:+15551234567","channel":"WHATSAPP"},"content":{"type":"TEXT","text":"x"},"recipients":[{"address":"+15550001111","channel":"VOICE"}]} | $KIRAN_ID | $KAI_ID
          given across channels       | {"author":{"address":"whatsapp:+15551234567","channel":"WHATSAPP","participantId":"$KIRAN_ID"},"content":{"type":"TEXT","text":"x"},"recipients":[{"address":"+15550001111","channel":"SMS"}]} | $KIRAN_ID | $KAI_ID
          """)
  void authorAndRecipientsAnswerTheirParticipant(
      String name, String body, String author, String recipient) {
    Seed seed = Seed.create();
    JsonPath created = seed.post(body, 201);
    assertThat(created.getString("author.participantId")).isEqualTo(seed.fill(author));
    assertThat(created.getList("recipients.participantId")).containsExactly(seed.fill(recipient));
    JsonPath fetched =
        seed.api()
            .request()
            .get(
                "/v2/Conversations/"
                    + seed.conversation()
                    + "/Communications/"
                    + created.getString("id"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(fetched.getString("author.participantId")).isEqualTo(seed.fill(author));
    assertThat(fetched.getList("recipients.participantId")).containsExactly(seed.fill(recipient));
    assertThat(participants(seed)).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          someone else's address   | {"author":{"address":"+15551234567","channel":"SMS","participantId":"$KAI_ID"},"content":{"type":"TEXT","text":"x"},"recipients":[{"address":"+15550001111","channel":"SMS"}]} | Invalid value for 'author.participantId': $KAI_ID has no address matching 'author.address'
          not of this conversation | {"author":{"address":"+15551234567","channel":"SMS"},"content":{"type":"TEXT","text":"x"},"recipients":[{"address":"+15550001111","channel":"SMS","participantId":"conv_participant_01m8ehv657e3st6zfxaxh5mj3a"}]} | Invalid value for 'recipients[0].participantId': conv_participant_01m8ehv657e3st6zfxaxh5mj3a is not a participant of this conversation
          an address no participant could have | {"author":{"address":"555-1234","channel":"SMS"},"content":{"type":"TEXT","text":"x"},"recipients":[{"address":"+15550001111","channel":"SMS"}]} | Invalid value for 'author.address': SMS addresses must be E.164
          """)
  void aParticipantIdThatDoesNotFitIsRefusedAndNothingIsStored(
      String name, String body, String message) {
    Seed seed = Seed.create();
    Map<String, String> before = StoredRows.of(pool, seed.api().accountSid());
    assertErrorBody(
        seed.api()
            .request()
            .body(seed.fill(body))
            .post("/v2/Conversations/" + seed.conversation() + "/Communications")
            .then(),
        400,
        seed.fill(message));
    assertThat(StoredRows.of(pool, seed.api().accountSid())).isEqualTo(before);
  }

  @Test
  void anUnknownAddressBecomesAParticipantAnnouncedBeforeTheCommunication() {
    Seed seed = Seed.create();
    JsonPath created =
        seed.post(
            """
            {"author":{"address":"+15550002222","channel":"SMS"},"content":{"type":"TEXT","text":"x"},
             "recipients":[{"address":"+15551234567","channel":"SMS"},
                           {"address":"+15550003333","channel":"SMS"},
                           {"address":"+15550002222","channel":"SMS"}]}""",
            201);
    String author = created.getString("author.participantId");
    List<String> recipients = created.getList("recipients.participantId");
    assertThat(recipients).hasSize(3);
    assertThat(recipients.get(0)).isEqualTo(seed.kiran());
    assertThat(recipients.get(2)).as("added once, then found").isEqualTo(author);
    List<JsonNode> added =
        participants(seed).stream()
            .filter(p -> !List.of(seed.kiran(), seed.kai()).contains(p.path("id").asText()))
            .toList();
    assertThat(added)
        .extracting(p -> p.path("id").asText())
        .containsExactly(author, recipients.get(1));
    assertThat(added).allSatisfy(p -> assertThat(p.path("type").asText()).isEqualTo("UNKNOWN"));
    assertThat(added.get(0).path("addresses").toString())
        .isEqualTo("[{\"channel\":\"SMS\",\"address\":\"+15550002222\",\"channelId\":null}]");

    try (TopicReader reader = new TopicReader("conversations")) {
      List<TopicReader.Event> events =
          reader.await(
              seed.conversation(),
              Duration.ofSeconds(30),
              e -> e.stream().anyMatch(x -> x.type().equals("COMMUNICATION_CREATED")));
      List<String> order =
          events.stream()
              .filter(e -> !e.type().startsWith("CONVERSATION_"))
              .map(e -> e.type() + " " + e.value().path("data").path("id").asText())
              .toList();
      assertThat(order)
          .containsSubsequence(
              "PARTICIPANT_ADDED " + author,
              "PARTICIPANT_ADDED " + recipients.get(1),
              "COMMUNICATION_CREATED " + created.getString("id"));
      JsonNode communication =
          events.stream()
              .filter(e -> e.type().equals("COMMUNICATION_CREATED"))
              .findFirst()
              .orElseThrow()
              .value()
              .path("data");
      assertThat(communication.path("author").path("participantId").asText()).isEqualTo(author);
      assertThat(AgentToolingShapesTest.COMMUNICATION.problems(communication)).isEmpty();
    }
  }

  @Test
  void ingestionAddsTheCustomerSideAsCustomerAndTheBusinessSideAsAgent() {
    Seed seed = Seed.create();
    JsonPath ingested =
        Ingestion.ingest(
            seed.api(),
            Ingestion.message(
                "\"conversationId\":\"" + seed.conversation() + "\",",
                "SMS",
                "+15557654321",
                "+15550004444",
                "from a new number"),
            201);
    String author = ingested.getString("communication.author.participantId");
    String recipient = ingested.getString("communication.recipients[0].participantId");
    List<JsonNode> all = participants(seed);
    assertThat(typeOf(all, author)).isEqualTo("CUSTOMER");
    assertThat(typeOf(all, recipient)).isEqualTo("AGENT");
  }

  private static String typeOf(List<JsonNode> participants, String id) {
    return participants.stream()
        .filter(p -> p.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow()
        .path("type")
        .asText();
  }

  private static List<JsonNode> participants(Seed seed) {
    JsonNode list =
        AgentToolingShapesTest.read(
            seed.api()
                .request()
                .get(participantsPath(seed.conversation()))
                .then()
                .statusCode(200)
                .extract()
                .asString());
    return StreamSupport.stream(list.path("participants").spliterator(), false).toList();
  }

  private static String participantsPath(String conversation) {
    return "/v2/Conversations/" + conversation + "/Participants";
  }
}
