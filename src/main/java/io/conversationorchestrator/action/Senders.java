package io.conversationorchestrator.action;

import io.conversationorchestrator.conversation.Channel;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configured sender URL of each channel. Checked when the service starts: a key that is not a
 * channel or a URL that is not absolute http(s) stops it, rather than losing commands later.
 */
@Startup
@ApplicationScoped
public class Senders {
  private final Map<String, String> byChannel = new HashMap<>();

  public Senders(ActionsConfig config) {
    config
        .senders()
        .forEach(
            (key, url) -> {
              String channel = key.replace("\"", "").toUpperCase(Locale.ROOT);
              if (Arrays.stream(Channel.values()).noneMatch(c -> c.name().equals(channel))) {
                throw new IllegalStateException(
                    "orchestrator.actions.senders." + key + ": not a channel");
              }
              if (!absoluteHttp(url)) {
                throw new IllegalStateException(
                    "orchestrator.actions.senders." + key + ": not an absolute http(s) URL");
              }
              byChannel.put(channel, url);
            });
  }

  /** Where commands of this channel are POSTed, if a sender is configured for it. */
  public Optional<String> urlFor(String channel) {
    return Optional.ofNullable(byChannel.get(channel));
  }

  static boolean absoluteHttp(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return uri.isAbsolute()
          && uri.getHost() != null
          && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    } catch (Exception e) {
      return false;
    }
  }
}
