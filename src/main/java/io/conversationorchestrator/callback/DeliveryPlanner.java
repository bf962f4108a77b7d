package io.conversationorchestrator.callback;

import io.conversationorchestrator.configuration.StatusCallback;
import io.conversationorchestrator.platform.Transactions;
import io.conversationorchestrator.subscription.Subscriptions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns events into deliveries, one per callback URL and method. Conversation events carry their
 * conversation's callbacks as they were at the event, typed, beside the payload ({@code
 * ce_callbacks}, see {@link ConversationCallbackTargets}): the payload is never searched for URLs.
 * Participant, communication and action events (and events that carry none) take the conversation's
 * current callbacks from its row ({@code []} means none). Next to them go the account's
 * subscriptions for the conversation (account-wide, or of its configuration). A callback or
 * subscription with an {@code events} filter gets only the types it lists: no row is written for
 * the others. Action commands go, by POST, to the sender URL of their channel instead, when one is
 * configured. Each batch is one transaction of at most three statements: its conversations, its
 * accounts' subscriptions, and one insert of its deliveries.
 */
@ApplicationScoped
public class DeliveryPlanner {
  private final CallbackDeliveryRepository conversations;
  private final Subscriptions subscriptions;
  private final DeliveryQueue queue;
  private final Transactions transactions;
  private final CommandTargets commandTargets;

  public DeliveryPlanner(
      CallbackDeliveryRepository conversations,
      Subscriptions subscriptions,
      DeliveryQueue queue,
      Transactions transactions,
      CommandTargets commandTargets) {
    this.conversations = conversations;
    this.subscriptions = subscriptions;
    this.queue = queue;
    this.transactions = transactions;
    this.commandTargets = commandTargets;
  }

  /** Stores the deliveries of a batch of events in one transaction. */
  public Uni<Void> plan(List<InboundEvent> events) {
    return transactions.inTransaction(c -> plan(c, events));
  }

  private Uni<Void> plan(SqlConnection c, List<InboundEvent> events) {
    List<UUID> lookups =
        events.stream()
            .filter(e -> e.callbacks() == null && !e.isActionCommand())
            .map(InboundEvent::conversationId)
            .distinct()
            .toList();
    Set<String> accounts =
        events.stream()
            .filter(e -> !e.isActionCommand())
            .map(InboundEvent::accountSid)
            .collect(Collectors.toSet());
    return conversations
        .callbackSources(c, lookups)
        .chain(
            current ->
                subscriptions
                    .ofAccounts(c, accounts)
                    .map(subscribed -> deliveries(events, current, subscribed)))
        .chain(deliveries -> queue.addAll(c, deliveries));
  }

  private List<NewDelivery> deliveries(
      List<InboundEvent> events,
      Map<UUID, CallbackSource> current,
      Subscriptions.Matcher subscribed) {
    List<NewDelivery> deliveries = new ArrayList<>();
    Set<String> planned = new HashSet<>(); // a URL and method gets an event once
    for (InboundEvent e : events) {
      for (StatusCallback cb : targets(e, current, subscribed)) {
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
      InboundEvent e, Map<UUID, CallbackSource> current, Subscriptions.Matcher subscribed) {
    if (e.isActionCommand()) {
      return commandTargets.of(e);
    }
    CallbackSource source =
        e.callbacks() != null
            ? e.callbacks()
            : current.getOrDefault(e.conversationId(), CallbackSource.NONE);
    List<StatusCallback> targets = new ArrayList<>();
    for (StatusCallback cb : source.statusCallbacks()) {
      if (cb.wants(e.eventType())) {
        targets.add(cb);
      }
    }
    targets.addAll(subscribed.matching(e.accountSid(), source.configurationId(), e.eventType()));
    return targets;
  }

  static String host(String url) {
    String host = URI.create(url).getHost();
    return host == null ? "" : host.toLowerCase(Locale.ROOT);
  }
}
