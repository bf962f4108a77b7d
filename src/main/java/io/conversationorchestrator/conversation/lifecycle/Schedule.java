package io.conversationorchestrator.conversation.lifecycle;

import java.time.Instant;

/**
 * The next deadlines of a conversation; null where none applies.
 *
 * @param inactiveAt when an ACTIVE conversation becomes INACTIVE
 * @param closesAt when it becomes CLOSED (none while snoozed: the close timer is paused)
 * @param closeWarningAt when the closing warning is due (none once given for this close deadline)
 * @param snoozedUntil when a snoozed conversation wakes
 * @param slaDueAt when an agent's answer to the waiting customer message is due (none once its
 *     breach was reported)
 * @param nextTransitionAt the earliest of them: what the sweeper waits for
 */
public record Schedule(
    Instant inactiveAt,
    Instant closesAt,
    Instant closeWarningAt,
    Instant snoozedUntil,
    Instant slaDueAt,
    Instant nextTransitionAt) {
  public static final Schedule NONE = new Schedule(null, null, null, null, null, null);
}
