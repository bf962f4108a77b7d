package io.conversationorchestrator.conversation.lifecycle;

import java.time.Instant;

/**
 * The next transitions of a conversation; null where none applies.
 *
 * @param inactiveAt when an ACTIVE conversation becomes INACTIVE
 * @param closesAt when it becomes CLOSED
 * @param nextTransitionAt the earlier of the two still ahead: what the sweeper waits for
 */
public record Schedule(Instant inactiveAt, Instant closesAt, Instant nextTransitionAt) {
  public static final Schedule NONE = new Schedule(null, null, null);
}
