package io.conversationorchestrator.conversation.communication;

import java.util.List;

/** The document column of a communication. */
public record CommunicationDocument(Author author, Content content, List<Recipient> recipients) {}
