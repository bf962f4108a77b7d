package io.conversationorchestrator.action;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * A conversation to send in: the seed's customer (Kiran, SMS +15551234567) and agent (Kai, SMS
 * +15550001111), and Dual, an agent on SMS +15550002222 and WHATSAPP whatsapp:+15550002222.
 */
record Actions(Api api, String conversation, String customer, String agent, String dual) {
  static final String CUSTOMER_SMS = "+15551234567";
  static final String AGENT_SMS = "+15550001111";

  static Actions create(Api api, String configurationBody) {
    String configuration = Fixtures.createConfiguration(api, configurationBody);
    String conversation =
        Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    JsonPath participants =
        api.request()
            .get("/v2/Conversations/" + conversation + "/Participants")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String dual =
        api.request()
            .body(
                """
                {"name":"Dual","type":"HUMAN_AGENT","addresses":[
                  {"channel":"SMS","address":"+15550002222"},
                  {"channel":"WHATSAPP","address":"whatsapp:+15550002222"}]}""")
            .post("/v2/Conversations/" + conversation + "/Participants")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new Actions(
        api,
        conversation,
        participants.getString("participants.find { it.type == 'CUSTOMER' }.id"),
        participants.getString("participants.find { it.type == 'HUMAN_AGENT' }.id"),
        dual);
  }

  static Actions create(Api api) {
    return create(api, Fixtures.seedConfiguration());
  }

  /** The SEND_MESSAGE body with these parties (JSON objects) and text. */
  static String sendMessage(String from, String to, String text) {
    return """
        {"type":"SEND_MESSAGE","payload":{"from":%s,"to":[%s],"content":{"text":"%s"}}}"""
        .formatted(from, to, text);
  }

  /** Agent to customer on SMS, by participant ids. */
  String agentToCustomer(String text) {
    return sendMessage(
        "{\"participantId\":\"" + agent + "\",\"channel\":\"SMS\"}",
        "{\"participantId\":\"" + customer + "\",\"channel\":\"SMS\"}",
        text);
  }

  /** Replaces $CUSTOMER, $AGENT and $DUAL with the participant ids. */
  String fill(String template) {
    return template.replace("$CUSTOMER", customer).replace("$AGENT", agent).replace("$DUAL", dual);
  }

  String path() {
    return "/v2/Conversations/" + conversation + "/Actions";
  }

  ValidatableResponse post(String body) {
    return api.request().body(body).post(path()).then();
  }

  /** Creates an action (202) and answers its id. */
  String send(String body) {
    return post(body).statusCode(202).extract().path("id");
  }

  ValidatableResponse fetch(String action) {
    return api.request().get(path() + "/" + action).then();
  }

  ValidatableResponse report(String action, String result) {
    return api.request().body(result).post(path() + "/" + action + "/Result").then();
  }

  static String completed(String messageId) {
    return "{\"status\":\"COMPLETED\",\"messageId\":\"" + messageId + "\"}";
  }

  static String failed(String reason) {
    return "{\"status\":\"FAILED\",\"failureReason\":\"" + reason + "\"}";
  }
}
