package io.conversationorchestrator.conversation.communication;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.conversation.ConversationEntity;
import io.conversationorchestrator.conversation.ConversationEvents;
import io.conversationorchestrator.conversation.OpenConversations;
import io.conversationorchestrator.conversation.lifecycle.LifecycleRules;
import io.conversationorchestrator.conversation.lifecycle.Outcome;
import io.conversationorchestrator.conversation.lifecycle.Speaker;
import io.conversationorchestrator.conversation.participant.ParticipantType;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.events.Outbox;
import io.conversationorchestrator.platform.Time;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Communications. A new one is activity: it moves the conversation's timers and reactivates an
 * INACTIVE conversation, in the same transaction. An upsert through {@code resourceId} (e.g. a
 * delivery status moving on) is not new activity.
 */
@ApplicationScoped
public class CommunicationService {
  private final OpenConversations conversations;
  private final CommunicationRepository communications;
  private final ParticipantResolver participantResolver;
  private final Outbox outbox;
  private final ConversationEvents conversationEvents;
  private final LifecycleRules rules;

  public CommunicationService(
      OpenConversations conversations,
      CommunicationRepository communications,
      ParticipantResolver participantResolver,
      Outbox outbox,
      ConversationEvents conversationEvents,
      LifecycleRules rules) {
    this.conversations = conversations;
    this.communications = communications;
    this.participantResolver = participantResolver;
    this.outbox = outbox;
    this.conversationEvents = conversationEvents;
    this.rules = rules;
  }

  @WithTransaction
  public Uni<Posted> post(String accountSid, String conversationId, CommunicationBody body) {
    return conversations
        .lockOpen(accountSid, conversationId, "new communications")
        .chain(c -> postTo(c, body, NewParticipants.UNKNOWN));
  }

  /**
   * Adds (or, through its resourceId, updates) a communication of a conversation the caller has
   * locked and found open, in the caller's transaction. Ingestion routes traffic through here. Its
   * author and recipients are resolved to participants first, adding those missing as {@code
   * newcomers} says (see {@link ParticipantResolver}).
   */
  public Uni<Posted> postTo(
      ConversationEntity conversation, CommunicationBody body, NewParticipants newcomers) {
    return participantResolver
        .resolve(conversation, body, newcomers)
        .chain(resolved -> upsert(conversation, resolved));
  }

  private Uni<Posted> upsert(ConversationEntity conversation, ResolvedBody resolved) {
    CommunicationBody body = resolved.body();
    return (body.resourceId() == null
            ? Uni.createFrom().<CommunicationEntity>nullItem()
            : communications.findByResourceId(conversation.id, body.resourceId()))
        .chain(
            existing ->
                existing == null
                    ? create(conversation, body, speakerOf(resolved.authorType()))
                    : update(existing, body));
  }

  @WithSession
  public Uni<CommunicationResponse> fetch(String accountSid, String conversationId, String id) {
    UUID uuid = ResourceType.COMMUNICATION.parseOrNotFound(id);
    return conversations
        .find(accountSid, conversationId)
        .chain(c -> communications.findInConversation(c.id, uuid))
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.COMMUNICATION, id))
        .map(CommunicationResponse::of);
  }

  @WithSession
  public Uni<Page<CommunicationResponse>> list(
      String accountSid, String conversationId, PageQuery query) {
    return conversations
        .find(accountSid, conversationId)
        .chain(c -> communications.page(c.id, query))
        .map(rows -> query.page(CommunicationPage.KEY, rows, CommunicationRepository::boundaryOf))
        .map(page -> page.map(CommunicationResponse::of));
  }

  private Uni<Posted> create(
      ConversationEntity conversation, CommunicationBody body, Speaker speaker) {
    Instant now = Time.now();
    CommunicationEntity entity = new CommunicationEntity();
    entity.id = ResourceType.newUuid();
    entity.conversationId = conversation.id;
    entity.accountSid = conversation.accountSid;
    entity.createdAt = now;
    fill(entity, body, now);
    return communications
        .persist(entity)
        .chain(saved -> emit(EventType.COMMUNICATION_CREATED, saved))
        .call(() -> recordActivity(conversation, entity, speaker, now))
        .map(response -> new Posted(true, response));
  }

  private Uni<Posted> update(CommunicationEntity entity, CommunicationBody body) {
    fill(entity, body, Time.now());
    return emit(EventType.COMMUNICATION_UPDATED, entity).map(r -> new Posted(false, r));
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

  private Uni<?> recordActivity(
      ConversationEntity conversation,
      CommunicationEntity communication,
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
    if (!outcome.changedStatus()) {
      return Uni.createFrom().voidItem();
    }
    return conversationEvents.append(
        EventType.CONVERSATION_UPDATED, conversation, outcome.transition());
  }

  private static void fill(CommunicationEntity entity, CommunicationBody body, Instant now) {
    entity.channel = body.author().channel();
    entity.body = new CommunicationDocument(body.author(), body.content(), body.recipients());
    entity.channelId = body.channelId();
    entity.resourceId = body.resourceId();
    entity.occurredAt =
        body.occurredAt() == null ? now : Time.micros(body.occurredAt().toInstant());
    entity.updatedAt = now;
  }

  private Uni<CommunicationResponse> emit(EventType type, CommunicationEntity entity) {
    CommunicationResponse response = CommunicationResponse.of(entity);
    return outbox
        .append(type, response.conversationId(), response.id(), entity.accountSid, response)
        .replaceWith(response);
  }
}
