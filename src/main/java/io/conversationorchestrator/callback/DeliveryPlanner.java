package io.conversationorchestrator.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.configuration.StatusCallback;
import io.conversationorchestrator.conversation.ConversationEntity;
import io.conversationorchestrator.conversation.ConversationRepository;
import io.conversationorchestrator.json.StrictJson;
import io.conversationorchestrator.subscription.Subscriptions;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns events into deliveries, one per callback URL and method. Conversation events carry the
 * conversation and so its callbacks as they were at the event; participant, communication and
 * action events take the conversation's current callbacks ({@code []} means none). Next to them go
 * the account's subscriptions for the conversation (account-wide, or of its configuration). A
 * callback or subscription with an {@code events} filter gets only the types it lists: no row is
 * written for the others. Action commands go, by POST, to the sender URL of their channel instead,
 * when one is configured. Each batch costs at most two reads: its conversations and its accounts'
 * subscriptions.
 */
@ApplicationScoped
public class DeliveryPlanner {
  private final ConversationRepository conversations;
  private final Subscriptions subscriptions;
  private final DeliveryQueue queue;
  private final ObjectMapper json;
  private final CommandTargets commandTargets;

  public DeliveryPlanner(
      ConversationRepository conversations,
      Subscriptions subscriptions,
      DeliveryQueue queue,
      ObjectMapper json,
      CommandTargets commandTargets) {
    this.conversations = conversations;
    this.subscriptions = subscriptions;
    this.queue = queue;
    this.json = json;
    this.commandTargets = commandTargets;
  }

  @WithTransaction
  public Uni<Void> plan(List<InboundEvent> events) {
    List<UUID> lookups =
        events.stream()
            .filter(e -> !e.isAboutConversation() && !e.isActionCommand())
            .map(InboundEvent::conversationId)
            .distinct()
            .toList();
    Set<String> accounts =
        events.stream()
            .filter(e -> !e.isActionCommand())
            .map(InboundEvent::accountSid)
            .collect(Collectors.toSet());
    Uni<Map<UUID, ConversationEntity>> current =
        lookups.isEmpty()
            ? Uni.createFrom().item(Map.of())
            : conversations.list("id in ?1", lookups).map(DeliveryPlanner::byId);
    return current
        .chain(
            byId ->
                subscriptions
                    .ofAccounts(accounts)
                    .map(subscribed -> deliveries(events, byId, subscribed)))
        .chain(queue::addAll);
  }

  private List<NewDelivery> deliveries(
      List<InboundEvent> events,
      Map<UUID, ConversationEntity> byId,
      Subscriptions.Matcher subscribed) {
    List<NewDelivery> deliveries = new ArrayList<>();
    Set<String> planned = new HashSet<>(); // a URL and method gets an event once
    for (InboundEvent e : events) {
      for (StatusCallback cb : targets(e, byId, subscribed)) {
        if (!planned.add(e.eventId() + " " + cb.method() + " " + cb.url())) {
          continue;
        }
        deliveries.add(
            new NewDelivery(
                e.accountSid(),
                e.conversationId(),
                e.eventId(),
                e.eventType(),
                cb.url(),
                cb.method().name(),
                host(cb.url()),
                e.payload(),
                e.traceparent()));
      }
    }
    return deliveries;
  }

  /** Where one event goes: its callbacks that want it, then the subscriptions that want it. */
  private List<StatusCallback> targets(
      InboundEvent e, Map<UUID, ConversationEntity> byId, Subscriptions.Matcher subscribed) {
    if (e.isActionCommand()) {
      return commandTargets.of(e);
    }
    ConversationEntity conversation = byId.get(e.conversationId());
    List<StatusCallback> callbacks;
    UUID configurationId;
    if (e.isAboutConversation()) {
      callbacks = fromEvent(e.event());
      configurationId = configurationOf(e.event());
    } else {
      callbacks = conversation == null ? List.of() : conversation.configuration.statusCallbacks();
      configurationId = conversation == null ? null : conversation.configurationId;
    }
    List<StatusCallback> targets = new ArrayList<>();
    for (StatusCallback cb : callbacks) {
      if (cb.wants(e.eventType())) {
        targets.add(cb);
      }
    }
    targets.addAll(subscribed.matching(e.accountSid(), configurationId, e.eventType()));
    return targets;
  }

  /** Our own event, read leniently: a field added to the response must not break intake. */
  private List<StatusCallback> fromEvent(JsonNode event) {
    JsonNode callbacks = event.path("data").path("configuration").path("statusCallbacks");
    List<StatusCallback> list = new ArrayList<>();
    ObjectReader reader = StrictJson.lenient(json, StatusCallback.class);
    for (JsonNode node : callbacks) {
      try {
        list.add(reader.readValue(node));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return list;
  }

  /** The configuration a conversation event's conversation was created from; null when inline. */
  private static UUID configurationOf(JsonNode event) {
    JsonNode id = event.path("data").path("configurationId");
    return id.isTextual() ? ResourceType.CONFIGURATION.parse(id.asText()).orElse(null) : null;
  }

  private static Map<UUID, ConversationEntity> byId(List<ConversationEntity> found) {
    return found.stream().collect(Collectors.toMap(c -> c.id, c -> c, (a, b) -> a, HashMap::new));
  }

  static String host(String url) {
    String host = URI.create(url).getHost();
    return host == null ? "" : host.toLowerCase(Locale.ROOT);
  }
}
