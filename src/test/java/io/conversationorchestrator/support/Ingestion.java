package io.conversationorchestrator.support;

import io.restassured.path.json.JsonPath;

/** Passive ingestion fixtures: a capturing configuration, a message, and the ingest call. */
public final class Ingestion {
  public static final String PATH = "/v2/Ingest/Communications";

  /** The business number the capture rules of {@link #smsRules()} listen on. */
  public static final String BUSINESS = "+18005550100";

  private Ingestion() {}

  /** Creates a configuration with the given grouping type and channel settings; answers its id. */
  public static String configuration(Api api, String grouping, String channelSettings) {
    return Fixtures.createConfiguration(
        api,
        Fixtures.configuration("ingest", channelSettings).replace("GROUP_BY_PROFILE", grouping));
  }

  /** SMS captured when sent to {@link #BUSINESS}; WhatsApp captured from anyone to anyone. */
  public static String smsRules() {
    return "{\"SMS\":{\"captureRules\":[{\"from\":\"*\",\"to\":\""
        + BUSINESS
        + "\"}]},"
        + "\"WHATSAPP\":{\"captureRules\":[{\"from\":\"*\",\"to\":\"*\"}]}}";
  }

  /** An ingested TEXT message; {@code routing} is inserted verbatim as leading members. */
  public static String message(
      String routing, String channel, String from, String to, String text) {
    return "{%s\"channel\":\"%s\",\"from\":\"%s\",\"to\":\"%s\",\"content\":{\"type\":\"TEXT\",\"text\":\"%s\"}}"
        .formatted(routing, channel, from, to, text);
  }

  /** Posts {@code body} to the ingestion endpoint, expects {@code status}, answers the body. */
  public static JsonPath ingest(Api api, String body, int status) {
    return api.request().body(body).post(PATH).then().statusCode(status).extract().jsonPath();
  }
}
