package io.conversationorchestrator.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.Shape;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every answer parses with the zod schemas of Twilio's agent tooling, restated here as {@link
 * Shape} tables: {@code ConversationResponseSchema}, {@code ConversationParticipantSchema}, {@code
 * CommunicationSchema} (author and recipients as {@code CommunicationParticipantSchema}, so {@code
 * participantId} is a required string), {@code ConversationConfigurationSchema} and the list
 * schemas. zod objects drop keys they do not know, so only the listed fields are checked; an
 * optional field that is not nullable must be absent rather than null.
 *
 * <p>Schemas read from <a
 * href="https://github.com/twilio/twilio-agent-connect-typescript/blob/main/packages/core/src/types/conversation.ts">twilio-agent-connect-typescript
 * packages/core/src/types/conversation.ts</a> (the version naming "Conversation Orchestrator", with
 * camelCase fields; an older commit, 645351100db855215f85453331a4105ce4c3227c, still had snake_case
 * communications).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentToolingShapesTest {
  static final Shape CONVERSATION =
      Shape.of(
          """
          id              | yes | no  | string
          accountId       | yes | no  | string
          status          | no  | no  | string
          name            | no  | yes | string
          configurationId | no  | no  | string
          createdAt       | no  | no  | string
          updatedAt       | no  | no  | string
          """);

  static final Shape PARTICIPANT =
      Shape.of(
          """
          id                    | yes | no  | string
          conversationId        | yes | no  | string
          accountId             | yes | no  | string
          name                  | no  | no  | string
          type                  | no  | no  | HUMAN_AGENT,CUSTOMER,AI_AGENT,AGENT,UNKNOWN
          profileId             | no  | yes | string
          addresses             | no  | no  | array
          addresses[].channel   | yes | no  | VOICE,SMS,RCS,EMAIL,WHATSAPP,CHAT,API,SYSTEM
          addresses[].address   | yes | no  | string
          addresses[].channelId | no  | yes | string
          createdAt             | no  | no  | string
          updatedAt             | no  | no  | string
          """);

  private static final String PARTY =
      """
      %1$s.address        | yes | no | string
      %1$s.channel        | yes | no | VOICE,SMS,RCS,EMAIL,WHATSAPP,CHAT,API,SYSTEM
      %1$s.participantId  | yes | no | string
      %1$s.deliveryStatus | no  | no | INITIATED,IN_PROGRESS,DELIVERED,COMPLETED,FAILED
      """;

  static final Shape COMMUNICATION =
      Shape.of(
          """
          id                                  | yes | no  | string
          conversationId                      | yes | no  | string
          accountId                           | yes | no  | string
          author                              | yes | no  | object
          content                             | yes | no  | object
          content.type                        | yes | no  | TEXT,TRANSCRIPTION
          content.text                        | yes | no  | string
          content.transcription               | no  | no  | object
          content.transcription.channel       | no  | no  | number
          content.transcription.confidence    | no  | no  | number
          content.transcription.engine        | no  | no  | string
          content.transcription.words         | no  | no  | array
          content.transcription.words[].text      | yes | no | string
          content.transcription.words[].startTime | no  | no | string
          content.transcription.words[].endTime   | no  | no | string
          recipients                          | yes | no  | array
          channelId                           | no  | yes | string
          createdAt                           | no  | yes | string
          updatedAt                           | no  | yes | string
          occurredAt                          | no  | yes | string
          """
              + PARTY.formatted("author")
              + PARTY.formatted("recipients[]"));

  static final Shape CONFIGURATION =
      Shape.of(
          """
          id                                           | yes | no  | string
          displayName                                  | no  | yes | string
          description                                  | yes | no  | string
          conversationGroupingType                     | yes | no  | GROUP_BY_PROFILE,GROUP_BY_PARTICIPANT_ADDRESSES,GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE
          memoryStoreId                                | yes | no  | string
          channelSettings                              | no  | yes | object
          channelSettings.*.statusTimeouts             | no  | yes | object
          channelSettings.*.statusTimeouts.inactive    | no  | yes | integer
          channelSettings.*.statusTimeouts.closed      | yes | no  | integer
          channelSettings.*.captureRules               | no  | yes | array
          channelSettings.*.captureRules[].from        | yes | no  | string
          channelSettings.*.captureRules[].to          | yes | no  | string
          channelSettings.*.captureRules[].metadata    | no  | yes | object
          statusCallbacks                              | no  | yes | array
          statusCallbacks[].url                        | yes | no  | string
          statusCallbacks[].method                     | no  | no  | POST,GET,PUT,DELETE,PATCH
          intelligenceConfigurationIds                 | no  | yes | array
          createdAt                                    | no  | yes | string
          updatedAt                                    | no  | yes | string
          version                                      | no  | yes | integer
          """);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHANNELS =
      """
      {"SMS":{"statusTimeouts":{"inactive":30,"closed":1440},
              "captureRules":[{"from":"*","to":"+15550001111"}]},
       "VOICE":{"statusTimeouts":{"closed":60},
                "captureRules":[{"from":"*","to":"*","metadata":{"callType":"PSTN"}}]}}""";

  private final Map<String, String> answers = new LinkedHashMap<>();

  /** One of every answer: a participant without a name, communications with sparse fields. */
  @BeforeEach
  void callEveryEndpoint() {
    if (!answers.isEmpty()) {
      return;
    }
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(api, Fixtures.configuration("shapes", CHANNELS));
    String configurations = "/v2/ControlPlane/Configurations";
    answers.put("configuration fetch", get(api, configurations + "/" + configuration));
    answers.put("configuration list", get(api, configurations));
    String created =
        send(
            api,
            "POST",
            "/v2/Conversations",
            "{\"configurationId\":\"" + configuration + "\"}",
            201);
    answers.put("conversation create", created);
    String conversation = read(created).path("id").asText();
    String seeded =
        send(
            api, "POST", "/v2/Conversations", Fixtures.customerConversation(configuration, 1), 201);
    answers.put("conversation create with participants", seeded);
    answers.put("conversation fetch", get(api, "/v2/Conversations/" + conversation));
    answers.put("conversation list", get(api, "/v2/Conversations"));
    String participants = "/v2/Conversations/" + conversation + "/Participants";
    String participant =
        send(
            api,
            "POST",
            participants,
            "{\"addresses\":[{\"channel\":\"SMS\",\"address\":\"+15557770001\"}]}",
            201);
    answers.put("participant create", participant);
    String participantId = read(participant).path("id").asText();
    answers.put("participant fetch", get(api, participants + "/" + participantId));
    answers.put(
        "participant PUT",
        send(api, "PUT", participants + "/" + participantId, "{\"type\":\"CUSTOMER\"}", 200));
    String communications = "/v2/Conversations/" + conversation + "/Communications";
    String text =
        send(
            api,
            "POST",
            communications,
            Fixtures.textCommunication("+15557770001", "+15550009999", "hello"),
            201);
    answers.put("communication create", text);
    answers.put(
        "communication create (transcription)",
        send(
            api,
            "POST",
            communications,
            """
            {"author":{"address":"+15557770001","channel":"VOICE"},
             "content":{"type":"TRANSCRIPTION","text":"hi",
                        "transcription":{"channel":0,"words":[{"text":"hi"}]}},
             "recipients":[{"address":"+15550009999","channel":"VOICE"}]}""",
            201));
    answers.put(
        "communication fetch", get(api, communications + "/" + read(text).path("id").asText()));
    answers.put("communication list", get(api, communications));
    answers.put("participant list", get(api, participants));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          configuration fetch                   | CONFIGURATION |
          configuration list                    | CONFIGURATION | configurations
          conversation create                   | CONVERSATION  |
          conversation create with participants | CONVERSATION  |
          conversation fetch                    | CONVERSATION  |
          conversation list                     | CONVERSATION  | conversations
          participant create                    | PARTICIPANT   |
          participant fetch                     | PARTICIPANT   |
          participant PUT                       | PARTICIPANT   |
          participant list                      | PARTICIPANT   | participants
          conversation create with participants | PARTICIPANT   | participants
          communication create                  | COMMUNICATION |
          communication create (transcription)  | COMMUNICATION |
          communication fetch                   | COMMUNICATION |
          communication list                    | COMMUNICATION | communications
          """)
  void answersParseWithTheAgentToolingSchemas(String answer, String schema, String list) {
    JsonNode body = read(answers.get(answer));
    List<JsonNode> items = new ArrayList<>();
    if (list == null) {
      items.add(body);
    } else {
      assertThat(body.path(list).isArray()).as(list + " is an array").isTrue();
      assertThat(body.path(list).size()).as(list + " has items").isPositive();
      body.path(list).forEach(items::add);
    }
    for (JsonNode item : items) {
      assertThat(shape(schema).problems(item)).as(item.toString()).isEmpty();
    }
  }

  @Test
  void theTablesRefuseWhatZodRefuses() {
    JsonNode participant =
        read(
            """
            {"id":"p","conversationId":"c","accountId":"a","name":null,"type":"BOT",
             "addresses":[{"channel":"SMS"}]}""");
    assertThat(PARTICIPANT.problems(participant))
        .containsExactly(
            "name: null, but the schema does not allow null",
            "type: expected one of HUMAN_AGENT,CUSTOMER,AI_AGENT,AGENT,UNKNOWN, got \"BOT\"",
            "addresses[0].address: missing");
    JsonNode communication =
        read(
            """
            {"id":"m","conversationId":"c","accountId":"a",
             "author":{"address":"+1","channel":"SMS","participantId":null},
             "content":{"type":"TEXT","text":"x","transcription":null},
             "recipients":[{"address":"+2","channel":"SMS","deliveryStatus":null}]}""");
    assertThat(COMMUNICATION.problems(communication))
        .containsExactlyInAnyOrder(
            "content.transcription: null, but the schema does not allow null",
            "author.participantId: null, but the schema does not allow null",
            "recipients[0].participantId: missing",
            "recipients[0].deliveryStatus: null, but the schema does not allow null");
  }

  private static Shape shape(String name) {
    return switch (name) {
      case "CONFIGURATION" -> CONFIGURATION;
      case "CONVERSATION" -> CONVERSATION;
      case "PARTICIPANT" -> PARTICIPANT;
      case "COMMUNICATION" -> COMMUNICATION;
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static String get(Api api, String path) {
    return api.request().get(path).then().statusCode(200).extract().asString();
  }

  private static String send(Api api, String method, String path, String body, int status) {
    return api.request()
        .body(body)
        .request(method, path)
        .then()
        .statusCode(status)
        .extract()
        .asString();
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
