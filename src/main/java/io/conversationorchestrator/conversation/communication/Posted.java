package io.conversationorchestrator.conversation.communication;

import io.conversationorchestrator.conversation.participant.Participant;
import java.util.List;

/**
 * A communication POST's outcome: created (201) or updated through its resourceId (200), and the
 * conversation's participants after it (those it added included, in creation order), so a caller
 * answering with the conversation need not read them again.
 */
public record Posted(
    boolean created, CommunicationResponse communication, List<Participant> participants) {
  public int status() {
    return created ? 201 : 200;
  }
}
