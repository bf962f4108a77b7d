package io.conversationorchestrator.ingestion;

import io.conversationorchestrator.conversation.ConversationResponse;
import io.conversationorchestrator.conversation.communication.CommunicationResponse;

/** Where a communication landed, and whether its conversation was created for it. */
public record IngestResult(
    ConversationResponse conversation,
    CommunicationResponse communication,
    boolean conversationCreated,
    boolean communicationCreated) {}
