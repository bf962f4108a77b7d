package io.conversationorchestrator.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.JsonErrors;

/**
 * A merge patch: fields absent stay; {@code null} clears ({@code events}: all again, {@code
 * configurationId}: account-wide, {@code method}: POST; {@code url} is required, so null is a 400).
 * A field the body does not know fails binding like any unknown field.
 */
final class SubscriptionPatch {
  private SubscriptionPatch() {}

  static SubscriptionBody merge(ObjectMapper json, SubscriptionBody current, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw ApiException.invalid("The request body must be a JSON object");
    }
    ObjectNode document = json.valueToTree(current);
    patch.fields().forEachRemaining(field -> document.set(field.getKey(), field.getValue()));
    try {
      return json.treeToValue(document, SubscriptionBody.class);
    } catch (JsonProcessingException e) {
      throw JsonErrors.invalid(e);
    }
  }
}
