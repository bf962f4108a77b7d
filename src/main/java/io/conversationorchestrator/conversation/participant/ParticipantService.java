package io.conversationorchestrator.conversation.participant;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.conversation.Conversation;
import io.conversationorchestrator.conversation.OpenConversations;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.events.Outbox;
import io.conversationorchestrator.platform.Time;
import io.conversationorchestrator.platform.Transactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Participants of a conversation. Changes need the conversation open (not CLOSED). */
@ApplicationScoped
public class ParticipantService {
  private final Transactions transactions;
  private final OpenConversations conversations;
  private final ParticipantRepository participants;
  private final ParticipantFactory factory;
  private final Outbox outbox;

  public ParticipantService(
      Transactions transactions,
      OpenConversations conversations,
      ParticipantRepository participants,
      ParticipantFactory factory,
      Outbox outbox) {
    this.transactions = transactions;
    this.conversations = conversations;
    this.participants = participants;
    this.factory = factory;
    this.outbox = outbox;
  }

  public Uni<ParticipantResponse> add(
      String accountSid, String conversationId, ParticipantBody body) {
    return transactions.inTransaction(
        c ->
            conversations
                .lockOpen(c, accountSid, conversationId, "new participants")
                .chain(conversation -> addTo(c, conversation, body))
                .map(ParticipantResponse::of));
  }

  /**
   * Adds a participant to a conversation the caller has locked and found open, in the caller's
   * transaction, with its PARTICIPANT_ADDED event (a communication adds its unknown addresses so).
   */
  public Uni<Participant> addTo(SqlConnection c, Conversation conversation, ParticipantBody body) {
    return factory
        .create(
            c, conversation.accountSid, conversation.id, store(conversation), body, Time.now(), "")
        .call(p -> participants.insert(c, List.of(p)))
        .call(p -> emit(c, EventType.PARTICIPANT_ADDED, p));
  }

  public Uni<ParticipantResponse> update(
      String accountSid, String conversationId, String id, ParticipantBody body) {
    return transactions.inTransaction(
        c ->
            conversations
                .lockOpen(c, accountSid, conversationId, "participant changes")
                .chain(
                    conversation ->
                        owned(c, conversation, id)
                            .chain(
                                p ->
                                    factory.update(
                                        c, p, store(conversation), body, Time.now(), "")))
                .call(p -> participants.update(c, p))
                .chain(p -> emit(c, EventType.PARTICIPANT_UPDATED, p)));
  }

  public Uni<ParticipantResponse> remove(String accountSid, String conversationId, String id) {
    return transactions.inTransaction(
        c ->
            conversations
                .lockOpen(c, accountSid, conversationId, "participant changes")
                .chain(conversation -> owned(c, conversation, id))
                .call(p -> participants.delete(c, p.id))
                .chain(p -> emit(c, EventType.PARTICIPANT_REMOVED, p)));
  }

  public Uni<ParticipantResponse> fetch(String accountSid, String conversationId, String id) {
    return transactions.reading(
        c ->
            conversations
                .find(c, accountSid, conversationId)
                .chain(conversation -> owned(c, conversation, id))
                .map(ParticipantResponse::of));
  }

  public Uni<Page<ParticipantResponse>> list(
      String accountSid, String conversationId, PageQuery query) {
    return transactions.reading(
        c ->
            conversations
                .find(c, accountSid, conversationId)
                .chain(conversation -> participants.page(c, conversation.id, query))
                .map(rows -> query.page(ParticipantPage.KEY, rows, p -> p.id.toString()))
                .map(page -> page.map(ParticipantResponse::of)));
  }

  private Uni<ParticipantResponse> emit(SqlConnection c, EventType type, Participant participant) {
    ParticipantResponse response = ParticipantResponse.of(participant);
    return outbox
        .append(c, type, response.conversationId(), response.id(), participant.accountSid, response)
        .replaceWith(response);
  }

  private Uni<Participant> owned(SqlConnection c, Conversation conversation, String id) {
    UUID uuid = ResourceType.PARTICIPANT.parseOrNotFound(id);
    return participants
        .findInConversation(c, conversation.id, uuid)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.PARTICIPANT, id));
  }

  private static String store(Conversation conversation) {
    return conversation.configuration.memoryStoreId();
  }
}
