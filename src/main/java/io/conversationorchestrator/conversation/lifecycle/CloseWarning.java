package io.conversationorchestrator.conversation.lifecycle;

import java.time.Instant;

/**
 * A closing warning that is due: the conversation closes at {@code closesAt} unless activity moves
 * the deadline.
 *
 * @param closesAt the close deadline the warning is about
 * @param timeline the timeline after the warning (it records the deadline it warned about)
 */
public record CloseWarning(Instant closesAt, Timeline timeline) {}
