package io.conversationorchestrator.support;

/** Request bodies the tests share, in the shapes the contract and the seed use. */
public final class Fixtures {
  public static final String MEMORY_STORE = "mem_store_01k1etx3jbfx88476ccja0889d";

  private Fixtures() {}

  /** The seed's configuration: GROUP_BY_PROFILE, SMS timeouts 30/1440. */
  public static String seedConfiguration() {
    return configuration(
        "active-conversations", "{\"SMS\":{\"statusTimeouts\":{\"inactive\":30,\"closed\":1440}}}");
  }

  public static String configuration(String displayName, String channelSettingsJson) {
    return """
        {"displayName":"%s","description":"Configuration for API-created conversations",
         "conversationGroupingType":"GROUP_BY_PROFILE","memoryStoreId":"%s",
         "channelSettings":%s}
        """
        .formatted(displayName, MEMORY_STORE, channelSettingsJson);
  }

  /** Creates a configuration and answers its id (creation completes in the request). */
  public static String createConfiguration(Api api, String body) {
    return api.request()
        .body(body)
        .post("/v2/ControlPlane/Configurations")
        .then()
        .statusCode(202)
        .extract()
        .path("related.configurationId");
  }

  /** The seed's conversation: a CUSTOMER and a HUMAN_AGENT on SMS. */
  public static String seedConversation(String configurationId) {
    return """
        {"configurationId":"%s","name":"Support chat for Kiran",
         "participants":[
           {"name":"Kiran A.","type":"CUSTOMER","addresses":[{"channel":"SMS","address":"+15551234567"}]},
           {"name":"Kai B.","type":"HUMAN_AGENT","addresses":[{"channel":"SMS","address":"+15550001111"}]}]}
        """
        .formatted(configurationId);
  }

  /**
   * A conversation of customer number {@code n}: distinct customers, since a grouping configuration
   * keeps one open conversation per customer.
   */
  public static String customerConversation(String configurationId, int n) {
    return seedConversation(configurationId).replace("+15551234567", "+1555%07d".formatted(n));
  }

  public static String createConversation(Api api, String body) {
    return api.request()
        .body(body)
        .post("/v2/Conversations")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static String textCommunication(String from, String to, String text) {
    return """
        {"author":{"address":"%s","channel":"SMS"},"content":{"type":"TEXT","text":"%s"},
         "recipients":[{"address":"%s","channel":"SMS"}]}
        """
        .formatted(from, text, to);
  }
}
