package io.conversationorchestrator.configuration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.JsonErrors;
import java.util.Set;

/**
 * The contract's PATCH merge: fields absent stay; a top-level {@code null} clears (and then fails
 * validation where the field is required); each {@code channelSettings} key replaces that channel,
 * {@code null} removes it; {@code conversationGroupingType} is not nullable.
 */
final class ConfigurationPatch {
  private static final Set<String> FIELDS =
      Set.of(
          "displayName",
          "description",
          "conversationGroupingType",
          "memoryStoreId",
          "channelSettings",
          "statusCallbacks",
          "intelligenceConfigurationIds",
          "memoryExtractionEnabled",
          "conversationsV1Bridge",
          "redactionConfigurationId");

  private ConfigurationPatch() {}

  static ConfigurationBody merge(ObjectMapper json, ConfigurationBody current, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw ApiException.invalid("The request body must be a JSON object");
    }
    ObjectNode document = json.valueToTree(current);
    patch
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getKey().equals("channelSettings")) {
                mergeChannels(document, field.getValue());
              } else if (FIELDS.contains(field.getKey())) {
                document.set(field.getKey(), field.getValue());
              }
            });
    if (document.path("conversationGroupingType").isNull()) {
      throw ApiException.invalid("Invalid value for 'conversationGroupingType': must not be null");
    }
    try {
      return json.treeToValue(document, ConfigurationBody.class);
    } catch (JsonProcessingException e) {
      throw JsonErrors.invalid(e);
    }
  }

  private static void mergeChannels(ObjectNode document, JsonNode channels) {
    if (!channels.isObject()) {
      throw ApiException.invalid("Invalid value for 'channelSettings': expected an object");
    }
    JsonNode existing = document.get("channelSettings");
    ObjectNode merged =
        existing instanceof ObjectNode o ? o : document.putObject("channelSettings");
    channels
        .fields()
        .forEachRemaining(
            channel -> {
              if (channel.getValue().isNull()) {
                merged.remove(channel.getKey());
              } else {
                merged.set(channel.getKey(), channel.getValue());
              }
            });
  }
}
