package io.conversationorchestrator.console;

import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.conversation.Channel;
import io.conversationorchestrator.conversation.lifecycle.ConversationStatus;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The conversation list's filters as the form gives them, checked, and as the repository's filter
 * map (which a page token carries along). Dates are whole UTC days, {@code to} inclusive.
 */
@TemplateData
public record ListFilters(
    List<String> status,
    String channel,
    String configuration,
    String from,
    String to,
    String name) {

  /** The first problem with the filters, or null. */
  public String problem() {
    for (String s : status) {
      if (Stream.of(ConversationStatus.values()).noneMatch(v -> v.name().equals(s))) {
        return "Unknown status " + s;
      }
    }
    if (!channel.isEmpty()
        && Stream.of(Channel.values()).noneMatch(v -> v.name().equals(channel))) {
      return "Unknown channel " + channel;
    }
    if (!configuration.isEmpty() && ResourceType.CONFIGURATION.parse(configuration).isEmpty()) {
      return "Not a configuration id: " + configuration;
    }
    try {
      day(from);
      day(to);
    } catch (DateTimeParseException e) {
      return "Dates are written YYYY-MM-DD";
    }
    return null;
  }

  public boolean has(String value) {
    return status.contains(value);
  }

  public Map<String, List<String>> asQuery() {
    Map<String, List<String>> filters = new HashMap<>();
    filters.put("status", status.stream().distinct().sorted().toList());
    filters.put("channelId", List.of());
    put(filters, "channel", channel);
    put(
        filters,
        "configurationId",
        configuration.isEmpty()
            ? ""
            : ResourceType.CONFIGURATION.parse(configuration).get().toString());
    put(
        filters,
        "createdFrom",
        from.isEmpty() ? "" : day(from).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
    put(
        filters,
        "createdTo",
        to.isEmpty()
            ? ""
            : day(to).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
    put(filters, "name", name);
    return filters;
  }

  /** The filters a page token carried, back in the form's terms. */
  public static ListFilters of(Map<String, List<String>> q) {
    String configuration = first(q, "configurationId");
    return new ListFilters(
        new ArrayList<>(q.getOrDefault("status", List.of())),
        first(q, "channel"),
        configuration.isEmpty()
            ? ""
            : ResourceType.CONFIGURATION.format(UUID.fromString(configuration)),
        first(q, "createdFrom").isEmpty() ? "" : first(q, "createdFrom").substring(0, 10),
        first(q, "createdTo").isEmpty()
            ? ""
            : LocalDate.parse(first(q, "createdTo").substring(0, 10)).minusDays(1).toString(),
        first(q, "name"));
  }

  private static String first(Map<String, List<String>> q, String key) {
    List<String> values = q.getOrDefault(key, List.of());
    return values.isEmpty() ? "" : values.get(0);
  }

  private static void put(Map<String, List<String>> filters, String key, String value) {
    filters.put(key, value.isEmpty() ? List.of() : List.of(value));
  }

  private static LocalDate day(String value) {
    return value.isEmpty() ? null : LocalDate.parse(value);
  }
}
