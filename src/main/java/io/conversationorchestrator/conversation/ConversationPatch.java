package io.conversationorchestrator.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.JsonErrors;
import io.conversationorchestrator.configuration.StatusCallback;
import io.conversationorchestrator.conversation.lifecycle.ConversationStatus;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed PATCH body, keeping "absent" apart from "null": {@code name} (nullable), {@code status},
 * {@code metadata} (merge patch: null removes a key), {@code configuration.statusCallbacks}
 * (replaces the list; {@code []} or null clears it), and our snooze extension: {@code snoozedUntil}
 * (a timestamp, or null to wake now) and {@code wakeOnActivity} (absent: kept, or true when
 * snoozing a conversation that was not snoozed).
 */
record ConversationPatch(
    boolean hasName,
    String name,
    ConversationStatus status,
    Map<String, String> metadataChanges,
    boolean hasStatusCallbacks,
    List<StatusCallback> statusCallbacks,
    boolean hasSnoozedUntil,
    Instant snoozedUntil,
    Boolean wakeOnActivity) {

  static final int MAX_CALLBACKS = ConfigurationOverrides.MAX_CALLBACKS;

  /** What PATCH can change; binding the body to it refuses any other field, as for every body. */
  record Fields(
      JsonNode name,
      JsonNode status,
      JsonNode metadata,
      ConfigurationFields configuration,
      JsonNode snoozedUntil,
      JsonNode wakeOnActivity) {}

  /** Only {@code statusCallbacks} can change here; typed, so their unknown fields are named too. */
  record ConfigurationFields(List<StatusCallback> statusCallbacks) {}

  static ConversationPatch parse(ObjectMapper json, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.invalid("The request body must be a JSON object");
    }
    JsonNode configuration = body.path("configuration");
    if (!configuration.isMissingNode() && !configuration.isObject()) {
      throw ApiException.invalid("Invalid value for 'configuration': expected an object");
    }
    try {
      json.treeToValue(body, Fields.class);
    } catch (JsonProcessingException e) {
      throw JsonErrors.invalid(e);
    }
    JsonNode callbacks = configuration.path("statusCallbacks");
    return new ConversationPatch(
        body.has("name"),
        read(json, body, "name", String.class),
        read(json, body, "status", ConversationStatus.class),
        metadataChanges(body.get("metadata")),
        !callbacks.isMissingNode(),
        callbacks.isMissingNode() || callbacks.isNull()
            ? List.of()
            : readCallbacks(json, callbacks),
        body.has("snoozedUntil"),
        snoozedUntil(body.get("snoozedUntil")),
        wakeOnActivity(body.get("wakeOnActivity")));
  }

  boolean changesSnooze() {
    return hasSnoozedUntil || wakeOnActivity != null;
  }

  private static Instant snoozedUntil(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      // PostgreSQL keeps microseconds: the answer shows what is stored
      return Instant.parse(value.textValue()).truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeParseException | NullPointerException e) {
      throw ApiException.invalid(
          "Invalid value for 'snoozedUntil': expected an ISO 8601 UTC timestamp or null");
    }
  }

  private static Boolean wakeOnActivity(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw ApiException.invalid("Invalid value for 'wakeOnActivity': expected true or false");
    }
    return value.booleanValue();
  }

  Map<String, String> mergeMetadata(Map<String, String> current) {
    Map<String, String> merged = new HashMap<>(current);
    if (metadataChanges != null) {
      metadataChanges.forEach(
          (key, value) -> {
            if (value == null) {
              merged.remove(key);
            } else {
              merged.put(key, value);
            }
          });
    }
    return Metadata.check(merged);
  }

  private static Map<String, String> metadataChanges(JsonNode metadata) {
    if (metadata == null || metadata.isNull()) {
      return null;
    }
    if (!metadata.isObject()) {
      throw ApiException.invalid("Invalid value for 'metadata': expected an object");
    }
    Map<String, String> changes = new HashMap<>();
    metadata
        .fields()
        .forEachRemaining(
            field -> {
              JsonNode value = field.getValue();
              if (!value.isNull() && !value.isTextual()) {
                throw ApiException.invalid(
                    "Invalid value for 'metadata."
                        + field.getKey()
                        + "': expected a string or null");
              }
              changes.put(field.getKey(), value.isNull() ? null : value.asText());
            });
    return changes;
  }

  private static List<StatusCallback> readCallbacks(ObjectMapper json, JsonNode node) {
    try {
      List<StatusCallback> callbacks =
          json.readerFor(
                  TypeFactory.defaultInstance()
                      .constructCollectionType(List.class, StatusCallback.class))
              .readValue(node);
      if (callbacks.size() > MAX_CALLBACKS) {
        throw ApiException.invalid(
            "Invalid value for 'configuration.statusCallbacks': at most 20 callbacks are allowed");
      }
      return callbacks;
    } catch (IOException e) {
      throw e instanceof JsonProcessingException p
          ? JsonErrors.invalid(p)
          : new IllegalStateException(e);
    }
  }

  private static <T> T read(ObjectMapper json, JsonNode body, String field, Class<T> type) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return json.treeToValue(value, type);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid(
          "Invalid value for '"
              + field
              + "': "
              + (type.isEnum()
                  ? "expected one of " + List.of(type.getEnumConstants())
                  : "expected a string"));
    }
  }
}
