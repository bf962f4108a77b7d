/**
 * Actions: how the orchestrator, which has no carrier of its own, asks the user's channel adapters
 * to send a message ({@code POST /v2/Conversations/{id}/Actions}, type SEND_MESSAGE).
 *
 * <ul>
 *   <li>Parties are resolved at creation: {@code participantId} + {@code channel}, {@code
 *       participantId} alone (the participant's only address), or {@code address} + {@code channel}
 *       (then the first participant with that address on that channel, if any, names it). Every
 *       party must end on the channel of {@code from}: a message goes out on one channel. Failures
 *       are 400s naming the field ({@code payload.to[1].participantId}).
 *   <li>The action row (PENDING, {@code expires_at} = now + {@code orchestrator.actions.timeout})
 *       and its command, an ACTION_SEND_MESSAGE_REQUESTED event on the {@code actions} stream, are
 *       written in one transaction. The relay publishes the command to the {@code
 *       conversation-actions} topic (key: conversation id); the callback intake also reads that
 *       topic and delivers each command, signed and retried, to the sender URL configured for its
 *       channel ({@code orchestrator.actions.senders.<CHANNEL>}).
 *   <li>Adapters report through {@code POST …/Actions/{id}/Result} or the {@code
 *       conversation-action-results} topic; both call {@link
 *       io.conversationorchestrator.action.ActionResults#report}. COMPLETED creates the
 *       communication (author from, recipients to, TEXT, channelId = the message id) through the
 *       communication service in the same transaction; a template without text is recorded with an
 *       empty text. On a CLOSED conversation COMPLETED is still recorded (the message was sent),
 *       without a communication. The same outcome twice is answered unchanged; another outcome
 *       after the end is a 409.
 *   <li>The sweeper fails PENDING actions past {@code expires_at} ("timed out"). Every end emits
 *       ACTION_UPDATED on the conversations stream (previousStatus PENDING, reason RESULT or
 *       TIMER), so status callbacks see it.
 * </ul>
 *
 * Uses {@code conversation} (participants, communications, locks), {@code events}, {@code account},
 * {@code api} and {@code platform}; {@code callback} uses it for the sender URLs.
 */
package io.conversationorchestrator.action;
