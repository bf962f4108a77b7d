package io.conversationorchestrator.conversation.lifecycle;

import static io.conversationorchestrator.conversation.lifecycle.ConversationStatus.ACTIVE;
import static io.conversationorchestrator.conversation.lifecycle.ConversationStatus.CLOSED;
import static io.conversationorchestrator.conversation.lifecycle.ConversationStatus.INACTIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.configuration.StatusTimeouts;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LifecycleRulesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration MAX_LIFESPAN = Duration.ofDays(1095);
  private final LifecycleRules rules = new LifecycleRules(Duration.ofMinutes(1), MAX_LIFESPAN);

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private static Timeline timeline(
      ConversationStatus status, Map<String, Instant> activity, Map<String, StatusTimeouts> t) {
    return new Timeline(status, T0, activity, t);
  }

  private static final Map<String, StatusTimeouts> SMS_10_30 =
      Map.of("SMS", new StatusTimeouts(10, 30));

  @Nested
  class SingleChannel {
    private final Timeline fresh = timeline(ACTIVE, Map.of("SMS", T0), SMS_10_30);

    @Test
    void schedulesInactiveThenClosedFromLastActivity() {
      Schedule s = rules.schedule(fresh);
      assertThat(s.inactiveAt()).isEqualTo(at(10));
      assertThat(s.closesAt()).isEqualTo(at(30));
      assertThat(s.nextTransitionAt()).isEqualTo(at(10));
    }

    @Test
    void nothingIsDueBeforeTheDeadline() {
      assertThat(rules.due(fresh, at(10).minusNanos(1000))).isEmpty();
    }

    @Test
    void becomesInactiveExactlyAtTheDeadline() {
      Transition t = rules.due(fresh, at(10)).orElseThrow();
      assertThat(t.from()).isEqualTo(ACTIVE);
      assertThat(t.to()).isEqualTo(INACTIVE);
      assertThat(t.reason()).isEqualTo(TransitionReason.TIMER);
    }

    @Test
    void closedIsMeasuredFromLastActivityNotFromEnteringInactive() {
      Timeline inactive = rules.due(fresh, at(10)).orElseThrow().timeline();
      Schedule s = rules.schedule(inactive);
      assertThat(s.inactiveAt()).isNull();
      assertThat(s.closesAt()).isEqualTo(at(30));
      assertThat(s.nextTransitionAt()).isEqualTo(at(30));
      assertThat(rules.due(inactive, at(30)).orElseThrow().to()).isEqualTo(CLOSED);
    }

    @Test
    void anOverdueActiveConversationClosesDirectly() {
      Transition t = rules.due(fresh, at(45)).orElseThrow();
      assertThat(t.to()).isEqualTo(CLOSED);
    }

    @Test
    void closedHasNoSchedule() {
      assertThat(rules.schedule(fresh.withStatus(CLOSED))).isEqualTo(Schedule.NONE);
      assertThat(rules.due(fresh.withStatus(CLOSED), at(10_000))).isEmpty();
    }
  }

  @Nested
  class OnlyClosedTimeout {
    @Test
    void goesFromActiveStraightToClosed() {
      Timeline t = timeline(ACTIVE, Map.of("SMS", T0), Map.of("SMS", new StatusTimeouts(null, 5)));
      Schedule s = rules.schedule(t);
      assertThat(s.inactiveAt()).isNull();
      assertThat(s.closesAt()).isEqualTo(at(5));
      assertThat(rules.due(t, at(5)).orElseThrow().to()).isEqualTo(CLOSED);
    }

    @Test
    void anInactiveTimeoutNotBeforeClosedIsSkipped() {
      Timeline t = timeline(ACTIVE, Map.of("SMS", T0), Map.of("SMS", new StatusTimeouts(30, 30)));
      assertThat(rules.schedule(t).inactiveAt()).isNull();
      assertThat(rules.due(t, at(30)).orElseThrow().to()).isEqualTo(CLOSED);
    }
  }

  @Nested
  class NoTimers {
    @Test
    void staysActiveUntilTheMaximumLifespan() {
      Timeline t = timeline(ACTIVE, Map.of("CHAT", T0), Map.of());
      Schedule s = rules.schedule(t);
      assertThat(s.inactiveAt()).isNull();
      assertThat(s.closesAt()).isEqualTo(T0.plus(MAX_LIFESPAN));
      assertThat(rules.due(t, T0.plus(MAX_LIFESPAN).minusSeconds(1))).isEmpty();
      assertThat(rules.due(t, T0.plus(MAX_LIFESPAN)).orElseThrow().to()).isEqualTo(CLOSED);
    }

    @Test
    void aChannelWithoutTimeoutsContributesNoDeadline() {
      Timeline t = timeline(ACTIVE, Map.of("SMS", T0, "CHAT", at(100)), SMS_10_30);
      assertThat(rules.schedule(t).closesAt()).isEqualTo(at(30));
    }

    @Test
    void timersNeverRunPastTheMaximumLifespan() {
      Instant late = T0.plus(MAX_LIFESPAN).minus(Duration.ofMinutes(5));
      Timeline t = timeline(ACTIVE, Map.of("SMS", late), SMS_10_30);
      Schedule s = rules.schedule(t);
      assertThat(s.closesAt()).isEqualTo(T0.plus(MAX_LIFESPAN));
      assertThat(s.inactiveAt()).isNull();
    }
  }

  @Nested
  class TwoChannels {
    private final Map<String, StatusTimeouts> smsAndVoice =
        Map.of("SMS", new StatusTimeouts(10, 30), "VOICE", new StatusTimeouts(2, 5));

    @Test
    void inactiveAndClosedAreTheLatestDeadlinesOverChannels() {
      Timeline t = timeline(ACTIVE, Map.of("SMS", T0, "VOICE", at(20)), smsAndVoice);
      Schedule s = rules.schedule(t);
      assertThat(s.inactiveAt()).isEqualTo(at(22));
      assertThat(s.closesAt()).isEqualTo(at(30));
    }

    @Test
    void anSmsThreadKeepsTheConversationOpenAfterAShortCall() {
      Timeline t = timeline(ACTIVE, Map.of("SMS", at(1), "VOICE", T0), smsAndVoice);
      assertThat(rules.due(t, at(6))).isEmpty();
      assertThat(rules.due(t, at(11)).orElseThrow().to()).isEqualTo(INACTIVE);
      assertThat(rules.due(t, at(31)).orElseThrow().to()).isEqualTo(CLOSED);
    }

    @Test
    void interleavedActivityMovesOnlyItsOwnChannel() {
      Timeline t = timeline(ACTIVE, Map.of("SMS", T0), smsAndVoice);
      t = rules.onActivity(t, "VOICE", at(8), at(8)).timeline();
      t = rules.onActivity(t, "SMS", at(9), at(9)).timeline();
      t = rules.onActivity(t, "VOICE", at(12), at(12)).timeline();
      assertThat(t.channelActivity()).containsEntry("SMS", at(9)).containsEntry("VOICE", at(12));
      Schedule s = rules.schedule(t);
      assertThat(s.inactiveAt()).isEqualTo(at(19));
      assertThat(s.closesAt()).isEqualTo(at(39));
    }

    @Test
    void beforeAnyActivityEveryTimedChannelCountsFromCreation() {
      Timeline t = timeline(ACTIVE, Map.of(), smsAndVoice);
      Schedule s = rules.schedule(t);
      assertThat(s.inactiveAt()).isEqualTo(at(10));
      assertThat(s.closesAt()).isEqualTo(at(30));
    }
  }

  @Nested
  class Activity {
    @Test
    void reactivatesAnInactiveConversationAndMovesItsTimers() {
      Timeline inactive = timeline(INACTIVE, Map.of("SMS", T0), SMS_10_30);
      Outcome o = rules.onActivity(inactive, "SMS", at(15), at(15));
      assertThat(o.transition().from()).isEqualTo(INACTIVE);
      assertThat(o.transition().to()).isEqualTo(ACTIVE);
      assertThat(o.transition().reason()).isEqualTo(TransitionReason.ACTIVITY);
      assertThat(rules.schedule(o.timeline()).inactiveAt()).isEqualTo(at(25));
      assertThat(rules.schedule(o.timeline()).closesAt()).isEqualTo(at(45));
    }

    @Test
    void onAnActiveConversationOnlyMovesTimers() {
      Timeline active = timeline(ACTIVE, Map.of("SMS", T0), SMS_10_30);
      Outcome o = rules.onActivity(active, "SMS", at(5), at(5));
      assertThat(o.changedStatus()).isFalse();
      assertThat(rules.schedule(o.timeline()).inactiveAt()).isEqualTo(at(15));
    }

    @Test
    void olderActivityDoesNotMoveTimersBack() {
      Timeline active = timeline(ACTIVE, Map.of("SMS", at(5)), SMS_10_30);
      Outcome o = rules.onActivity(active, "SMS", T0, at(6));
      assertThat(o.timeline().channelActivity()).containsEntry("SMS", at(5));
    }

    @Test
    void futureActivityCountsAsNow() {
      Timeline active = timeline(ACTIVE, Map.of("SMS", T0), SMS_10_30);
      Outcome o = rules.onActivity(active, "SMS", at(500), at(5));
      assertThat(o.timeline().channelActivity()).containsEntry("SMS", at(5));
    }

    @Test
    void isRefusedOnAClosedConversation() {
      Timeline closed = timeline(CLOSED, Map.of("SMS", T0), SMS_10_30);
      assertThatThrownBy(() -> rules.onActivity(closed, "SMS", at(1), at(1)))
          .isInstanceOf(ApiException.class);
    }
  }

  @Nested
  class ApiStatus {
    private final Timeline active = timeline(ACTIVE, Map.of("SMS", T0), SMS_10_30);

    @Test
    void closingSkipsInactive() {
      Outcome o = rules.onApiStatus(active, CLOSED, at(1));
      assertThat(o.transition().to()).isEqualTo(CLOSED);
      assertThat(o.transition().reason()).isEqualTo(TransitionReason.API);
      assertThat(rules.schedule(o.timeline())).isEqualTo(Schedule.NONE);
    }

    @Test
    void deactivatingKeepsTheCloseDeadline() {
      Outcome o = rules.onApiStatus(active, INACTIVE, at(1));
      assertThat(o.transition().to()).isEqualTo(INACTIVE);
      assertThat(rules.schedule(o.timeline()).closesAt()).isEqualTo(at(30));
      assertThat(rules.schedule(o.timeline()).inactiveAt()).isNull();
    }

    @Test
    void reactivatingRenewsTimersFromNow() {
      Timeline inactive = active.withStatus(INACTIVE);
      Outcome o = rules.onApiStatus(inactive, ACTIVE, at(20));
      assertThat(o.transition().to()).isEqualTo(ACTIVE);
      assertThat(rules.schedule(o.timeline()).inactiveAt()).isEqualTo(at(30));
      assertThat(rules.schedule(o.timeline()).closesAt()).isEqualTo(at(50));
    }

    @Test
    void settingTheSameStatusIsNoTransition() {
      assertThat(rules.onApiStatus(active, ACTIVE, at(1)).changedStatus()).isFalse();
      Timeline closed = active.withStatus(CLOSED);
      assertThat(rules.onApiStatus(closed, CLOSED, at(1)).changedStatus()).isFalse();
    }

    @Test
    void closedIsFinal() {
      Timeline closed = active.withStatus(CLOSED);
      assertThatThrownBy(() -> rules.onApiStatus(closed, ACTIVE, at(1)))
          .isInstanceOf(ApiException.class)
          .hasMessageContaining("CLOSED");
      assertThatThrownBy(() -> rules.onApiStatus(closed, INACTIVE, at(1)))
          .isInstanceOf(ApiException.class);
    }
  }

  @Test
  void secondsUnitScalesEveryTimeout() {
    LifecycleRules fast = new LifecycleRules(Duration.ofSeconds(1), MAX_LIFESPAN);
    Timeline t = timeline(ACTIVE, Map.of("SMS", T0), SMS_10_30);
    assertThat(fast.schedule(t).inactiveAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(fast.schedule(t).closesAt()).isEqualTo(T0.plusSeconds(30));
  }
}
