package io.conversationorchestrator.action;

import static io.conversationorchestrator.support.Errors.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.StoredRows;
import io.conversationorchestrator.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Creating, reading and listing actions; how parties are named and resolved; what is refused. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @Inject Pool pool;
  private TopicReader commands;
  private Actions shared;
  // Takes only refused actions: the shared fixture's accepted ones are dispatched, delivered and
  // timed out in the background, which changes its rows while a refusal is checked for no change.
  private Actions refusals;

  @BeforeEach
  void start() {
    if (shared == null) { // not @BeforeAll: the service's port is known from here on
      commands = new TopicReader("conversation-actions");
      shared = Actions.create(Api.newAccount());
      refusals = Actions.create(Api.newAccount());
    }
  }

  @AfterAll
  void stop() {
    commands.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          participantId and channel  | {"participantId":"$AGENT","channel":"SMS"}    | {"participantId":"$CUSTOMER","channel":"SMS"} | $AGENT:+15550001111:SMS  | $CUSTOMER:+15551234567:SMS
          participantId alone        | {"participantId":"$AGENT"}                    | {"participantId":"$CUSTOMER"}                 | $AGENT:+15550001111:SMS  | $CUSTOMER:+15551234567:SMS
          a participant's address    | {"address":"+15550001111","channel":"SMS"}    | {"address":"+15551234567","channel":"SMS"}    | $AGENT:+15550001111:SMS  | $CUSTOMER:+15551234567:SMS
          an outside address         | {"participantId":"$AGENT","channel":"SMS"}    | {"address":"+15559990000","channel":"SMS"}    | $AGENT:+15550001111:SMS  | null:+15559990000:SMS
          one of two channels        | {"participantId":"$DUAL","channel":"WHATSAPP"} | {"address":"whatsapp:+15551234567","channel":"WHATSAPP"} | $DUAL:whatsapp:+15550002222:WHATSAPP | $CUSTOMER:whatsapp:+15551234567:WHATSAPP
          a number across channels   | {"address":"whatsapp:+15550001111","channel":"WHATSAPP"} | {"address":"whatsapp:+15551234567","channel":"WHATSAPP"} | $AGENT:whatsapp:+15550001111:WHATSAPP | $CUSTOMER:whatsapp:+15551234567:WHATSAPP
          participantId and address  | {"participantId":"$DUAL","address":"+15550002222"} | {"participantId":"$CUSTOMER"}            | $DUAL:+15550002222:SMS   | $CUSTOMER:+15551234567:SMS
          """)
  void aPartyIsResolvedToAnAddressOnTheMessagesChannel(
      String way, String from, String to, String resolvedFrom, String resolvedTo) {
    Actions a = Actions.create(Api.newAccount());
    String id = a.send(a.fill(Actions.sendMessage(from, to, "Your order shipped")));
    JsonNode command = command(a.conversation(), id);
    assertThat(party(command.path("from"))).isEqualTo(a.fill(resolvedFrom));
    assertThat(party(command.path("to").get(0))).isEqualTo(a.fill(resolvedTo));
  }

  @Test
  void aNewActionIsPendingAndItsCommandCarriesTheRequest() {
    String body =
        shared.fill(
            """
            {"type":"SEND_MESSAGE","payload":{
              "from":{"participantId":"$AGENT","channel":"SMS"},
              "to":[{"participantId":"$CUSTOMER","channel":"SMS"},{"address":"+15559990001","channel":"SMS"}],
              "content":{"text":"Hi","contentId":"HX0123456789abcdef0123456789ABCDEF",
                         "variables":{"1":"Kiran"},"mediaUrls":["https://example.com/a.png"]},
              "channelSettings":{"messagingServiceSid":"MG123","nested":{"n":1,"list":[true]}}}}""");
    String id =
        shared
            .post(body)
            .statusCode(202)
            .body("id", startsWith("conv_action_"))
            .body("type", equalTo("SEND_MESSAGE"))
            .body("status", equalTo("PENDING"))
            .body("conversationId", equalTo(shared.conversation()))
            .body("accountId", equalTo(shared.api().accountSid()))
            .body("related", anEmptyMap())
            .body("$", hasKey("completedAt"))
            .body("completedAt", nullValue())
            .body("$", hasKey("failureReason"))
            .body("failureReason", nullValue())
            .extract()
            .path("id");
    shared.fetch(id).statusCode(200).body("id", equalTo(id)).body("status", equalTo("PENDING"));
    JsonNode command = command(shared.conversation(), id);
    JsonNode sent = read(body).path("payload");
    assertThat(command.path("actionId").asText()).isEqualTo(id);
    assertThat(command.path("conversationId").asText()).isEqualTo(shared.conversation());
    assertThat(command.path("accountId").asText()).isEqualTo(shared.api().accountSid());
    assertThat(command.path("type").asText()).isEqualTo("SEND_MESSAGE");
    assertThat(command.path("content")).isEqualTo(sent.path("content"));
    assertThat(command.path("channelSettings")).isEqualTo(sent.path("channelSettings"));
    assertThat(command.path("to")).hasSize(2);
    assertThat(command.path("expiresAt").asText()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          another type            | {"type":"START_FLOW","payload":{"from":{"participantId":"$AGENT"},"to":[{"participantId":"$CUSTOMER"}],"content":{"text":"x"}}} | Invalid value for 'type': expected one of SEND_MESSAGE
          no payload              | {"type":"SEND_MESSAGE"} | Invalid value for 'payload': must not be null
          no recipient            | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT"},"to":[],"content":{"text":"x"}}} | Invalid value for 'payload.to': size must be between 1 and 50
          an unnamed party        | {"type":"SEND_MESSAGE","payload":{"from":{"channel":"SMS"},"to":[{"participantId":"$CUSTOMER"}],"content":{"text":"x"}}} | Invalid value for 'payload.from': name a 'participantId', or an 'address' with its 'channel'
          not a participant       | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT"},"to":[{"participantId":"$CUSTOMER"},{"participantId":"conv_participant_01m8ehv657e3st6zfxaxh5mj3a"}],"content":{"text":"x"}}} | Invalid value for 'payload.to[1].participantId': conv_participant_01m8ehv657e3st6zfxaxh5mj3a is not a participant of this conversation
          not an id               | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"Kai"},"to":[{"participantId":"$CUSTOMER"}],"content":{"text":"x"}}} | Invalid value for 'payload.from.participantId': Kai is not a participant of this conversation
          two addresses           | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$DUAL"},"to":[{"participantId":"$CUSTOMER"}],"content":{"text":"x"}}} | Invalid value for 'payload.from.channel': participant $DUAL has 2 addresses; name the channel
          no address there        | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT","channel":"WHATSAPP"},"to":[{"participantId":"$CUSTOMER"}],"content":{"text":"x"}}} | Invalid value for 'payload.from.channel': participant $AGENT has no address on WHATSAPP
          not its address         | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT","address":"+15550009999"},"to":[{"participantId":"$CUSTOMER"}],"content":{"text":"x"}}} | Invalid value for 'payload.from.address': participant $AGENT has no address +15550009999
          two channels            | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT"},"to":[{"participantId":"$DUAL","channel":"WHATSAPP"}],"content":{"text":"x"}}} | Invalid value for 'payload.to[0].channel': WHATSAPP is not SMS, the channel of 'payload.from'
          a bad address           | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT"},"to":[{"address":"5551234","channel":"SMS"}],"content":{"text":"x"}}} | Invalid value for 'payload.to[0].address': SMS addresses must be E.164
          an unknown channel      | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT"},"to":[{"address":"x","channel":"FAX"}],"content":{"text":"x"}}} | Invalid value for 'payload.to[0].channel': expected one of
          no content              | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT"},"to":[{"participantId":"$CUSTOMER"}],"content":{}}} | Invalid value for 'payload.content': give 'text', 'contentId' or both
          an empty text           | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT"},"to":[{"participantId":"$CUSTOMER"}],"content":{"text":""}}} | Invalid value for 'payload.content.text': size must be between 1 and 32768
          a bad contentId         | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT"},"to":[{"participantId":"$CUSTOMER"}],"content":{"contentId":"HX12"}}} | Invalid value for 'payload.content.contentId': expected HX followed by 32 hex digits
          variables without one   | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT"},"to":[{"participantId":"$CUSTOMER"}],"content":{"text":"x","variables":{"1":"a"}}}} | Invalid value for 'payload.content.variables': only allowed with 'contentId'
          a number as variable    | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT"},"to":[{"participantId":"$CUSTOMER"}],"content":{"contentId":"HX0123456789abcdef0123456789abcdef","variables":{"1":2}}}} | Invalid value for 'payload.content.variables.1': expected a string
          a media URL not http    | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT"},"to":[{"participantId":"$CUSTOMER"}],"content":{"text":"x","mediaUrls":["ftp://example.com/a.png"]}}} | Invalid value for 'payload.content.mediaUrls[0]': expected an absolute http(s) URL
          a relative media URL    | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT"},"to":[{"participantId":"$CUSTOMER"}],"content":{"text":"x","mediaUrls":["/a.png"]}}} | Invalid value for 'payload.content.mediaUrls[0]': expected an absolute http(s) URL
          settings not an object  | {"type":"SEND_MESSAGE","payload":{"from":{"participantId":"$AGENT"},"to":[{"participantId":"$CUSTOMER"}],"content":{"text":"x"},"channelSettings":"MG1"}} | Invalid value for 'payload.channelSettings': expected an object
          """)
  void aBadActionIsRefusedNamingTheFieldAndNothingIsStored(
      String why, String body, String message) {
    Map<String, String> before = StoredRows.of(pool, refusals.api().accountSid());
    assertErrorBody(refusals.post(refusals.fill(body)), 400, refusals.fill(message));
    assertThat(StoredRows.of(pool, refusals.api().accountSid())).isEqualTo(before);
  }

  @Test
  void anUnknownConversationIsNotFoundAndAClosedOneTakesNoAction() {
    String unknown = "conv_conversation_01m8ehv657e3st6zfxaxh5mj3a";
    assertErrorBody(
        shared
            .api()
            .request()
            .body(shared.agentToCustomer("x"))
            .post("/v2/Conversations/" + unknown + "/Actions")
            .then(),
        404,
        "The requested Conversation " + unknown + " was not found");
    Actions closed = Actions.create(Api.newAccount());
    closed
        .api()
        .request()
        .body("{\"status\":\"CLOSED\"}")
        .patch("/v2/Conversations/" + closed.conversation())
        .then()
        .statusCode(200);
    assertErrorBody(
        closed.post(closed.agentToCustomer("x")),
        409,
        "Conversation " + closed.conversation() + " is CLOSED");
    assertErrorBody(
        shared.fetch("conv_action_01m8ehv657e3st6zfxaxh5mj3a"),
        404,
        "The requested Action conv_action_01m8ehv657e3st6zfxaxh5mj3a was not found");
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyReplaysTheFirstAction() {
    Actions a = Actions.create(Api.newAccount());
    String key = Api.newKey();
    String body = a.agentToCustomer("Once only");
    String first =
        a.api()
            .idempotent(key)
            .body(body)
            .post(a.path())
            .then()
            .statusCode(202)
            .extract()
            .asString();
    String again =
        a.api()
            .idempotent(key)
            .body(body)
            .post(a.path())
            .then()
            .statusCode(202)
            .extract()
            .asString();
    assertThat(again).isEqualTo(first);
    a.api()
        .request()
        .get(a.path())
        .then()
        .statusCode(200)
        .body("actions.size()", equalTo(1))
        .body("meta.key", equalTo("actions"));
  }

  @Test
  void actionsAreListedOldestFirstPageByPage() {
    Actions a = Actions.create(Api.newAccount());
    List<String> ids = List.of(a.send(a.agentToCustomer("1")), a.send(a.agentToCustomer("2")));
    var page = a.api().request().queryParam("pageSize", 1).get(a.path()).then().statusCode(200);
    page.body("actions[0].id", equalTo(ids.get(0))).body("meta.pageSize", equalTo(1));
    String next = page.extract().path("meta.nextToken");
    a.api()
        .request()
        .queryParam("pageSize", 1)
        .queryParam("pageToken", next)
        .get(a.path())
        .then()
        .statusCode(200)
        .body("actions[0].id", equalTo(ids.get(1)))
        .body("meta.nextToken", nullValue());
  }

  /** The command of an action, as read off the actions topic. */
  private JsonNode command(String conversation, String action) {
    return commands
        .await(
            conversation,
            Duration.ofSeconds(30),
            events -> events.stream().anyMatch(e -> isCommandOf(e, action)))
        .stream()
        .filter(e -> isCommandOf(e, action))
        .findFirst()
        .orElseThrow()
        .value()
        .path("data");
  }

  private static boolean isCommandOf(TopicReader.Event e, String action) {
    return e.type().equals("ACTION_SEND_MESSAGE_REQUESTED")
        && e.value().path("data").path("actionId").asText().equals(action);
  }

  private static String party(JsonNode party) {
    return party.path("participantId").asText("null")
        + ":"
        + party.path("address").asText()
        + ":"
        + party.path("channel").asText();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
