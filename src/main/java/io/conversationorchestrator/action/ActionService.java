package io.conversationorchestrator.action;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.conversation.Conversation;
import io.conversationorchestrator.conversation.OpenConversations;
import io.conversationorchestrator.conversation.participant.ParticipantRepository;
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
 * Actions: created with their command in one transaction (the conversation locked first, as by
 * every writer of its events), read and listed. {@link ActionResults} ends them.
 */
@ApplicationScoped
public class ActionService {
  private final Transactions transactions;
  private final OpenConversations openConversations;
  private final ParticipantRepository participants;
  private final ActionRepository actions;
  private final Outbox outbox;
  private final ActionsConfig config;

  public ActionService(
      Transactions transactions,
      OpenConversations openConversations,
      ParticipantRepository participants,
      ActionRepository actions,
      Outbox outbox,
      ActionsConfig config) {
    this.transactions = transactions;
    this.openConversations = openConversations;
    this.participants = participants;
    this.actions = actions;
    this.outbox = outbox;
    this.config = config;
  }

  /** A new PENDING action and its command; 404 for no such conversation, 409 when CLOSED. */
  public Uni<ActionResponse> create(String accountSid, String conversationId, ActionBody body) {
    return transactions.inTransaction(
        db ->
            openConversations
                .lockOpen(db, accountSid, conversationId, "new actions")
                .chain(
                    c ->
                        participants
                            .listFor(db, List.of(c.id))
                            .map(list -> new PartyResolver(list).resolve(body.payload()))
                            .chain(parties -> insert(db, c, body, parties))));
  }

  private Uni<ActionResponse> insert(
      SqlConnection db, Conversation c, ActionBody body, List<Party> parties) {
    Instant now = Time.now();
    Action action = new Action();
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
        .insert(db, action)
        .call(
            () ->
                outbox.append(
                    db,
                    EventType.ACTION_SEND_MESSAGE_REQUESTED,
                    command.conversationId(),
                    command.actionId(),
                    command.accountId(),
                    command))
        .replaceWith(() -> ActionResponse.of(action));
  }

  public Uni<ActionResponse> fetch(String accountSid, String conversationId, String id) {
    UUID uuid = ResourceType.ACTION.parseOrNotFound(id);
    return transactions
        .reading(
            db ->
                openConversations
                    .find(db, accountSid, conversationId)
                    .chain(c -> actions.findInConversation(db, c.id, uuid)))
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.ACTION, id))
        .map(ActionResponse::of);
  }

  public Uni<Page<ActionResponse>> list(String accountSid, String conversationId, PageQuery query) {
    return transactions
        .reading(
            db ->
                openConversations
                    .find(db, accountSid, conversationId)
                    .chain(c -> actions.page(db, c.id, query)))
        .map(rows -> query.page(ActionPage.KEY, rows, a -> a.id.toString()))
        .map(page -> page.map(ActionResponse::of));
  }
}
