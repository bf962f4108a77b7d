package io.conversationorchestrator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import org.awaitility.Awaitility;

/** Conversations with status callbacks, and their deliveries as the API shows them. */
public final class Callbacks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Callbacks() {}

  /** A configuration body with these callbacks (a JSON list's items) and channel settings. */
  public static String withCallbacks(String channelSettings, String callbacks) {
    return Fixtures.configuration("callbacks", channelSettings)
        .replace(
            "\"channelSettings\"", "\"statusCallbacks\":[" + callbacks + "],\"channelSettings\"");
  }

  /** A new conversation whose configuration has these callbacks; answers its id. */
  public static String conversationWithCallbacks(Api api, String callbacks) {
    String configuration = Fixtures.createConfiguration(api, withCallbacks("{}", callbacks));
    return Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
  }

  /** Waits until the conversation's first delivery has this status, and answers it. */
  public static JsonNode awaitDelivery(Api api, String conversation, String status) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> firstDelivery(api, conversation),
            d -> d != null && status.equals(d.path("status").asText()));
  }

  private static JsonNode firstDelivery(Api api, String conversation) throws IOException {
    String body =
        api.request().get("/v2/Conversations/" + conversation + "/CallbackDeliveries").asString();
    JsonNode list = JSON.readTree(body).path("callbackDeliveries");
    return list.isEmpty() ? null : list.get(0);
  }
}
