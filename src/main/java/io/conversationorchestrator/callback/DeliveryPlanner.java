package io.conversationorchestrator.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.conversationorchestrator.configuration.StatusCallback;
import io.conversationorchestrator.conversation.ConversationEntity;
import io.conversationorchestrator.conversation.ConversationRepository;
import io.conversationorchestrator.json.StrictJson;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns events into deliveries, one per callback URL. Conversation events carry the conversation
 * and so its callbacks as they were at the event; participant and communication events take the
 * conversation's current callbacks ({@code []} means none). Action commands go, by POST, to the
 * sender URL of their channel instead, when one is configured.
 */
@ApplicationScoped
public class DeliveryPlanner {
  private final ConversationRepository conversations;
  private final DeliveryQueue queue;
  private final ObjectMapper json;
  private final CommandTargets commandTargets;

  public DeliveryPlanner(
      ConversationRepository conversations,
      DeliveryQueue queue,
      ObjectMapper json,
      CommandTargets commandTargets) {
    this.conversations = conversations;
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
    Uni<Map<UUID, List<StatusCallback>>> current =
        lookups.isEmpty()
            ? Uni.createFrom().item(Map.of())
            : conversations.list("id in ?1", lookups).map(DeliveryPlanner::callbacksById);
    return current.map(byId -> deliveries(events, byId)).chain(queue::addAll);
  }

  private List<NewDelivery> deliveries(
      List<InboundEvent> events, Map<UUID, List<StatusCallback>> byId) {
    List<NewDelivery> deliveries = new ArrayList<>();
    for (InboundEvent e : events) {
      List<StatusCallback> callbacks =
          e.isActionCommand()
              ? commandTargets.of(e)
              : e.isAboutConversation()
                  ? fromEvent(e.event())
                  : byId.getOrDefault(e.conversationId(), List.of());
      for (StatusCallback cb : callbacks) {
        deliveries.add(
            new NewDelivery(
                e.accountSid(),
                e.conversationId(),
                e.eventId(),
                e.eventType(),
                cb.url(),
                cb.method().name(),
                host(cb.url()),
                e.payload()));
      }
    }
    return deliveries;
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

  private static Map<UUID, List<StatusCallback>> callbacksById(List<ConversationEntity> found) {
    return found.stream()
        .collect(
            Collectors.toMap(
                c -> c.id, c -> c.configuration.statusCallbacks(), (a, b) -> a, HashMap::new));
  }

  static String host(String url) {
    String host = URI.create(url).getHost();
    return host == null ? "" : host.toLowerCase(Locale.ROOT);
  }
}
