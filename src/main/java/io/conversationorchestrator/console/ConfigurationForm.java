package io.conversationorchestrator.console;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conversationorchestrator.configuration.ChannelSetting;
import io.conversationorchestrator.configuration.ConfigurationResponse;
import io.conversationorchestrator.configuration.SettingsChannel;
import io.conversationorchestrator.configuration.StatusCallback;
import io.quarkus.qute.TemplateData;
import jakarta.validation.ConstraintViolation;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration form: its fields as typed, the request body they make (the API's JSON, so the
 * API's parsing and validation judge it), and the errors to show next to each field. Timers are in
 * the service's timeout unit, one row per channel; a blank timer is not set.
 */
@TemplateData
public record ConfigurationForm(
    String displayName,
    String description,
    String groupingType,
    String memoryStoreId,
    String callbackUrl,
    List<TimerRow> timers,
    Map<String, String> errors) {
  private static final Pattern QUOTED_FIELD = Pattern.compile("'([A-Za-z][A-Za-z0-9.\\[\\]]*)'");

  @TemplateData
  public record TimerRow(String channel, String inactive, String closed, String error) {}

  public static ConfigurationForm empty() {
    return new ConfigurationForm(
        "",
        "",
        "GROUP_BY_PROFILE",
        "",
        "",
        Stream.of(SettingsChannel.values()).map(c -> new TimerRow(c.name(), "", "", null)).toList(),
        new LinkedHashMap<>());
  }

  public static ConfigurationForm of(ConfigurationResponse c) {
    Map<SettingsChannel, ChannelSetting> settings =
        c.channelSettings() == null ? Map.of() : c.channelSettings();
    List<TimerRow> rows =
        Stream.of(SettingsChannel.values())
            .map(
                ch -> {
                  ChannelSetting s = settings.get(ch);
                  var t = s == null ? null : s.statusTimeouts();
                  return new TimerRow(
                      ch.name(),
                      t == null || t.inactive() == null ? "" : t.inactive().toString(),
                      t == null || t.closed() == null ? "" : t.closed().toString(),
                      null);
                })
            .toList();
    List<StatusCallback> callbacks = c.statusCallbacks() == null ? List.of() : c.statusCallbacks();
    return new ConfigurationForm(
        text(c.displayName()),
        text(c.description()),
        c.conversationGroupingType().name(),
        text(c.memoryStoreId()),
        callbacks.isEmpty() ? "" : callbacks.get(0).url(),
        rows,
        new LinkedHashMap<>());
  }

  public static ConfigurationForm of(MultivaluedMap<String, String> form) {
    List<TimerRow> rows =
        Stream.of(SettingsChannel.values())
            .map(
                c ->
                    new TimerRow(
                        c.name(), field(form, c + ".inactive"), field(form, c + ".closed"), null))
            .toList();
    return new ConfigurationForm(
        field(form, "displayName"),
        field(form, "description"),
        field(form, "conversationGroupingType"),
        field(form, "memoryStoreId"),
        field(form, "callbackUrl"),
        rows,
        new LinkedHashMap<>());
  }

  /** The API request body: absent fields are left out, so a PATCH leaves them as they are. */
  public ObjectNode body(ObjectMapper json) {
    ObjectNode body = json.createObjectNode();
    put(body, "displayName", displayName);
    put(body, "description", description);
    put(body, "conversationGroupingType", groupingType);
    put(body, "memoryStoreId", memoryStoreId);
    ObjectNode channels = body.putObject("channelSettings");
    for (TimerRow row : timers) {
      if (!row.inactive().isEmpty() || !row.closed().isEmpty()) {
        ObjectNode timeouts = channels.putObject(row.channel()).putObject("statusTimeouts");
        timer(timeouts, row, "inactive", row.inactive());
        timer(timeouts, row, "closed", row.closed());
      }
    }
    if (!callbackUrl.isEmpty()) {
      body.putArray("statusCallbacks").addObject().put("url", callbackUrl);
    }
    return body;
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  public String error(String field) {
    return errors.get(field);
  }

  public String rowError(String channel) {
    return errors.get("channelSettings." + channel);
  }

  /** A violation of the API's rules, shown at the field its property path names. */
  public void reject(ConstraintViolation<?> v) {
    reject(v.getPropertyPath().toString(), v.getMessage());
  }

  public void reject(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    e.getPath()
        .forEach(
            r ->
                path.append(path.isEmpty() ? "" : ".")
                    .append(r.getFieldName() == null ? "" : r.getFieldName()));
    reject(path.toString(), e.getOriginalMessage());
  }

  /** An API message naming a field in quotes goes next to that field; any other above the form. */
  public void reject(String message) {
    Matcher m = QUOTED_FIELD.matcher(message);
    reject(m.find() ? m.group(1) : "", message);
  }

  private void reject(String path, String message) {
    String key = fieldOf(path.replaceAll("\\[([A-Z]+)]", ".$1"));
    errors.putIfAbsent(key, message);
  }

  private static String fieldOf(String path) {
    for (String field :
        List.of("displayName", "description", "conversationGroupingType", "memoryStoreId")) {
      if (path.equals(field)) {
        return field;
      }
    }
    if (path.startsWith("statusCallbacks")) {
      return "callbackUrl";
    }
    for (SettingsChannel c : SettingsChannel.values()) {
      if (path.startsWith("channelSettings." + c.name())) {
        return "channelSettings." + c.name();
      }
    }
    return "";
  }

  private void timer(ObjectNode timeouts, TimerRow row, String name, String value) {
    if (value.isEmpty()) {
      return;
    }
    try {
      timeouts.put(name, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      errors.putIfAbsent(
          "channelSettings." + row.channel(), "'" + name + "' must be a whole number");
    }
  }

  private static void put(ObjectNode body, String name, String value) {
    if (!value.isEmpty()) {
      body.put(name, value);
    }
  }

  private static String field(MultivaluedMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value.trim();
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
