package io.conversationorchestrator.conversation.lifecycle;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.configuration.ResponseSla;
import io.conversationorchestrator.configuration.StatusTimeouts;
import io.conversationorchestrator.configuration.TimerBasis;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When a conversation moves ACTIVE → INACTIVE → CLOSED. Pure: no clock, no I/O; every instant is
 * given. Timers run per channel from that channel's last activity; the conversation goes INACTIVE
 * when every timed channel is past its {@code inactive} deadline (the latest of them) and CLOSED at
 * the latest {@code closed} deadline, but never later than its maximum lifespan. Extensions: a
 * closing warning before the close deadline, and a snooze (INACTIVE until a given instant, the
 * close timer paused, the timers restarted when it ends), and timer bases (whose activity drives a
 * channel's timers), and response SLAs (an agent's answer due after a customer message).
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
    PendingResponse pending = timeline.pending();
    Instant sla = pending == null || pending.breached() ? null : pending.dueAt();
    if (timeline.snoozed()) {
      Instant wakes = timeline.snoozedUntil();
      return new Schedule(null, null, null, wakes, sla, earliest(wakes, sla));
    }
    Map<String, Instant> activity = effectiveActivity(timeline);
    Instant inactive = null;
    Instant closed = null;
    for (Map.Entry<String, Instant> channel : activity.entrySet()) {
      StatusTimeouts timeouts = timeline.timeouts().get(channel.getKey());
      if (timeouts != null && running(timeline, timeouts)) {
        inactive = latest(inactive, deadline(channel.getValue(), timeouts.inactive()));
        closed = latest(closed, deadline(channel.getValue(), timeouts.closed()));
      }
    }
    Instant cap = timeline.createdAt().plus(maxLifespan);
    Instant warning = null;
    if (closed == null || closed.isAfter(cap)) {
      closed = cap;
    } else {
      warning = warning(timeline, activity, closed);
    }
    if (timeline.status() == ConversationStatus.INACTIVE
        || (inactive != null && !inactive.isBefore(closed))) {
      inactive = null;
    }
    Instant next = earliest(earliest(earliest(inactive, warning), closed), sla);
    return new Schedule(inactive, closed, warning, null, sla, next);
  }

  /**
   * The closing warning of the channels whose timers set the close deadline (the earliest warning
   * of them), unless it was already given for this very deadline.
   */
  private Instant warning(Timeline timeline, Map<String, Instant> activity, Instant closed) {
    if (closed.equals(timeline.warnedFor())) {
      return null;
    }
    Instant warning = null;
    for (Map.Entry<String, Instant> channel : activity.entrySet()) {
      StatusTimeouts timeouts = timeline.timeouts().get(channel.getKey());
      if (timeouts != null
          && running(timeline, timeouts)
          && timeouts.warnBeforeClose() != null
          && closed.equals(deadline(channel.getValue(), timeouts.closed()))) {
        warning = earliest(warning, closed.minus(unit.multipliedBy(timeouts.warnBeforeClose())));
      }
    }
    return warning;
  }

  /**
   * The timer transition due at {@code now}, if any; a deadline is due at its very instant. A
   * snooze ends at its {@code snoozedUntil} and restarts the timers from {@code now}.
   */
  public Optional<Transition> due(Timeline timeline, Instant now) {
    Schedule schedule = schedule(timeline);
    if (schedule.snoozedUntil() != null) {
      return now.isBefore(schedule.snoozedUntil())
          ? Optional.empty()
          : Optional.of(wake(timeline, now, TransitionReason.SNOOZE_ENDED).transition());
    }
    if (schedule.closesAt() != null && !now.isBefore(schedule.closesAt())) {
      return Optional.of(transition(timeline, ConversationStatus.CLOSED, TransitionReason.TIMER));
    }
    if (schedule.inactiveAt() != null && !now.isBefore(schedule.inactiveAt())) {
      return Optional.of(transition(timeline, ConversationStatus.INACTIVE, TransitionReason.TIMER));
    }
    return Optional.empty();
  }

  /**
   * The closing warning due at {@code now}, if any, when no transition is: once per close deadline
   * (the returned timeline remembers it), and never once the deadline itself has passed.
   */
  public Optional<CloseWarning> warningDue(Timeline timeline, Instant now) {
    Schedule schedule = schedule(timeline);
    if (schedule.closeWarningAt() == null
        || now.isBefore(schedule.closeWarningAt())
        || !now.isBefore(schedule.closesAt())) {
      return Optional.empty();
    }
    return Optional.of(
        new CloseWarning(schedule.closesAt(), timeline.withWarnedFor(schedule.closesAt())));
  }

  /** Activity by an author the bases do not know (counts only for the ANY basis). */
  public Outcome onActivity(Timeline timeline, String channel, Instant at, Instant now) {
    return onActivity(timeline, channel, Speaker.OTHER, at, now);
  }

  /**
   * The response SLA breach due at {@code now}, if any: once per unanswered customer message (the
   * returned timeline remembers it).
   */
  public Optional<SlaBreach> breachDue(Timeline timeline, Instant now) {
    Schedule schedule = schedule(timeline);
    if (schedule.slaDueAt() == null || now.isBefore(schedule.slaDueAt())) {
      return Optional.empty();
    }
    PendingResponse pending = timeline.pending();
    return Optional.of(
        new SlaBreach(
            pending,
            Duration.between(pending.since(), now),
            timeline.withPending(pending.breach())));
  }

  /** Activity without a communication id: no response SLA starts. */
  public Outcome onActivity(
      Timeline timeline, String channel, Speaker speaker, Instant at, Instant now) {
    return onActivity(timeline, channel, speaker, null, at, now);
  }

  /**
   * Activity on a channel (a communication). Future instants count as {@code now}. It moves the
   * channel's timers when the channel's basis counts this speaker (ANY: everyone; CUSTOMER: the
   * customer; AWAITING_CUSTOMER: an agent, while a customer's message stops the timers), and then
   * an INACTIVE conversation becomes ACTIVE. A snoozed one wakes on any activity unless it sleeps
   * through activity (then the activity is recorded and the snooze goes on). Callers reject
   * activity on CLOSED conversations.
   */
  public Outcome onActivity(
      Timeline timeline,
      String channel,
      Speaker speaker,
      String communicationId,
      Instant at,
      Instant now) {
    requireOpen(timeline, "no new activity");
    Instant when = at.isAfter(now) ? now : at;
    TimerBasis basis = basis(timeline, channel);
    boolean counts =
        basis == TimerBasis.ANY
            || (basis == TimerBasis.CUSTOMER && speaker == Speaker.CUSTOMER)
            || (basis == TimerBasis.AWAITING_CUSTOMER && speaker != Speaker.OTHER);
    Map<String, Instant> activity = new HashMap<>(timeline.channelActivity());
    if (counts && !(basis == TimerBasis.AWAITING_CUSTOMER && speaker == Speaker.CUSTOMER)) {
      activity.merge(channel, when, LifecycleRules::latest);
    }
    Timeline updated =
        timeline
            .withActivity(activity)
            .withSpeakers(
                speaker == Speaker.CUSTOMER
                    ? latest(timeline.lastCustomerAt(), when)
                    : timeline.lastCustomerAt(),
                speaker == Speaker.AGENT
                    ? latest(timeline.lastAgentAt(), when)
                    : timeline.lastAgentAt())
            .withPending(pending(timeline, channel, speaker, communicationId, when));
    if (timeline.snoozed()) {
      return timeline.wakeOnActivity()
          ? reached(
              updated.withSnooze(null, true), ConversationStatus.ACTIVE, TransitionReason.ACTIVITY)
          : new Outcome(updated, null);
    }
    if (counts && timeline.status() == ConversationStatus.INACTIVE) {
      return reached(updated, ConversationStatus.ACTIVE, TransitionReason.ACTIVITY);
    }
    return new Outcome(updated, null);
  }

  /**
   * An agent's message answers the waiting customer; a customer's message starts an SLA unless one
   * already runs (the customer waits since the first unanswered message).
   */
  private PendingResponse pending(
      Timeline timeline, String channel, Speaker speaker, String communicationId, Instant when) {
    if (speaker == Speaker.AGENT) {
      return null;
    }
    ResponseSla sla = timeline.slas().get(channel);
    if (speaker != Speaker.CUSTOMER
        || timeline.pending() != null
        || sla == null
        || communicationId == null) {
      return timeline.pending();
    }
    boolean first = timeline.lastAgentAt() == null;
    Integer units = first ? sla.firstResponse() : sla.nextResponse();
    return units == null
        ? null
        : new PendingResponse(
            first ? PendingResponse.FIRST_RESPONSE : PendingResponse.NEXT_RESPONSE,
            communicationId,
            when,
            deadline(when, units),
            false);
  }

  private static TimerBasis basis(Timeline timeline, String channel) {
    StatusTimeouts timeouts = timeline.timeouts().get(channel);
    return timeouts == null ? TimerBasis.ANY : timeouts.effectiveBasis();
  }

  /**
   * A status set through the API: ACTIVE ↔ INACTIVE and anything → CLOSED; CLOSED is final.
   * Reactivating renews the timers of the conversation's channels from {@code now}; it and closing
   * end a snooze.
   */
  public Outcome onApiStatus(Timeline timeline, ConversationStatus target, Instant now) {
    if (timeline.status() == target) {
      return new Outcome(timeline, null);
    }
    requireOpen(timeline, "its status can no longer change");
    if (target == ConversationStatus.ACTIVE) {
      return wake(timeline, now, TransitionReason.API);
    }
    Timeline updated = timeline.withSnooze(null, timeline.wakeOnActivity());
    return reached(updated, target, TransitionReason.API);
  }

  /**
   * A snooze set through the API. A future {@code until} (at most the maximum lifespan after
   * creation) makes the conversation INACTIVE at once, with its close timer paused; snoozing again
   * only moves the end. A null {@code until} wakes a snoozed conversation now. CLOSED answers 409.
   */
  public Outcome onSnooze(Timeline timeline, Instant until, boolean wakeOnActivity, Instant now) {
    requireOpen(timeline, "it cannot be snoozed");
    if (until == null) {
      Timeline flagged = timeline.withSnooze(timeline.snoozedUntil(), wakeOnActivity);
      return timeline.snoozed()
          ? wake(flagged, now, TransitionReason.SNOOZE_ENDED)
          : new Outcome(flagged, null);
    }
    if (!until.isAfter(now)) {
      throw ApiException.invalid("Invalid value for 'snoozedUntil': must be in the future");
    }
    Instant cap = timeline.createdAt().plus(maxLifespan);
    if (until.isAfter(cap)) {
      throw ApiException.invalid(
          "Invalid value for 'snoozedUntil': must not be after the conversation's maximum"
              + " lifespan ("
              + cap
              + ")");
    }
    Timeline snoozed = timeline.withSnooze(until, wakeOnActivity);
    return timeline.snoozed()
        ? new Outcome(snoozed, null)
        : reached(snoozed, ConversationStatus.INACTIVE, TransitionReason.SNOOZED);
  }

  /** ACTIVE again, snooze cleared, every channel's timers restarted from {@code now}. */
  private Outcome wake(Timeline timeline, Instant now, TransitionReason why) {
    Map<String, Instant> renewed = new HashMap<>();
    effectiveActivity(timeline).keySet().forEach(channel -> renewed.put(channel, now));
    Timeline updated = timeline.withActivity(renewed).withSnooze(null, timeline.wakeOnActivity());
    return reached(updated, ConversationStatus.ACTIVE, why);
  }

  /** AWAITING_CUSTOMER timers stop while the customer waits on an agent. */
  private static boolean running(Timeline timeline, StatusTimeouts timeouts) {
    return timeouts.effectiveBasis() != TimerBasis.AWAITING_CUSTOMER || !timeline.customerWaiting();
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

  private static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
