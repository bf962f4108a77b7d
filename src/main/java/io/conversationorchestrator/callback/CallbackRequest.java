package io.conversationorchestrator.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is sent for a delivery: POST carries the event as JSON; GET carries its facts as query
 * parameters: EventId, EventType, ConversationId, AccountId, ResourceId, Status, PreviousStatus,
 * Reason, Timestamp.
 */
record CallbackRequest(String method, String url, String body) {

  static CallbackRequest of(Claimed delivery, ObjectMapper json) {
    if ("GET".equals(delivery.method())) {
      return new CallbackRequest("GET", withQuery(delivery.url(), facts(delivery, json)), "");
    }
    return new CallbackRequest("POST", delivery.url(), delivery.payload());
  }

  private static Map<String, String> facts(Claimed delivery, ObjectMapper json) {
    try {
      JsonNode event = json.readTree(delivery.payload());
      JsonNode data = event.path("data");
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("EventId", delivery.eventId().toString());
      facts.put("EventType", delivery.eventType());
      facts.put(
          "ConversationId",
          data.has("conversationId")
              ? data.path("conversationId").asText()
              : data.path("id").asText());
      facts.put("AccountId", delivery.accountSid());
      facts.put("ResourceId", data.path("id").asText());
      putIfPresent(facts, "Status", event.path("status"));
      putIfPresent(facts, "PreviousStatus", event.path("previousStatus"));
      putIfPresent(facts, "Reason", event.path("reason"));
      putIfPresent(facts, "Timestamp", event.path("timestamp"));
      return facts;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putIfPresent(Map<String, String> facts, String name, JsonNode value) {
    if (value.isTextual()) {
      facts.put(name, value.asText());
    }
  }

  private static String withQuery(String url, Map<String, String> params) {
    String query =
        params.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return url + (url.contains("?") ? "&" : "?") + query;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
