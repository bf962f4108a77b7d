package io.conversationorchestrator.subscription;

import io.conversationorchestrator.configuration.StatusCallback;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the callback intake asks of subscriptions: for a batch of events, the subscriptions of their
 * accounts (one query, in the caller's session), then for each event the URLs that want it.
 */
@ApplicationScoped
public class Subscriptions {
  private final SubscriptionRepository repository;

  public Subscriptions(SubscriptionRepository repository) {
    this.repository = repository;
  }

  /** The subscriptions of these accounts, read once. */
  public Uni<Matcher> ofAccounts(Set<String> accountSids) {
    if (accountSids.isEmpty()) {
      return Uni.createFrom().item(new Matcher(Map.of()));
    }
    return repository
        .ofAccounts(accountSids)
        .map(rows -> new Matcher(rows.stream().collect(Collectors.groupingBy(s -> s.accountSid))));
  }

  /** The subscriptions of a batch's accounts. */
  public static final class Matcher {
    private final Map<String, List<SubscriptionEntity>> byAccount;

    Matcher(Map<String, List<SubscriptionEntity>> byAccount) {
      this.byAccount = byAccount;
    }

    /**
     * The destinations that want this event: subscriptions of the account that are account-wide or
     * name the conversation's configuration ({@code null} for an inline configuration, or when the
     * conversation is not known), and whose filter lists the type.
     */
    public List<StatusCallback> matching(String accountSid, UUID configurationId, String type) {
      return byAccount.getOrDefault(accountSid, List.of()).stream()
          .filter(
              s -> s.configurationId == null || Objects.equals(s.configurationId, configurationId))
          .map(s -> new StatusCallback(s.url, s.method, s.eventTypes()))
          .filter(cb -> cb.wants(type))
          .toList();
    }
  }
}
