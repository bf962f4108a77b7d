package io.conversationorchestrator.conversation.lifecycle;

import static io.conversationorchestrator.conversation.lifecycle.ConversationStatus.ACTIVE;
import static io.conversationorchestrator.conversation.lifecycle.ConversationStatus.CLOSED;
import static io.conversationorchestrator.conversation.lifecycle.ConversationStatus.INACTIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.configuration.ResponseSla;
import io.conversationorchestrator.configuration.StatusTimeouts;
import io.conversationorchestrator.configuration.TimerBasis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The extensions of the pure rules: snooze and closing warnings, alone and combined. */
class LifecycleExtensionRulesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration MAX_LIFESPAN = Duration.ofDays(1095);
  private final LifecycleRules rules = new LifecycleRules(Duration.ofMinutes(1), MAX_LIFESPAN);

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  /** SMS: inactive 10, closed 30, warning 5 before the close (at 25 from the last activity). */
  private static final Map<String, StatusTimeouts> WARN_5 =
      Map.of("SMS", new StatusTimeouts(10, 30, 5));

  private static Timeline open(ConversationStatus status, Map<String, StatusTimeouts> timeouts) {
    return new Timeline(status, T0, Map.of("SMS", T0), timeouts);
  }

  @Nested
  class Snooze {
    private final Timeline active = open(ACTIVE, WARN_5);

    @Test
    void makesTheConversationInactiveAtOnceAndPausesItsCloseTimer() {
      Outcome o = rules.onSnooze(active, at(60), true, at(1));
      assertThat(o.transition().from()).isEqualTo(ACTIVE);
      assertThat(o.transition().to()).isEqualTo(INACTIVE);
      assertThat(o.transition().reason()).isEqualTo(TransitionReason.SNOOZED);
      Schedule s = rules.schedule(o.timeline());
      assertThat(s).isEqualTo(new Schedule(null, null, null, at(60), null, at(60)));
      assertThat(rules.due(o.timeline(), at(59))).isEmpty();
      assertThat(rules.warningDue(o.timeline(), at(59))).isEmpty();
    }

    @Test
    void endsAtItsInstantAndRestartsTheTimersFromThen() {
      Timeline snoozed = rules.onSnooze(active, at(60), true, at(1)).timeline();
      Transition t = rules.due(snoozed, at(60)).orElseThrow();
      assertThat(t.from()).isEqualTo(INACTIVE);
      assertThat(t.to()).isEqualTo(ACTIVE);
      assertThat(t.reason()).isEqualTo(TransitionReason.SNOOZE_ENDED);
      assertThat(t.timeline().snoozed()).isFalse();
      Schedule s = rules.schedule(t.timeline());
      assertThat(s.inactiveAt()).isEqualTo(at(70));
      assertThat(s.closeWarningAt()).isEqualTo(at(85));
      assertThat(s.closesAt()).isEqualTo(at(90));
    }

    @Test
    void activityWakesItWhenAskedTo() {
      Timeline snoozed = rules.onSnooze(active, at(60), true, at(1)).timeline();
      Outcome o = rules.onActivity(snoozed, "SMS", at(5), at(5));
      assertThat(o.transition().to()).isEqualTo(ACTIVE);
      assertThat(o.transition().reason()).isEqualTo(TransitionReason.ACTIVITY);
      assertThat(o.timeline().snoozed()).isFalse();
      assertThat(rules.schedule(o.timeline()).closesAt()).isEqualTo(at(35));
    }

    @Test
    void withoutWakeOnActivityTheActivityIsKeptAndTheConversationSleepsOn() {
      Timeline snoozed = rules.onSnooze(active, at(60), false, at(1)).timeline();
      Outcome o = rules.onActivity(snoozed, "SMS", at(5), at(5));
      assertThat(o.transition()).isNull();
      assertThat(o.timeline().status()).isEqualTo(INACTIVE);
      assertThat(o.timeline().snoozedUntil()).isEqualTo(at(60));
      assertThat(o.timeline().channelActivity()).containsEntry("SMS", at(5));
    }

    @Test
    void nullWakesNowAndSnoozingAgainOnlyMovesTheEnd() {
      Timeline snoozed = rules.onSnooze(active, at(60), true, at(1)).timeline();
      Outcome moved = rules.onSnooze(snoozed, at(90), true, at(2));
      assertThat(moved.transition()).isNull();
      assertThat(rules.schedule(moved.timeline()).nextTransitionAt()).isEqualTo(at(90));
      Outcome woken = rules.onSnooze(moved.timeline(), null, true, at(3));
      assertThat(woken.transition().reason()).isEqualTo(TransitionReason.SNOOZE_ENDED);
      assertThat(rules.schedule(woken.timeline()).closesAt()).isEqualTo(at(33));
      assertThat(rules.onSnooze(active, null, false, at(3)).transition()).isNull();
    }

    @Test
    void anInactiveConversationCanBeSnoozedToo() {
      Transition t = rules.onSnooze(open(INACTIVE, WARN_5), at(60), true, at(12)).transition();
      assertThat(t.from()).isEqualTo(INACTIVE);
      assertThat(t.to()).isEqualTo(INACTIVE);
      assertThat(t.reason()).isEqualTo(TransitionReason.SNOOZED);
    }

    @Test
    void theApiStatusEndsIt() {
      Timeline snoozed = rules.onSnooze(active, at(60), true, at(1)).timeline();
      Outcome reactivated = rules.onApiStatus(snoozed, ACTIVE, at(4));
      assertThat(reactivated.transition().reason()).isEqualTo(TransitionReason.API);
      assertThat(reactivated.timeline().snoozed()).isFalse();
      Outcome closed = rules.onApiStatus(snoozed, CLOSED, at(4));
      assertThat(closed.timeline().snoozed()).isFalse();
      assertThat(rules.onApiStatus(snoozed, INACTIVE, at(4)).transition()).isNull();
    }

    @Test
    void inThePastOrBeyondTheMaximumLifespanIsInvalidAndOnClosedAConflict() {
      assertThatThrownBy(() -> rules.onSnooze(active, at(5), true, at(5)))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error().status()).isEqualTo(400));
      Instant beyond = T0.plus(MAX_LIFESPAN).plusSeconds(1);
      assertThatThrownBy(() -> rules.onSnooze(active, beyond, true, at(5)))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error().status()).isEqualTo(400));
      assertThat(rules.onSnooze(active, T0.plus(MAX_LIFESPAN), true, at(5)).changedStatus())
          .isTrue();
      assertThatThrownBy(() -> rules.onSnooze(active.withStatus(CLOSED), at(60), true, at(5)))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error().status()).isEqualTo(409));
      assertThatThrownBy(() -> rules.onSnooze(active.withStatus(CLOSED), null, true, at(5)))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error().status()).isEqualTo(409));
    }
  }

  @Nested
  class CloseWarning {
    private final Timeline active = open(ACTIVE, WARN_5);

    @Test
    void isScheduledBeforeTheCloseAndDueOnceForThatDeadline() {
      Timeline inactive = rules.due(active, at(10)).orElseThrow().timeline();
      Schedule s = rules.schedule(inactive);
      assertThat(s.closeWarningAt()).isEqualTo(at(25));
      assertThat(s.nextTransitionAt()).isEqualTo(at(25));
      assertThat(rules.due(inactive, at(25))).isEmpty();
      var warning = rules.warningDue(inactive, at(25)).orElseThrow();
      assertThat(warning.closesAt()).isEqualTo(at(30));
      Schedule after = rules.schedule(warning.timeline());
      assertThat(after.closeWarningAt()).isNull();
      assertThat(after.nextTransitionAt()).isEqualTo(at(30));
      assertThat(rules.warningDue(warning.timeline(), at(26))).isEmpty();
    }

    @Test
    void activityThatMovesTheDeadlineRearmsIt() {
      Timeline warned = rules.warningDue(active, at(25)).orElseThrow().timeline();
      Timeline later = rules.onActivity(warned, "SMS", at(26), at(26)).timeline();
      assertThat(rules.schedule(later).closeWarningAt()).isEqualTo(at(51));
    }

    @Test
    void anOverdueCloseClosesWithoutAWarning() {
      assertThat(rules.warningDue(active, at(30))).isEmpty();
      assertThat(rules.due(active, at(30)).orElseThrow().to()).isEqualTo(CLOSED);
    }

    @Test
    void aWarningBeforeTheInactiveDeadlineComesFirst() {
      Timeline t = open(ACTIVE, Map.of("SMS", new StatusTimeouts(10, 30, 25)));
      Schedule s = rules.schedule(t);
      assertThat(s.closeWarningAt()).isEqualTo(at(5));
      assertThat(s.nextTransitionAt()).isEqualTo(at(5));
      assertThat(rules.warningDue(t, at(5))).isPresent();
    }

    @Test
    void comesFromTheChannelsThatSetTheCloseDeadline() {
      Timeline t =
          new Timeline(
              ACTIVE,
              T0,
              Map.of("SMS", T0, "VOICE", T0),
              Map.of("SMS", new StatusTimeouts(10, 30, 5), "VOICE", new StatusTimeouts(1, 2, 1)));
      assertThat(rules.schedule(t).closeWarningAt()).isEqualTo(at(25));
      Timeline voiceLast =
          new Timeline(
              ACTIVE,
              T0,
              Map.of("SMS", T0, "VOICE", at(40)),
              Map.of("SMS", new StatusTimeouts(10, 30, 5), "VOICE", new StatusTimeouts(1, 2)));
      assertThat(rules.schedule(voiceLast).closeWarningAt()).isNull();
    }

    @Test
    void theLifespanCapHasNoWarning() {
      Timeline t = open(ACTIVE, Map.of("SMS", new StatusTimeouts(null, 5_000_000, 5)));
      assertThat(rules.schedule(t).closesAt()).isEqualTo(T0.plus(MAX_LIFESPAN));
      assertThat(rules.schedule(t).closeWarningAt()).isNull();
    }
  }

  /**
   * Every combination of status, snooze, wake on activity, warning, warned-already and a waiting
   * customer message (none, its SLA running, its breach reported).
   */
  static Stream<Arguments> combinations() {
    List<Arguments> all = new ArrayList<>();
    for (ConversationStatus status : ConversationStatus.values()) {
      for (boolean snoozed : new boolean[] {false, true}) {
        for (boolean wake : new boolean[] {false, true}) {
          for (Integer warn : new Integer[] {null, 5}) {
            for (boolean warned : new boolean[] {false, true}) {
              for (String sla : new String[] {"NONE", "RUNNING", "BREACHED"}) {
                if (!snoozed || status == INACTIVE) {
                  all.add(Arguments.of(status, snoozed, wake, warn, warned, sla));
                }
              }
            }
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} snoozed={1} wake={2} warn={3} warned={4} sla={5}")
  @MethodSource("combinations")
  void everyCombinationKeepsTheInvariants(
      ConversationStatus status,
      boolean snoozed,
      boolean wake,
      Integer warn,
      boolean warned,
      String sla) {
    PendingResponse pending =
        sla.equals("NONE")
            ? null
            : new PendingResponse("FIRST_RESPONSE", "comm_1", at(1), at(3), sla.equals("BREACHED"));
    Timeline t =
        new Timeline(
            status,
            T0,
            Map.of("SMS", T0),
            Map.of("SMS", new StatusTimeouts(10, 30, warn)),
            snoozed ? at(60) : null,
            wake,
            warned ? at(30) : null,
            null,
            null,
            Map.of("SMS", new ResponseSla(2, 2)),
            pending);
    Schedule s = rules.schedule(t);
    if (status == CLOSED) {
      assertThat(s).isEqualTo(Schedule.NONE);
      return;
    }
    // the one deadline the sweeper waits for is the nearest of all of them
    Instant nearest =
        Stream.of(s.inactiveAt(), s.closeWarningAt(), s.snoozedUntil(), s.closesAt(), s.slaDueAt())
            .filter(Objects::nonNull)
            .min(Instant::compareTo)
            .orElseThrow();
    assertThat(s.nextTransitionAt()).isEqualTo(nearest);
    assertThat(s.snoozedUntil() != null).isEqualTo(snoozed);
    assertThat(s.closesAt() == null).isEqualTo(snoozed);
    assertThat(s.closeWarningAt() != null).isEqualTo(!snoozed && warn != null && !warned);
    assertThat(s.slaDueAt() != null).isEqualTo(sla.equals("RUNNING"));
    // at the next deadline something is due: a transition, a warning or a breach
    boolean transition = rules.due(t, nearest).isPresent();
    boolean warning = rules.warningDue(t, nearest).isPresent();
    boolean breach = rules.breachDue(t, nearest).isPresent();
    assertThat(transition || warning || breach).isTrue();
    if (breach) {
      assertThat(rules.breachDue(rules.breachDue(t, nearest).get().timeline(), nearest)).isEmpty();
    }
    if (warning) {
      assertThat(rules.warningDue(rules.warningDue(t, nearest).get().timeline(), nearest))
          .isEmpty();
    }
    // a communication wakes a snooze only when asked to; otherwise it reactivates as before
    Outcome activity = rules.onActivity(t, "SMS", at(1), at(1));
    boolean sleepsOn = snoozed && !wake;
    assertThat(activity.timeline().status()).isEqualTo(sleepsOn ? INACTIVE : ACTIVE);
    assertThat(activity.timeline().snoozed()).isEqualTo(sleepsOn);
    assertThat(activity.changedStatus()).isEqualTo(status == INACTIVE && !sleepsOn);
  }

  /**
   * Timer bases: every basis × who speaks × who spoke before, on an ACTIVE and an INACTIVE
   * conversation (SMS inactive 10, closed 30; the communication at minute 5).
   */
  @ParameterizedTest(name = "{0} {1} speaks, {2} spoke before, {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # basis           | speaker  | before   | status   | timers count from | reactivates
          ANY               | CUSTOMER | NOBODY   | ACTIVE   | 5                 | false
          ANY               | AGENT    | NOBODY   | INACTIVE | 5                 | true
          ANY               | OTHER    | NOBODY   | INACTIVE | 5                 | true
          CUSTOMER          | CUSTOMER | NOBODY   | INACTIVE | 5                 | true
          CUSTOMER          | AGENT    | NOBODY   | INACTIVE | 0                 | false
          CUSTOMER          | OTHER    | NOBODY   | ACTIVE   | 0                 | false
          AWAITING_CUSTOMER | AGENT    | CUSTOMER | INACTIVE | 5                 | true
          AWAITING_CUSTOMER | AGENT    | NOBODY   | ACTIVE   | 5                 | false
          AWAITING_CUSTOMER | CUSTOMER | AGENT    | INACTIVE | STOPPED           | true
          AWAITING_CUSTOMER | CUSTOMER | NOBODY   | ACTIVE   | STOPPED           | false
          AWAITING_CUSTOMER | OTHER    | AGENT    | ACTIVE   | 0                 | false
          AWAITING_CUSTOMER | OTHER    | CUSTOMER | ACTIVE   | STOPPED           | false
          """)
  void timerBases(
      TimerBasis basis,
      Speaker speaker,
      String before,
      ConversationStatus status,
      String countsFrom,
      boolean reactivates) {
    Timeline t =
        new Timeline(
            status,
            T0,
            Map.of(),
            Map.of("SMS", new StatusTimeouts(10, 30, null, basis)),
            null,
            true,
            null,
            before.equals("CUSTOMER") ? at(1) : null,
            before.equals("AGENT") ? at(1) : null);
    Outcome o = rules.onActivity(t, "SMS", speaker, at(5), at(5));
    assertThat(o.changedStatus()).isEqualTo(reactivates);
    assertThat(o.timeline().lastCustomerAt())
        .isEqualTo(speaker == Speaker.CUSTOMER ? at(5) : t.lastCustomerAt());
    assertThat(o.timeline().lastAgentAt())
        .isEqualTo(speaker == Speaker.AGENT ? at(5) : t.lastAgentAt());
    Schedule s = rules.schedule(o.timeline());
    if (countsFrom.equals("STOPPED")) {
      // the customer waits on an agent: nothing but the maximum lifespan closes it
      assertThat(s.inactiveAt()).isNull();
      assertThat(s.closesAt()).isEqualTo(T0.plus(MAX_LIFESPAN));
    } else {
      assertThat(s.closesAt()).isEqualTo(at(Integer.parseInt(countsFrom) + 30));
    }
  }

  @Test
  void anAgentReplyRestartsAwaitingCustomerTimersFromTheReply() {
    Timeline t =
        new Timeline(
            ACTIVE,
            T0,
            Map.of(),
            Map.of("SMS", new StatusTimeouts(10, 30, 5, TimerBasis.AWAITING_CUSTOMER)));
    Timeline waiting = rules.onActivity(t, "SMS", Speaker.CUSTOMER, at(2), at(2)).timeline();
    assertThat(rules.schedule(waiting).closeWarningAt()).isNull();
    Timeline answered = rules.onActivity(waiting, "SMS", Speaker.AGENT, at(50), at(50)).timeline();
    Schedule s = rules.schedule(answered);
    assertThat(s.inactiveAt()).isEqualTo(at(60));
    assertThat(s.closeWarningAt()).isEqualTo(at(75));
    assertThat(s.closesAt()).isEqualTo(at(80));
  }

  /** Response SLAs: SMS first response 5, next response 3 (minutes); no timers otherwise. */
  @Nested
  class ResponseSlas {
    private final Timeline fresh =
        new Timeline(
            ACTIVE,
            T0,
            Map.of(),
            Map.of("SMS", new StatusTimeouts(100, 300)),
            null,
            true,
            null,
            null,
            null,
            Map.of("SMS", new ResponseSla(5, 3)),
            null);

    private Timeline say(Timeline t, Speaker who, String id, int minute) {
      return rules.onActivity(t, "SMS", who, id, at(minute), at(minute)).timeline();
    }

    @Test
    void aCustomerMessageStartsTheFirstResponseSlaAndItsBreachIsDueOnce() {
      Timeline waiting = say(fresh, Speaker.CUSTOMER, "comm_1", 1);
      Schedule s = rules.schedule(waiting);
      assertThat(s.slaDueAt()).isEqualTo(at(6));
      assertThat(s.nextTransitionAt()).isEqualTo(at(6));
      assertThat(rules.breachDue(waiting, at(6).minusNanos(1000))).isEmpty();
      SlaBreach breach = rules.breachDue(waiting, at(7)).orElseThrow();
      assertThat(breach.details())
          .isEqualTo(new SlaBreach.Details("FIRST_RESPONSE", "comm_1", at(1), at(6), 360));
      assertThat(rules.schedule(breach.timeline()).slaDueAt()).isNull();
      assertThat(rules.breachDue(breach.timeline(), at(8))).isEmpty();
      // a later customer message does not restart the clock of the unanswered one
      Timeline again = say(breach.timeline(), Speaker.CUSTOMER, "comm_2", 9);
      assertThat(again.pending().communicationId()).isEqualTo("comm_1");
      assertThat(rules.breachDue(again, at(10))).isEmpty();
    }

    @Test
    void anAgentAnswerStopsItAndTheNextCustomerMessageStartsTheNextResponseSla() {
      Timeline answered = say(say(fresh, Speaker.CUSTOMER, "comm_1", 1), Speaker.AGENT, "c", 2);
      assertThat(answered.pending()).isNull();
      assertThat(rules.schedule(answered).slaDueAt()).isNull();
      Timeline next = say(answered, Speaker.CUSTOMER, "comm_3", 10);
      assertThat(next.pending().sla()).isEqualTo("NEXT_RESPONSE");
      assertThat(rules.schedule(next).slaDueAt()).isEqualTo(at(13));
    }

    @Test
    void otherAuthorsAndChannelsWithoutAnSlaStartNothing() {
      assertThat(say(fresh, Speaker.OTHER, "comm_1", 1).pending()).isNull();
      Timeline voice =
          rules.onActivity(fresh, "VOICE", Speaker.CUSTOMER, "c", at(1), at(1)).timeline();
      assertThat(voice.pending()).isNull();
      Timeline onlyFirst =
          say(
              say(
                  say(
                      new Timeline(
                          ACTIVE,
                          T0,
                          Map.of(),
                          Map.of(),
                          null,
                          true,
                          null,
                          null,
                          null,
                          Map.of("SMS", new ResponseSla(5, null)),
                          null),
                      Speaker.CUSTOMER,
                      "c1",
                      1),
                  Speaker.AGENT,
                  "a",
                  2),
              Speaker.CUSTOMER,
              "c2",
              3);
      assertThat(onlyFirst.pending()).isNull();
    }

    @Test
    void theSlaRunsWhileSnoozedAndNotOnceClosed() {
      Timeline waiting = say(fresh, Speaker.CUSTOMER, "comm_1", 1);
      Timeline snoozed = rules.onSnooze(waiting, at(60), true, at(2)).timeline();
      Schedule s = rules.schedule(snoozed);
      assertThat(s.slaDueAt()).isEqualTo(at(6));
      assertThat(s.nextTransitionAt()).isEqualTo(at(6));
      assertThat(rules.breachDue(snoozed, at(6))).isPresent();
      assertThat(rules.breachDue(waiting.withStatus(CLOSED), at(6))).isEmpty();
    }
  }
}
