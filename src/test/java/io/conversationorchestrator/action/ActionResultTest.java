package io.conversationorchestrator.action;

import static io.conversationorchestrator.support.Errors.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.CallbackSink.Received;
import io.conversationorchestrator.support.Callbacks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How an action ends: the adapter's result (REST or Kafka), or the timeout. */
@QuarkusTest
class ActionResultTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private CallbackSink callbacks;

  @BeforeEach
  void start() throws Exception {
    callbacks = new CallbackSink();
  }

  @AfterEach
  void stop() {
    callbacks.close();
  }

  @Test
  void aSentMessageCompletesTheActionAsACommunicationThatReactivatesTheConversation() {
    Api api = Api.newAccount();
    Actions a =
        Actions.create(
            api,
            Callbacks.withCallbacks(
                "{\"SMS\":{\"statusTimeouts\":{\"inactive\":1,\"closed\":3600}}}",
                "{\"url\":\"" + callbacks.url("/status") + "\"}"));
    awaitStatus(a, "INACTIVE");
    String id = a.send(a.agentToCustomer("Your order shipped"));
    JsonPath done =
        a.report(id, Actions.completed("SM00000000000000000000000000000001"))
            .statusCode(200)
            .body("status", equalTo("COMPLETED"))
            .body("related.messageSid", equalTo("SM00000000000000000000000000000001"))
            .body("related.communicationId", notNullValue())
            .body("completedAt", notNullValue())
            .body("failureReason", nullValue())
            .extract()
            .jsonPath();
    String communication = done.getString("related.communicationId");
    a.fetch(id).statusCode(200).body("related.communicationId", equalTo(communication));
    a.api()
        .request()
        .get("/v2/Conversations/" + a.conversation() + "/Communications/" + communication)
        .then()
        .statusCode(200)
        .body("author.participantId", equalTo(a.agent()))
        .body("author.address", equalTo(Actions.AGENT_SMS))
        .body("author.channel", equalTo("SMS"))
        .body("recipients[0].participantId", equalTo(a.customer()))
        .body("recipients[0].address", equalTo(Actions.CUSTOMER_SMS))
        .body("content.type", equalTo("TEXT"))
        .body("content.text", equalTo("Your order shipped"))
        .body("channelId", equalTo("SM00000000000000000000000000000001"));
    // reactivated: seen in the events (the 1 s inactivity timer soon moves it on again)
    List<String> events =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> callbacks.at("/status").stream().map(ActionResultTest::describe).toList(),
                list -> list.contains("ACTION_UPDATED:COMPLETED:RESULT"));
    assertThat(events)
        .containsSubsequence(
            "CONVERSATION_UPDATED:INACTIVE:TIMER",
            "COMMUNICATION_CREATED:null:null",
            "CONVERSATION_UPDATED:ACTIVE:ACTIVITY",
            "ACTION_UPDATED:COMPLETED:RESULT");
  }

  @Test
  void theSameOutcomeTwiceIsAnsweredUnchangedAndAnotherOneIsAConflict() {
    Actions a = Actions.create(Api.newAccount());
    String id = a.send(a.agentToCustomer("Twice"));
    String first = a.report(id, Actions.completed("SM1")).statusCode(200).extract().asString();
    String again = a.report(id, Actions.completed("SM1")).statusCode(200).extract().asString();
    assertThat(again).isEqualTo(first);
    assertErrorBody(
        a.report(id, Actions.completed("SM2")),
        409,
        "Action " + id + " already ended: COMPLETED with messageId SM1");
    assertErrorBody(
        a.report(id, Actions.failed("carrier refused")),
        409,
        "Action " + id + " already ended: COMPLETED");
    a.api()
        .request()
        .get("/v2/Conversations/" + a.conversation() + "/Communications")
        .then()
        .body("communications.size()", equalTo(1));
  }

  @Test
  void aFailedSendIsRecordedWithItsReasonAndNoCommunication() {
    Actions a = Actions.create(Api.newAccount());
    String id = a.send(a.agentToCustomer("Undeliverable"));
    a.report(id, Actions.failed("30006 landline or unreachable carrier"))
        .statusCode(200)
        .body("status", equalTo("FAILED"))
        .body("failureReason", equalTo("30006 landline or unreachable carrier"))
        .body("completedAt", notNullValue());
    a.report(id, Actions.failed("reported again")).statusCode(200);
    a.fetch(id).body("failureReason", equalTo("30006 landline or unreachable carrier"));
    a.api()
        .request()
        .get("/v2/Conversations/" + a.conversation() + "/Communications")
        .then()
        .body("communications.size()", equalTo(0));
  }

  @Test
  void aBadResultIsRefused() {
    Actions a = Actions.create(Api.newAccount());
    String id = a.send(a.agentToCustomer("x"));
    assertErrorBody(
        a.report(id, "{\"status\":\"COMPLETED\"}"),
        400,
        "Invalid value for 'messageId': required when COMPLETED");
    assertErrorBody(
        a.report(id, "{\"status\":\"FAILED\",\"messageId\":\"SM1\",\"failureReason\":\"x\"}"),
        400,
        "Invalid value for 'messageId': only allowed when COMPLETED");
    assertErrorBody(
        a.report(id, "{\"status\":\"PENDING\"}"),
        400,
        "Invalid value for 'status': a result is COMPLETED or FAILED");
    assertErrorBody(
        a.report("conv_action_01m8ehv657e3st6zfxaxh5mj3a", Actions.completed("SM1")),
        404,
        "The requested Action conv_action_01m8ehv657e3st6zfxaxh5mj3a was not found");
    a.fetch(id).body("status", equalTo("PENDING"));
  }

  @Test
  void aMessageSentIntoAClosedConversationCompletesWithoutACommunication() {
    Actions a = Actions.create(Api.newAccount());
    String id = a.send(a.agentToCustomer("Last words"));
    a.api()
        .request()
        .body("{\"status\":\"CLOSED\"}")
        .patch("/v2/Conversations/" + a.conversation())
        .then()
        .statusCode(200);
    a.report(id, Actions.completed("SM9"))
        .statusCode(200)
        .body("status", equalTo("COMPLETED"))
        .body("related.messageSid", equalTo("SM9"))
        .body("related.communicationId", nullValue());
  }

  private static void awaitStatus(Actions a, String status) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                status.equals(
                    a.api()
                        .request()
                        .get("/v2/Conversations/" + a.conversation())
                        .then()
                        .extract()
                        .path("status")));
  }

  private static String describe(Received r) {
    try {
      JsonNode event = JSON.readTree(r.body());
      return event.path("eventType").asText()
          + ":"
          + event.path("status").asText("null")
          + ":"
          + event.path("reason").asText("null");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
