package io.conversationorchestrator.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.configuration.CallbackMethod;
import io.conversationorchestrator.configuration.StatusCallback;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * What the callback intake asks of subscriptions: for a batch of events, the subscriptions of their
 * accounts (one query, in the caller's SQL client transaction), then for each event the URLs that
 * want it.
 */
@ApplicationScoped
public class Subscriptions {
  private static final String OF_ACCOUNTS =
      "select account_sid, url, method, cast(events as text) as events, configuration_id"
          + " from subscription where account_sid = any($1::text[])";

  private final ObjectMapper json;

  public Subscriptions(ObjectMapper json) {
    this.json = json;
  }

  /** The subscriptions of these accounts, read once. */
  public Uni<Matcher> ofAccounts(SqlConnection c, Set<String> accountSids) {
    if (accountSids.isEmpty()) {
      return Uni.createFrom().item(new Matcher(Map.of()));
    }
    return c.preparedQuery(OF_ACCOUNTS)
        .execute(Tuple.of(accountSids.toArray(String[]::new)))
        .map(
            rows ->
                new Matcher(
                    StreamSupport.stream(rows.spliterator(), false)
                        .map(this::of)
                        .collect(Collectors.groupingBy(s -> s.accountSid))));
  }

  /** A row of {@link #OF_ACCOUNTS}, with what matching reads. */
  private SubscriptionEntity of(Row row) {
    SubscriptionEntity s = new SubscriptionEntity();
    s.accountSid = row.getString("account_sid");
    s.url = row.getString("url");
    s.method = CallbackMethod.valueOf(row.getString("method"));
    s.configurationId = row.getUUID("configuration_id");
    String events = row.getString("events");
    try {
      s.events =
          events == null ? null : json.readValue(events, SubscriptionEntity.EventFilter.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable subscription filter: " + e.getMessage(), e);
    }
    return s;
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
