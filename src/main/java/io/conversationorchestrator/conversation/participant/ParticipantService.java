package io.conversationorchestrator.conversation.participant;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.conversation.ConversationEntity;
import io.conversationorchestrator.conversation.OpenConversations;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.events.Outbox;
import io.conversationorchestrator.platform.Time;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Participants of a conversation. Changes need the conversation open (not CLOSED). */
@ApplicationScoped
public class ParticipantService {
  private final OpenConversations conversations;
  private final ParticipantRepository participants;
  private final ParticipantFactory factory;
  private final Outbox outbox;

  public ParticipantService(
      OpenConversations conversations,
      ParticipantRepository participants,
      ParticipantFactory factory,
      Outbox outbox) {
    this.conversations = conversations;
    this.participants = participants;
    this.factory = factory;
    this.outbox = outbox;
  }

  @WithTransaction
  public Uni<ParticipantResponse> add(
      String accountSid, String conversationId, ParticipantBody body) {
    return conversations
        .lockOpen(accountSid, conversationId, "new participants")
        .chain(c -> addTo(c, body))
        .map(ParticipantResponse::of);
  }

  /**
   * Adds a participant to a conversation the caller has locked and found open, in the caller's
   * transaction, with its PARTICIPANT_ADDED event (a communication adds its unknown addresses so).
   */
  public Uni<ParticipantEntity> addTo(ConversationEntity conversation, ParticipantBody body) {
    return factory
        .create(conversation.accountSid, conversation.id, store(conversation), body, Time.now(), "")
        .call(participants::persist)
        .call(p -> emit(EventType.PARTICIPANT_ADDED, p));
  }

  @WithTransaction
  public Uni<ParticipantResponse> update(
      String accountSid, String conversationId, String id, ParticipantBody body) {
    return conversations
        .lockOpen(accountSid, conversationId, "participant changes")
        .chain(c -> owned(c, id).chain(p -> factory.update(p, store(c), body, Time.now(), "")))
        .chain(p -> emit(EventType.PARTICIPANT_UPDATED, p));
  }

  @WithTransaction
  public Uni<ParticipantResponse> remove(String accountSid, String conversationId, String id) {
    return conversations
        .lockOpen(accountSid, conversationId, "participant changes")
        .chain(c -> owned(c, id))
        .call(participants::delete)
        .chain(p -> emit(EventType.PARTICIPANT_REMOVED, p));
  }

  @WithSession
  public Uni<ParticipantResponse> fetch(String accountSid, String conversationId, String id) {
    return conversations
        .find(accountSid, conversationId)
        .chain(c -> owned(c, id))
        .map(ParticipantResponse::of);
  }

  @WithSession
  public Uni<Page<ParticipantResponse>> list(
      String accountSid, String conversationId, PageQuery query) {
    return conversations
        .find(accountSid, conversationId)
        .chain(c -> participants.page(c.id, query))
        .map(rows -> query.page(ParticipantPage.KEY, rows, p -> p.id.toString()))
        .map(page -> page.map(ParticipantResponse::of));
  }

  private Uni<ParticipantResponse> emit(EventType type, ParticipantEntity participant) {
    ParticipantResponse response = ParticipantResponse.of(participant);
    return outbox
        .append(type, response.conversationId(), response.id(), participant.accountSid, response)
        .replaceWith(response);
  }

  private Uni<ParticipantEntity> owned(ConversationEntity conversation, String id) {
    UUID uuid = ResourceType.PARTICIPANT.parseOrNotFound(id);
    return participants
        .findInConversation(conversation.id, uuid)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.PARTICIPANT, id));
  }

  private static String store(ConversationEntity conversation) {
    return conversation.configuration.memoryStoreId();
  }
}
