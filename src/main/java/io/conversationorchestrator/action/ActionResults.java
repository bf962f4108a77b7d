package io.conversationorchestrator.action;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.conversation.Conversation;
import io.conversationorchestrator.conversation.ConversationRepository;
import io.conversationorchestrator.conversation.communication.CommunicationService;
import io.conversationorchestrator.conversation.communication.NewParticipants;
import io.conversationorchestrator.conversation.lifecycle.ConversationStatus;
import io.conversationorchestrator.platform.Time;
import io.conversationorchestrator.platform.Transactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Adapters' results, from REST and Kafka alike. The conversation is locked first, as by every
 * writer of its events (the sweeper too), so a result and the timeout never both end an action.
 */
@ApplicationScoped
public class ActionResults {
  private final Transactions transactions;
  private final ConversationRepository conversations;
  private final ActionRepository actions;
  private final CommunicationService communications;
  private final ActionEvents events;

  public ActionResults(
      Transactions transactions,
      ConversationRepository conversations,
      ActionRepository actions,
      CommunicationService communications,
      ActionEvents events) {
    this.transactions = transactions;
    this.conversations = conversations;
    this.actions = actions;
    this.communications = communications;
    this.events = events;
  }

  /**
   * Applies an adapter's result. The same outcome again answers the action unchanged; another
   * outcome after the action ended is a 409. COMPLETED records the message as a communication of
   * the conversation (activity, with its COMMUNICATION_CREATED event) in the same transaction.
   */
  public Uni<ActionResponse> report(
      String accountSid, String conversationId, String actionId, ActionResult result) {
    UUID conversation = ResourceType.CONVERSATION.parseOrNotFound(conversationId);
    UUID id = ResourceType.ACTION.parseOrNotFound(actionId);
    return transactions.inTransaction(
        db ->
            conversations
                .findOwnedForUpdate(db, accountSid, conversation)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound(ResourceType.CONVERSATION, conversationId))
                .chain(
                    c ->
                        actions
                            .findInConversation(db, c.id, id)
                            .onItem()
                            .ifNull()
                            .failWith(() -> ApiException.notFound(ResourceType.ACTION, actionId))
                            .chain(action -> apply(db, c, action, result))));
  }

  private Uni<ActionResponse> apply(
      SqlConnection db, Conversation c, Action action, ActionResult r) {
    if (action.status != ActionStatus.PENDING) {
      return Uni.createFrom().item(() -> unchangedOrConflict(action, r));
    }
    if (r.status() == ActionStatus.FAILED) {
      return end(db, action, ActionStatus.FAILED, r.failureReason(), action.related);
    }
    if (c.status() == ConversationStatus.CLOSED) {
      // the message went out, but a closed conversation takes no communication
      return end(db, action, ActionStatus.COMPLETED, null, new ActionRelated(r.messageId(), null));
    }
    return communications
        .postTo(
            db,
            c,
            null,
            SentMessage.communication(action.request, r.messageId()),
            NewParticipants.UNKNOWN)
        .chain(
            posted ->
                end(
                    db,
                    action,
                    ActionStatus.COMPLETED,
                    null,
                    new ActionRelated(r.messageId(), posted.communication().id())));
  }

  private Uni<ActionResponse> end(
      SqlConnection db,
      Action action,
      ActionStatus status,
      String failureReason,
      ActionRelated related) {
    Instant now = Time.now();
    action.status = status;
    action.failureReason = failureReason;
    action.related = related;
    action.updatedAt = now;
    action.completedAt = now;
    ActionResponse response = ActionResponse.of(action);
    return actions
        .end(db, List.of(action))
        .chain(() -> events.ended(db, response, ActionEvents.RESULT))
        .replaceWith(response);
  }

  private static ActionResponse unchangedOrConflict(Action action, ActionResult r) {
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
