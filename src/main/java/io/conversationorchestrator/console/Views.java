package io.conversationorchestrator.console;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formatting shared by the console's views: times, durations and labels, as text. */
final class Views {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Views() {}

  static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  static String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  static String duration(long millis) {
    Duration d = Duration.ofMillis(millis);
    return d.toSeconds() < 1 ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
  }

  /** The host a callback URL sends to; the URL itself when it has none. */
  static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? url : host;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /** A CSS-safe lower-case token for a status, e.g. {@code failed-retrying}. */
  static String token(Object status) {
    return status == null ? "none" : status.toString().toLowerCase().replace('_', '-');
  }
}
