package io.conversationorchestrator.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ApiReply;
import io.conversationorchestrator.api.RequestValidation;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.configuration.StatusCallback;
import io.conversationorchestrator.conversation.lifecycle.ConversationStatus;
import io.conversationorchestrator.conversation.lifecycle.LifecycleRules;
import io.conversationorchestrator.conversation.lifecycle.Outcome;
import io.conversationorchestrator.conversation.lifecycle.Timeline;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.operation.Operations;
import io.conversationorchestrator.platform.Time;
import io.conversationorchestrator.platform.Transactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** PUT, PATCH and DELETE of conversations: each locks the row, changes it, appends its event. */
@ApplicationScoped
public class ConversationUpdates {
  private final Transactions transactions;
  private final ConversationRepository conversations;
  private final ConversationEvents events;
  private final LifecycleRules rules;
  private final Operations operations;
  private final RequestValidation validation;
  private final ObjectMapper json;

  public ConversationUpdates(
      Transactions transactions,
      ConversationRepository conversations,
      ConversationEvents events,
      LifecycleRules rules,
      Operations operations,
      RequestValidation validation,
      ObjectMapper json) {
    this.transactions = transactions;
    this.conversations = conversations;
    this.events = events;
    this.rules = rules;
    this.operations = operations;
    this.validation = validation;
    this.json = json;
  }

  record Callbacks(@Valid List<@NotNull StatusCallback> statusCallbacks) {}

  public Uni<ConversationResponse> replace(
      String accountSid, String id, ReplaceConversationBody body) {
    return transactions.inTransaction(
        c ->
            locked(c, accountSid, id)
                .chain(
                    conversation -> {
                      boolean changed = false;
                      if (body.name() != null && !body.name().equals(conversation.name)) {
                        conversation.name = body.name();
                        changed = true;
                      }
                      if (body.metadata() != null
                          && !body.metadata().equals(conversation.metadata)) {
                        conversation.metadata = Metadata.check(new HashMap<>(body.metadata()));
                        changed = true;
                      }
                      return update(c, conversation, body.status(), changed);
                    }));
  }

  public Uni<ConversationResponse> patch(String accountSid, String id, JsonNode body) {
    ConversationPatch patch = ConversationPatch.parse(json, body);
    if (patch.hasName() && patch.name() != null && patch.name().length() > 256) {
      throw ApiException.invalid("Invalid value for 'name': size must be between 0 and 256");
    }
    validation.check(new Callbacks(patch.statusCallbacks()));
    if (patch.status() != null && patch.changesSnooze()) {
      throw ApiException.invalid(
          "Give either 'status' or 'snoozedUntil'/'wakeOnActivity', not both in one request");
    }
    return transactions.inTransaction(
        c ->
            locked(c, accountSid, id)
                .chain(
                    conversation -> {
                      boolean changed = apply(conversation, patch);
                      return patch.changesSnooze()
                          ? snooze(c, conversation, patch, changed)
                          : update(c, conversation, patch.status(), changed);
                    }));
  }

  /** The snooze extension: snooze, move the snooze, wake, or only set {@code wakeOnActivity}. */
  private Uni<ConversationResponse> snooze(
      SqlConnection db, Conversation c, ConversationPatch patch, boolean fieldsChanged) {
    Instant now = Time.now();
    Timeline timeline = c.timeline();
    boolean wake =
        patch.wakeOnActivity() != null
            ? patch.wakeOnActivity()
            : !patch.hasSnoozedUntil() || timeline.snoozed() ? timeline.wakeOnActivity() : true;
    Instant until = patch.hasSnoozedUntil() ? patch.snoozedUntil() : timeline.snoozedUntil();
    Outcome outcome =
        patch.hasSnoozedUntil()
            ? rules.onSnooze(timeline, until, wake, now)
            : new Outcome(timeline.withSnooze(until, wake), null);
    boolean changed = fieldsChanged || !outcome.timeline().equals(timeline);
    return changed ? store(db, c, outcome, now) : events.respond(db, c);
  }

  public Uni<ApiReply> delete(String accountSid, String id, URI baseUri) {
    return transactions.inTransaction(
        db ->
            locked(db, accountSid, id)
                .call(c -> events.append(db, EventType.CONVERSATION_DELETED, c, null))
                .call(c -> conversations.delete(db, c.id))
                .chain(
                    c ->
                        operations.completed(
                            db,
                            accountSid,
                            baseUri,
                            Map.of("conversationId", ConversationEvents.id(c)))));
  }

  /** Applies the non-status fields of a PATCH; true when something changed. */
  private boolean apply(Conversation c, ConversationPatch patch) {
    boolean changed = false;
    if (patch.hasName() && !Objects.equals(patch.name(), c.name)) {
      c.name = patch.name();
      changed = true;
    }
    if (patch.metadataChanges() != null) {
      Map<String, String> merged = patch.mergeMetadata(c.metadata);
      changed |= !merged.equals(c.metadata);
      c.metadata = merged;
    }
    if (patch.hasStatusCallbacks()) {
      c.configuration = c.configuration.withStatusCallbacks(patch.statusCallbacks());
      changed = true;
    }
    return changed;
  }

  private Uni<ConversationResponse> update(
      SqlConnection db, Conversation c, ConversationStatus target, boolean fieldsChanged) {
    Instant now = Time.now();
    Outcome outcome =
        target == null
            ? new Outcome(c.timeline(), null)
            : rules.onApiStatus(c.timeline(), target, now);
    if (!outcome.changedStatus() && !fieldsChanged) {
      return events.respond(db, c);
    }
    return store(db, c, outcome, now);
  }

  private Uni<ConversationResponse> store(
      SqlConnection db, Conversation c, Outcome outcome, Instant now) {
    c.apply(outcome.timeline(), rules.schedule(outcome.timeline()));
    c.updatedAt = now;
    return conversations
        .update(db, c)
        .chain(() -> events.append(db, EventType.CONVERSATION_UPDATED, c, outcome.transition()));
  }

  private Uni<Conversation> locked(SqlConnection db, String accountSid, String id) {
    return conversations
        .findOwnedForUpdate(db, accountSid, ResourceType.CONVERSATION.parseOrNotFound(id))
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.CONVERSATION, id));
  }
}
