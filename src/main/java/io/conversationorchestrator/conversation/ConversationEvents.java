package io.conversationorchestrator.conversation;

import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.conversation.lifecycle.Transition;
import io.conversationorchestrator.conversation.participant.ParticipantRepository;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.events.Outbox;
import io.conversationorchestrator.events.StatusChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Appends conversation events whose data is the conversation as the API returns it. */
@ApplicationScoped
public class ConversationEvents {
  private final Outbox outbox;
  private final ParticipantRepository participants;

  public ConversationEvents(Outbox outbox, ParticipantRepository participants) {
    this.outbox = outbox;
    this.participants = participants;
  }

  /** The conversation as the API returns it, participants loaded. */
  public Uni<ConversationResponse> respond(SqlConnection c, Conversation conversation) {
    return participants
        .listFor(c, List.of(conversation.id))
        .map(list -> ConversationResponse.of(conversation, list));
  }

  /** Loads the participants, appends the event, and answers the conversation as returned. */
  public Uni<ConversationResponse> append(
      SqlConnection c, EventType type, Conversation conversation, Transition transition) {
    return respond(c, conversation).call(response -> append(c, type, response, transition));
  }

  public Uni<Void> append(
      SqlConnection c, EventType type, ConversationResponse conversation, Transition transition) {
    StatusChange change =
        transition == null
            ? null
            : new StatusChange(
                transition.from().name(), transition.to().name(), transition.reason().name());
    return outbox.append(
        c,
        type,
        conversation.id(),
        conversation.id(),
        conversation.accountId(),
        conversation,
        change);
  }

  public static String id(Conversation conversation) {
    return ResourceType.CONVERSATION.format(conversation.id);
  }
}
