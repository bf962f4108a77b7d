package io.conversationorchestrator.conversation.communication;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.conversation.Conversation;
import io.conversationorchestrator.conversation.ConversationEvents;
import io.conversationorchestrator.conversation.ConversationRepository;
import io.conversationorchestrator.conversation.OpenConversations;
import io.conversationorchestrator.conversation.lifecycle.LifecycleRules;
import io.conversationorchestrator.conversation.lifecycle.Outcome;
import io.conversationorchestrator.conversation.lifecycle.Speaker;
import io.conversationorchestrator.conversation.participant.Participant;
import io.conversationorchestrator.conversation.participant.ParticipantType;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.events.Outbox;
import io.conversationorchestrator.platform.Time;
import io.conversationorchestrator.platform.Transactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Communications. A new one is activity: it moves the conversation's timers and reactivates an
 * INACTIVE conversation, in the same transaction. An upsert through {@code resourceId} (e.g. a
 * delivery status moving on) is not new activity.
 */
@ApplicationScoped
public class CommunicationService {
  private final Transactions transactions;
  private final OpenConversations conversations;
  private final ConversationRepository conversationRows;
  private final CommunicationRepository communications;
  private final ParticipantResolver participantResolver;
  private final Outbox outbox;
  private final ConversationEvents conversationEvents;
  private final LifecycleRules rules;

  public CommunicationService(
      Transactions transactions,
      OpenConversations conversations,
      ConversationRepository conversationRows,
      CommunicationRepository communications,
      ParticipantResolver participantResolver,
      Outbox outbox,
      ConversationEvents conversationEvents,
      LifecycleRules rules) {
    this.transactions = transactions;
    this.conversations = conversations;
    this.conversationRows = conversationRows;
    this.communications = communications;
    this.participantResolver = participantResolver;
    this.outbox = outbox;
    this.conversationEvents = conversationEvents;
    this.rules = rules;
  }

  public Uni<Posted> post(String accountSid, String conversationId, CommunicationBody body) {
    return transactions.inTransaction(
        c ->
            conversations
                .lockOpen(c, accountSid, conversationId, "new communications")
                .chain(
                    conversation -> postTo(c, conversation, null, body, NewParticipants.UNKNOWN)));
  }

  /**
   * Adds (or, through its resourceId, updates) a communication of a conversation the caller has
   * locked and found open, in the caller's transaction. Ingestion routes traffic through here. Its
   * author and recipients are resolved to participants first, adding those missing as {@code
   * newcomers} says (see {@link ParticipantResolver}).
   *
   * @param participants the conversation's participants if the caller has them (it just created the
   *     conversation), else null
   */
  public Uni<Posted> postTo(
      SqlConnection c,
      Conversation conversation,
      List<Participant> participants,
      CommunicationBody body,
      NewParticipants newcomers) {
    return participantResolver
        .resolve(c, conversation, participants, body, newcomers)
        .chain(resolved -> upsert(c, conversation, resolved));
  }

  private Uni<Posted> upsert(SqlConnection c, Conversation conversation, ResolvedBody r) {
    CommunicationBody body = r.body();
    return (body.resourceId() == null
            ? Uni.createFrom().<Communication>nullItem()
            : communications.findByResourceId(c, conversation.id, body.resourceId()))
        .chain(
            existing ->
                existing == null
                    ? create(c, conversation, body, speakerOf(r.authorType()))
                    : update(c, existing, body))
        .map(
            posted ->
                new Posted(
                    posted.created(), posted.communication(), List.copyOf(r.participants())));
  }

  public Uni<CommunicationResponse> fetch(String accountSid, String conversationId, String id) {
    UUID uuid = ResourceType.COMMUNICATION.parseOrNotFound(id);
    return transactions.reading(
        c ->
            conversations
                .find(c, accountSid, conversationId)
                .chain(conversation -> communications.findInConversation(c, conversation.id, uuid))
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound(ResourceType.COMMUNICATION, id))
                .map(CommunicationResponse::of));
  }

  public Uni<Page<CommunicationResponse>> list(
      String accountSid, String conversationId, PageQuery query) {
    return transactions.reading(
        c ->
            conversations
                .find(c, accountSid, conversationId)
                .chain(conversation -> communications.page(c, conversation.id, query))
                .map(
                    rows ->
                        query.page(
                            CommunicationPage.KEY, rows, CommunicationRepository::boundaryOf))
                .map(page -> page.map(CommunicationResponse::of)));
  }

  private Uni<Posted> create(
      SqlConnection c, Conversation conversation, CommunicationBody body, Speaker speaker) {
    Instant now = Time.now();
    Communication entity = new Communication();
    entity.id = ResourceType.newUuid();
    entity.conversationId = conversation.id;
    entity.accountSid = conversation.accountSid;
    entity.createdAt = now;
    fill(entity, body, now);
    return communications
        .insert(c, entity)
        .chain(() -> emit(c, EventType.COMMUNICATION_CREATED, entity))
        .call(() -> recordActivity(c, conversation, entity, speaker, now))
        .map(response -> new Posted(true, response, List.of()));
  }

  private Uni<Posted> update(SqlConnection c, Communication entity, CommunicationBody body) {
    fill(entity, body, Time.now());
    return communications
        .update(c, entity)
        .chain(() -> emit(c, EventType.COMMUNICATION_UPDATED, entity))
        .map(r -> new Posted(false, r, List.of()));
  }

  /** Whose activity a communication is, by its author's participant type (null: none). */
  private static Speaker speakerOf(ParticipantType type) {
    if (type == null) {
      return Speaker.OTHER;
    }
    return switch (type) {
      case CUSTOMER -> Speaker.CUSTOMER;
      case HUMAN_AGENT, AI_AGENT, AGENT -> Speaker.AGENT;
      case UNKNOWN -> Speaker.OTHER;
    };
  }

  /** The conversation row always changes (activity, timers); an event only with the status. */
  private Uni<?> recordActivity(
      SqlConnection c,
      Conversation conversation,
      Communication communication,
      Speaker speaker,
      Instant now) {
    Outcome outcome =
        rules.onActivity(
            conversation.timeline(),
            communication.channel.name(),
            speaker,
            ResourceType.COMMUNICATION.format(communication.id),
            communication.occurredAt,
            now);
    conversation.apply(outcome.timeline(), rules.schedule(outcome.timeline()));
    conversation.updatedAt = now;
    Uni<Void> stored = conversationRows.update(c, conversation);
    if (!outcome.changedStatus()) {
      return stored;
    }
    return stored.chain(
        () ->
            conversationEvents.append(
                c, EventType.CONVERSATION_UPDATED, conversation, outcome.transition()));
  }

  private static void fill(Communication entity, CommunicationBody body, Instant now) {
    entity.channel = body.author().channel();
    entity.body = new CommunicationDocument(body.author(), body.content(), body.recipients());
    entity.channelId = body.channelId();
    entity.resourceId = body.resourceId();
    entity.occurredAt =
        body.occurredAt() == null ? now : Time.micros(body.occurredAt().toInstant());
    entity.updatedAt = now;
  }

  private Uni<CommunicationResponse> emit(SqlConnection c, EventType type, Communication entity) {
    CommunicationResponse response = CommunicationResponse.of(entity);
    return outbox
        .append(c, type, response.conversationId(), response.id(), entity.accountSid, response)
        .replaceWith(response);
  }
}
