package io.conversationorchestrator.conversation.lifecycle;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.configuration.StatusTimeouts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When a conversation moves ACTIVE → INACTIVE → CLOSED. Pure: no clock, no I/O; every instant is
 * given. Timers run per channel from that channel's last activity; the conversation goes INACTIVE
 * when every timed channel is past its {@code inactive} deadline (the latest of them) and CLOSED at
 * the latest {@code closed} deadline, but never later than its maximum lifespan.
 */
public final class LifecycleRules {
  private final Duration unit;
  private final Duration maxLifespan;

  /**
   * @param unit what one {@code statusTimeouts} unit lasts (a minute; a second in demos and tests)
   * @param maxLifespan the longest a conversation may stay open
   */
  public LifecycleRules(Duration unit, Duration maxLifespan) {
    this.unit = unit;
    this.maxLifespan = maxLifespan;
  }

  public Schedule schedule(Timeline timeline) {
    if (timeline.status() == ConversationStatus.CLOSED) {
      return Schedule.NONE;
    }
    Instant inactive = null;
    Instant closed = null;
    for (Map.Entry<String, Instant> activity : effectiveActivity(timeline).entrySet()) {
      StatusTimeouts timeouts = timeline.timeouts().get(activity.getKey());
      if (timeouts != null) {
        inactive = latest(inactive, deadline(activity.getValue(), timeouts.inactive()));
        closed = latest(closed, deadline(activity.getValue(), timeouts.closed()));
      }
    }
    Instant cap = timeline.createdAt().plus(maxLifespan);
    closed = closed == null || closed.isAfter(cap) ? cap : closed;
    if (timeline.status() == ConversationStatus.INACTIVE
        || (inactive != null && !inactive.isBefore(closed))) {
      inactive = null;
    }
    return new Schedule(inactive, closed, inactive != null ? inactive : closed);
  }

  /** The timer transition due at {@code now}, if any; a deadline is due at its very instant. */
  public Optional<Transition> due(Timeline timeline, Instant now) {
    Schedule schedule = schedule(timeline);
    if (schedule.closesAt() != null && !now.isBefore(schedule.closesAt())) {
      return Optional.of(transition(timeline, ConversationStatus.CLOSED, TransitionReason.TIMER));
    }
    if (schedule.inactiveAt() != null && !now.isBefore(schedule.inactiveAt())) {
      return Optional.of(transition(timeline, ConversationStatus.INACTIVE, TransitionReason.TIMER));
    }
    return Optional.empty();
  }

  /**
   * Activity on a channel (a communication). Future instants count as {@code now}; an INACTIVE
   * conversation becomes ACTIVE. Callers reject activity on CLOSED conversations.
   */
  public Outcome onActivity(Timeline timeline, String channel, Instant at, Instant now) {
    requireOpen(timeline, "no new activity");
    Map<String, Instant> activity = new HashMap<>(timeline.channelActivity());
    activity.merge(channel, at.isAfter(now) ? now : at, LifecycleRules::latest);
    Timeline updated = timeline.withActivity(activity);
    if (timeline.status() == ConversationStatus.INACTIVE) {
      return reached(updated, ConversationStatus.ACTIVE, TransitionReason.ACTIVITY);
    }
    return new Outcome(updated, null);
  }

  /**
   * A status set through the API: ACTIVE ↔ INACTIVE and anything → CLOSED; CLOSED is final.
   * Reactivating renews the timers of the conversation's channels from {@code now}.
   */
  public Outcome onApiStatus(Timeline timeline, ConversationStatus target, Instant now) {
    if (timeline.status() == target) {
      return new Outcome(timeline, null);
    }
    requireOpen(timeline, "its status can no longer change");
    Timeline updated = timeline;
    if (target == ConversationStatus.ACTIVE) {
      Map<String, Instant> renewed = new HashMap<>();
      effectiveActivity(timeline).keySet().forEach(channel -> renewed.put(channel, now));
      updated = timeline.withActivity(renewed);
    }
    return reached(updated, target, TransitionReason.API);
  }

  /** Before any activity, every timed channel counts from the conversation's creation. */
  private static Map<String, Instant> effectiveActivity(Timeline timeline) {
    if (!timeline.channelActivity().isEmpty()) {
      return timeline.channelActivity();
    }
    Map<String, Instant> fromCreation = new HashMap<>();
    timeline
        .timeouts()
        .keySet()
        .forEach(channel -> fromCreation.put(channel, timeline.createdAt()));
    return fromCreation;
  }

  private static void requireOpen(Timeline timeline, String what) {
    if (timeline.status() == ConversationStatus.CLOSED) {
      throw ApiException.conflict("The conversation is CLOSED: " + what, null);
    }
  }

  private Instant deadline(Instant from, Integer units) {
    return units == null ? null : from.plus(unit.multipliedBy(units));
  }

  private static Outcome reached(Timeline timeline, ConversationStatus to, TransitionReason why) {
    return new Outcome(timeline.withStatus(to), transition(timeline, to, why));
  }

  private static Transition transition(Timeline from, ConversationStatus to, TransitionReason why) {
    return new Transition(from.status(), to, why, from.withStatus(to));
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
