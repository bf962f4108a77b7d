package io.conversationorchestrator.configuration;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A webhook destination; {@code method} defaults to POST as in the contract. {@code events} (our
 * extension) lists the event types it wants; absent means all of them. An empty list is refused: a
 * callback that wants nothing is removed, not filtered to silence.
 */
public record StatusCallback(
    @NotNull @Size(max = URL_MAX) @Pattern(regexp = URL_PATTERN, message = URL_MESSAGE) String url,
    CallbackMethod method,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Size(min = 1, max = EVENTS_MAX)
        List<@NotNull @CallbackEvents String> events) {

  /** Callback URLs: absolute http(s), no user info. Subscriptions share the rule. */
  public static final String URL_PATTERN = "^(?i)https?://[^\\s/?#@]+(?:[/?#]\\S*)?$";

  public static final String URL_MESSAGE = "must be an absolute http(s) URL";
  public static final int URL_MAX = 2048;

  /** At most this many entries in an {@code events} filter. */
  public static final int EVENTS_MAX = 64;

  public StatusCallback {
    method = method == null ? CallbackMethod.POST : method;
  }

  /** A callback that wants every event. */
  public StatusCallback(String url, CallbackMethod method) {
    this(url, method, null);
  }

  /** Whether this callback wants events of this type. */
  public boolean wants(String eventType) {
    return events == null || events.contains(eventType);
  }
}
