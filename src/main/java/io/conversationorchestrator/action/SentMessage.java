package io.conversationorchestrator.action;

import io.conversationorchestrator.conversation.communication.Author;
import io.conversationorchestrator.conversation.communication.CommunicationBody;
import io.conversationorchestrator.conversation.communication.Content;
import io.conversationorchestrator.conversation.communication.ContentType;
import io.conversationorchestrator.conversation.communication.Recipient;

/**
 * The communication a sent message becomes: author {@code from}, recipients {@code to} (with their
 * participant ids), TEXT content, and the adapter's message id as {@code channelId}. A template the
 * orchestrator never rendered ({@code contentId} without {@code text}) is recorded with an empty
 * text: only the adapter knows what it said; the contentId stays on the action's command.
 */
final class SentMessage {
  private SentMessage() {}

  static CommunicationBody communication(SendMessageCommand command, String messageId) {
    Party from = command.from();
    String text = command.content().text() == null ? "" : command.content().text();
    return new CommunicationBody(
        new Author(from.address(), from.channel(), from.participantId()),
        new Content(ContentType.TEXT, text, null),
        messageId,
        null,
        command.to().stream()
            .map(to -> new Recipient(to.address(), to.channel(), to.participantId(), null))
            .toList(),
        null);
  }
}
