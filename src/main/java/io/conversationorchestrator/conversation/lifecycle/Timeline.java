package io.conversationorchestrator.conversation.lifecycle;

import io.conversationorchestrator.configuration.StatusTimeouts;
import java.time.Instant;
import java.util.Map;

/**
 * What the lifecycle rules need to know of a conversation: its status, when it began, the last
 * activity of each channel, and each channel's timeouts from its configuration snapshot.
 */
public record Timeline(
    ConversationStatus status,
    Instant createdAt,
    Map<String, Instant> channelActivity,
    Map<String, StatusTimeouts> timeouts) {

  public Timeline {
    channelActivity = Map.copyOf(channelActivity);
    timeouts = Map.copyOf(timeouts);
  }

  public Timeline withStatus(ConversationStatus newStatus) {
    return new Timeline(newStatus, createdAt, channelActivity, timeouts);
  }

  public Timeline withActivity(Map<String, Instant> activity) {
    return new Timeline(status, createdAt, activity, timeouts);
  }
}
