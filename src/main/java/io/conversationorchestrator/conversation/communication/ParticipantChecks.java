package io.conversationorchestrator.conversation.communication;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.conversation.participant.ParticipantRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Participant ids named by a communication must be participants of its conversation (else 400). */
@ApplicationScoped
public class ParticipantChecks {
  private final ParticipantRepository participants;

  public ParticipantChecks(ParticipantRepository participants) {
    this.participants = participants;
  }

  public Uni<Void> check(UUID conversationId, CommunicationBody body) {
    List<String[]> named = new ArrayList<>();
    if (body.author().participantId() != null) {
      named.add(new String[] {"author.participantId", body.author().participantId()});
    }
    for (int i = 0; i < body.recipients().size(); i++) {
      String id = body.recipients().get(i).participantId();
      if (id != null) {
        named.add(new String[] {"recipients[" + i + "].participantId", id});
      }
    }
    return Multi.createFrom()
        .iterable(named)
        .onItem()
        .transformToUniAndConcatenate(field -> belongs(conversationId, field[0], field[1]))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> belongs(UUID conversationId, String field, String participantId) {
    UUID id =
        ResourceType.PARTICIPANT
            .parse(participantId)
            .orElseThrow(() -> notMember(field, participantId));
    return participants
        .findInConversation(conversationId, id)
        .onItem()
        .ifNull()
        .failWith(() -> notMember(field, participantId))
        .replaceWithVoid();
  }

  private static ApiException notMember(String field, String participantId) {
    return ApiException.invalid(
        "Invalid value for '"
            + field
            + "': "
            + participantId
            + " is not a participant of this conversation");
  }
}
