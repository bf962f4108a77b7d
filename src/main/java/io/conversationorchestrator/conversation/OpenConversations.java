package io.conversationorchestrator.conversation;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.conversation.lifecycle.ConversationStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Access to a conversation for changes made under it (participants, communications): locked, so its
 * events keep commit order, and refused with 409 once it is CLOSED.
 */
@ApplicationScoped
public class OpenConversations {
  private final ConversationRepository conversations;

  public OpenConversations(ConversationRepository conversations) {
    this.conversations = conversations;
  }

  /** The conversation, row-locked; 404 if missing or another account's, 409 if CLOSED. */
  public Uni<Conversation> lockOpen(
      SqlConnection c, String accountSid, String conversationId, String what) {
    UUID id = ResourceType.CONVERSATION.parseOrNotFound(conversationId);
    return conversations
        .findOwnedForUpdate(c, accountSid, id)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.CONVERSATION, conversationId))
        .invoke(conversation -> refuseClosed(conversation, conversationId, what));
  }

  /** The conversation for reading what is under it; 404 if missing or another account's. */
  public Uni<Conversation> find(SqlConnection c, String accountSid, String conversationId) {
    UUID id = ResourceType.CONVERSATION.parseOrNotFound(conversationId);
    return conversations
        .findOwned(c, accountSid, id)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.CONVERSATION, conversationId));
  }

  private static void refuseClosed(Conversation c, String conversationId, String what) {
    if (c.status() == ConversationStatus.CLOSED) {
      throw ApiException.conflict(
          "Conversation " + conversationId + " is CLOSED and accepts no " + what, conversationId);
    }
  }
}
