package io.conversationorchestrator.ingestion;

import io.conversationorchestrator.configuration.CaptureRule;
import io.conversationorchestrator.configuration.ChannelSetting;
import io.conversationorchestrator.configuration.SettingsChannel;
import io.conversationorchestrator.conversation.Channel;
import io.conversationorchestrator.conversation.participant.AddressRules;
import java.util.List;
import java.util.Map;

/**
 * Whether passive traffic is captured by a configuration. A rule of the traffic's channel must
 * match {@code from} and {@code to} ({@code *} matches anything) and every metadata entry it names.
 * Voice PSTN calls are captured by default; SIP and client calls need a rule naming their {@code
 * callType}. Addresses compare case-insensitively, except an e-mail address's local part (only its
 * domain is case-insensitive). Pure.
 */
final class CaptureRules {
  private CaptureRules() {}

  /** Why the traffic is not captured, or null when it is. */
  static String refusal(
      Map<SettingsChannel, ChannelSetting> settings,
      Channel channel,
      String from,
      String to,
      Map<String, String> metadata) {
    if (channel == Channel.VOICE
        && "PSTN".equalsIgnoreCase(metadata.getOrDefault("callType", "PSTN"))) {
      return null;
    }
    SettingsChannel configured =
        channel == Channel.VIDEO ? null : SettingsChannel.valueOf(channel.name());
    ChannelSetting setting = configured == null ? null : settings.get(configured);
    List<CaptureRule> rules = setting == null ? List.of() : setting.captureRules();
    boolean captured = rules.stream().anyMatch(rule -> matches(rule, channel, from, to, metadata));
    return captured
        ? null
        : "no capture rule of channel "
            + channel
            + " matches from "
            + from
            + " to "
            + to
            + (metadata.isEmpty() ? "" : " with metadata " + metadata);
  }

  private static boolean matches(
      CaptureRule rule, Channel channel, String from, String to, Map<String, String> metadata) {
    Map<String, String> wanted = rule.metadata() == null ? Map.of() : rule.metadata();
    return matches(rule.from(), from, channel)
        && matches(rule.to(), to, channel)
        && wanted.entrySet().stream()
            .allMatch(e -> e.getValue().equalsIgnoreCase(metadata.get(e.getKey())));
  }

  private static boolean matches(String pattern, String address, Channel channel) {
    if ("*".equals(pattern)) {
      return true;
    }
    return channel == Channel.EMAIL
        ? AddressRules.normalizeEmail(pattern).equals(AddressRules.normalizeEmail(address))
        : pattern.equalsIgnoreCase(address);
  }
}
