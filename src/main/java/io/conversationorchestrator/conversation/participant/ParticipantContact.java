package io.conversationorchestrator.conversation.participant;

import java.util.List;

/** The document column of a participant. */
public record ParticipantContact(List<Address> addresses) {
  public ParticipantContact {
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
  }
}
