package io.conversationorchestrator.action;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.conversation.ConversationEntity;
import io.conversationorchestrator.conversation.ConversationRepository;
import io.conversationorchestrator.conversation.OpenConversations;
import io.conversationorchestrator.conversation.communication.CommunicationService;
import io.conversationorchestrator.conversation.lifecycle.ConversationStatus;
import io.conversationorchestrator.conversation.participant.ParticipantRepository;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.events.Outbox;
import io.conversationorchestrator.platform.Time;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Actions: created with their command in one transaction, ended by the adapter's result (REST or
 * Kafka, both here) or by the sweeper. Every writer locks the conversation first, so an action's
 * events keep the conversation's commit order and a result cannot race the timeout.
 */
@ApplicationScoped
public class ActionService {
  private final OpenConversations openConversations;
  private final ConversationRepository conversations;
  private final ParticipantRepository participants;
  private final ActionRepository actions;
  private final CommunicationService communications;
  private final ActionEvents events;
  private final Outbox outbox;
  private final ActionsConfig config;

  public ActionService(
      OpenConversations openConversations,
      ConversationRepository conversations,
      ParticipantRepository participants,
      ActionRepository actions,
      CommunicationService communications,
      ActionEvents events,
      Outbox outbox,
      ActionsConfig config) {
    this.openConversations = openConversations;
    this.conversations = conversations;
    this.participants = participants;
    this.actions = actions;
    this.communications = communications;
    this.events = events;
    this.outbox = outbox;
    this.config = config;
  }

  /** A new PENDING action and its command; 404 for no such conversation, 409 when CLOSED. */
  @WithTransaction
  public Uni<ActionResponse> create(String accountSid, String conversationId, ActionBody body) {
    return openConversations
        .lockOpen(accountSid, conversationId, "new actions")
        .chain(
            c ->
                participants
                    .listFor(List.of(c.id))
                    .map(list -> new PartyResolver(list).resolve(body.payload()))
                    .chain(parties -> insert(c, body, parties)));
  }

  private Uni<ActionResponse> insert(ConversationEntity c, ActionBody body, List<Party> parties) {
    Instant now = Time.now();
    ActionEntity action = new ActionEntity();
    action.id = ResourceType.newUuid();
    action.accountSid = c.accountSid;
    action.conversationId = c.id;
    action.type = body.type();
    action.status = ActionStatus.PENDING;
    action.related = ActionRelated.NONE;
    action.expiresAt = now.plus(config.timeout());
    action.createdAt = now;
    action.updatedAt = now;
    SendMessagePayload payload = body.payload();
    action.request =
        new SendMessageCommand(
            ResourceType.ACTION.format(action.id),
            ResourceType.CONVERSATION.format(c.id),
            c.accountSid,
            body.type(),
            parties.get(0),
            List.copyOf(parties.subList(1, parties.size())),
            payload.content(),
            payload.channelSettings(),
            action.expiresAt);
    SendMessageCommand command = action.request;
    return actions
        .persist(action)
        .call(
            () ->
                outbox.append(
                    EventType.ACTION_SEND_MESSAGE_REQUESTED,
                    command.conversationId(),
                    command.actionId(),
                    command.accountId(),
                    command))
        .map(ActionResponse::of);
  }

  @WithSession
  public Uni<ActionResponse> fetch(String accountSid, String conversationId, String id) {
    UUID uuid = ResourceType.ACTION.parseOrNotFound(id);
    return openConversations
        .find(accountSid, conversationId)
        .chain(c -> actions.findInConversation(c.id, uuid))
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.ACTION, id))
        .map(ActionResponse::of);
  }

  @WithSession
  public Uni<Page<ActionResponse>> list(String accountSid, String conversationId, PageQuery query) {
    return openConversations
        .find(accountSid, conversationId)
        .chain(c -> actions.page(c.id, query))
        .map(rows -> query.page(ActionPage.KEY, rows, a -> a.id.toString()))
        .map(page -> page.map(ActionResponse::of));
  }

  /**
   * Applies an adapter's result. The same outcome again answers the action unchanged; another
   * outcome after the action ended is a 409. COMPLETED records the message as a communication of
   * the conversation (activity, with its COMMUNICATION_CREATED event) in the same transaction.
   */
  @WithTransaction
  public Uni<ActionResponse> report(
      String accountSid, String conversationId, String actionId, ActionResult result) {
    UUID conversation = ResourceType.CONVERSATION.parseOrNotFound(conversationId);
    UUID id = ResourceType.ACTION.parseOrNotFound(actionId);
    return conversations
        .findOwnedForUpdate(accountSid, conversation)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.CONVERSATION, conversationId))
        .chain(
            c ->
                actions
                    .findInConversation(c.id, id)
                    .onItem()
                    .ifNull()
                    .failWith(() -> ApiException.notFound(ResourceType.ACTION, actionId))
                    .chain(action -> apply(c, action, result)));
  }

  private Uni<ActionResponse> apply(ConversationEntity c, ActionEntity action, ActionResult r) {
    if (action.status != ActionStatus.PENDING) {
      return Uni.createFrom().item(() -> unchangedOrConflict(action, r));
    }
    if (r.status() == ActionStatus.FAILED) {
      return end(action, ActionStatus.FAILED, r.failureReason(), action.related);
    }
    if (c.status() == ConversationStatus.CLOSED) {
      // the message went out, but a closed conversation takes no communication
      return end(action, ActionStatus.COMPLETED, null, new ActionRelated(r.messageId(), null));
    }
    return communications
        .postTo(c, SentMessage.communication(action.request, r.messageId()))
        .chain(
            posted ->
                end(
                    action,
                    ActionStatus.COMPLETED,
                    null,
                    new ActionRelated(r.messageId(), posted.communication().id())));
  }

  private Uni<ActionResponse> end(
      ActionEntity action, ActionStatus status, String failureReason, ActionRelated related) {
    Instant now = Time.now();
    action.status = status;
    action.failureReason = failureReason;
    action.related = related;
    action.updatedAt = now;
    action.completedAt = now;
    ActionResponse response = ActionResponse.of(action);
    return events.ended(response, ActionEvents.RESULT).replaceWith(response);
  }

  private static ActionResponse unchangedOrConflict(ActionEntity action, ActionResult r) {
    boolean same =
        action.status == r.status()
            && (r.status() == ActionStatus.FAILED
                || r.messageId().equals(action.related.messageSid()));
    if (same) {
      return ActionResponse.of(action);
    }
    String id = ResourceType.ACTION.format(action.id);
    String outcome =
        action.status == ActionStatus.COMPLETED
            ? "COMPLETED with messageId " + action.related.messageSid()
            : "FAILED (" + action.failureReason + ")";
    throw ApiException.conflict("Action " + id + " already ended: " + outcome, id);
  }
}
