package io.conversationorchestrator.input;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.ApiOperations.Operation;
import io.conversationorchestrator.support.Fixtures;
import java.util.Map;

/**
 * A fresh account holding one of everything (timers far away, so nothing changes by itself while a
 * test compares what is stored), and a valid value for every path parameter and body.
 */
record StoredAccount(
    Api api,
    String configurationId,
    String conversationId,
    String participantId,
    String subscriptionId) {
  static final String SMS_TIMERS =
      "{\"SMS\":{\"statusTimeouts\":{\"inactive\":900000,\"closed\":1800000}}}";

  static StoredAccount create() {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(api, Fixtures.configuration("input", SMS_TIMERS));
    String conversation =
        Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    String participant =
        api.request()
            .get("/v2/Conversations/" + conversation + "/Participants")
            .then()
            .statusCode(200)
            .extract()
            .path("participants[0].id");
    api.request()
        .body(message())
        .post("/v2/Conversations/" + conversation + "/Communications")
        .then()
        .statusCode(201);
    return new StoredAccount(
        api, configuration, conversation, participant, subscription(api, configuration));
  }

  /**
   * A subscription of the configuration to an event these tests never cause, so that no delivery
   * appears (and changes the stored rows) while a test compares them.
   */
  private static String subscription(Api api, String configuration) {
    return api.request()
        .body(
            "{\"url\":\"https://example.com/stored\",\"events\":[\"CONVERSATION_DELETED\"],"
                + "\"configurationId\":\""
                + configuration
                + "\"}")
        .post("/v2/Subscriptions")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** The value of a path parameter of {@code operation}'s path. */
  String value(String parameter) {
    return switch (parameter) {
      case "accountSid" -> api.accountSid();
      case "conversationId" -> conversationId;
      case "keySid" -> "SK00000000000000000000000000000000";
      case "deliveryId" -> "conv_callback_01m8ehv657e3st6zfxaxh5mj3a";
      case "operationId" -> "proc_job_01m8ehv657e3st6zfxaxh5mj3a";
      default -> throw new IllegalArgumentException(parameter);
    };
  }

  /** A path with its parameters filled in; {id} is the resource the path names. */
  String path(Operation operation) {
    String idOwner =
        operation.path().contains("/Participants/")
            ? participantId
            : operation.path().contains("/Configurations/")
                ? configurationId
                : operation.path().contains("/Subscriptions/") ? subscriptionId : conversationId;
    return operation.path(name -> name.equals("id") ? idOwner : value(name));
  }

  /** A body the operation would accept: a malformed request around it must still store nothing. */
  String validBody(Operation operation) {
    Map<String, String> bodies =
        Map.of(
            "POST /v2/ControlPlane/Configurations", Fixtures.configuration("other", SMS_TIMERS),
            "PUT /v2/ControlPlane/Configurations/{id}",
                Fixtures.configuration("renamed", SMS_TIMERS),
            "PATCH /v2/ControlPlane/Configurations/{id}", "{\"displayName\":\"patched\"}",
            "POST /v2/Conversations", Fixtures.customerConversation(configurationId, 7),
            "PUT /v2/Conversations/{id}", "{\"name\":\"renamed\"}",
            "PATCH /v2/Conversations/{id}", "{\"name\":\"patched\"}",
            "POST /v2/Conversations/{conversationId}/Communications", message(),
            "POST /v2/Conversations/{conversationId}/Participants",
                "{\"type\":\"HUMAN_AGENT\",\"addresses\":[{\"channel\":\"SMS\",\"address\":\"+15550002222\"}]}",
            "PUT /v2/Conversations/{conversationId}/Participants/{id}", "{\"name\":\"renamed\"}");
    Map<String, String> subscriptions =
        Map.of(
            "POST /v2/Subscriptions", "{\"url\":\"https://example.com/other\"}",
            "PATCH /v2/Subscriptions/{id}", "{\"method\":\"GET\"}");
    return bodies.getOrDefault(
        operation.toString(), subscriptions.getOrDefault(operation.toString(), "{}"));
  }

  private static String message() {
    return """
        {"author":{"address":"+15551234567","channel":"SMS"},
         "content":{"type":"TEXT","text":"Hi, my order is late"},
         "recipients":[{"address":"+15550001111","channel":"SMS"}]}""";
  }
}
