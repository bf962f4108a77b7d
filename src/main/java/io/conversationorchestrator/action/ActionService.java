package io.conversationorchestrator.action;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.conversation.ConversationEntity;
import io.conversationorchestrator.conversation.OpenConversations;
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
 * Actions: created with their command in one transaction (the conversation locked first, as by
 * every writer of its events), read and listed. {@link ActionResults} ends them.
 */
@ApplicationScoped
public class ActionService {
  private final OpenConversations openConversations;
  private final ParticipantRepository participants;
  private final ActionRepository actions;
  private final Outbox outbox;
  private final ActionsConfig config;

  public ActionService(
      OpenConversations openConversations,
      ParticipantRepository participants,
      ActionRepository actions,
      Outbox outbox,
      ActionsConfig config) {
    this.openConversations = openConversations;
    this.participants = participants;
    this.actions = actions;
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
}
