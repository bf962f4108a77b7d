package io.conversationorchestrator.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ApiReply;
import io.conversationorchestrator.api.RequestValidation;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.configuration.ConfigurationRepository;
import io.conversationorchestrator.platform.Time;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Subscription use cases, each in one transaction. They emit no event and leave no operation: a
 * subscription is where events go, not something that happens to a conversation.
 */
@ApplicationScoped
public class SubscriptionService {
  // serializes creates of one account so the limit holds; NO KEY UPDATE leaves the key-share locks
  // of inserts that reference the account (conversations, deliveries ...) free to proceed
  private static final String LOCK_ACCOUNT =
      "select 1 from account where sid = ?1 for no key update";

  private final SubscriptionRepository repository;
  private final ConfigurationRepository configurations;
  private final RequestValidation validation;
  private final SubscriptionsConfig config;
  private final ObjectMapper json;

  public SubscriptionService(
      SubscriptionRepository repository,
      ConfigurationRepository configurations,
      RequestValidation validation,
      SubscriptionsConfig config,
      ObjectMapper json) {
    this.repository = repository;
    this.configurations = configurations;
    this.validation = validation;
    this.config = config;
    this.json = json;
  }

  @WithTransaction
  public Uni<ApiReply> create(String accountSid, SubscriptionBody body) {
    return Panache.getSession()
        .chain(s -> s.createNativeQuery(LOCK_ACCOUNT).setParameter(1, accountSid).getResultList())
        .chain(() -> repository.countOf(accountSid))
        .invoke(count -> requireRoom(count))
        .chain(() -> configuration(accountSid, body.configurationId()))
        .chain(
            configuration -> {
              SubscriptionEntity entity = new SubscriptionEntity();
              entity.id = ResourceType.newUuid();
              entity.accountSid = accountSid;
              entity.apply(body, configuration);
              entity.createdAt = Time.now();
              entity.updatedAt = entity.createdAt;
              return repository.persist(entity);
            })
        .map(saved -> ApiReply.of(201, SubscriptionResponse.of(saved)));
  }

  @WithSession
  public Uni<SubscriptionResponse> fetch(String accountSid, String id) {
    UUID uuid = ResourceType.SUBSCRIPTION.parseOrNotFound(id);
    return repository
        .findOwned(accountSid, uuid)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.SUBSCRIPTION, id))
        .map(SubscriptionResponse::of);
  }

  @WithSession
  public Uni<Page<SubscriptionResponse>> list(String accountSid, PageQuery query) {
    return repository
        .page(accountSid, query)
        .map(rows -> query.page(SubscriptionPage.KEY, rows, e -> e.id.toString()))
        .map(page -> page.map(SubscriptionResponse::of));
  }

  @WithTransaction
  public Uni<ApiReply> patch(String accountSid, String id, JsonNode patch) {
    return ownedForUpdate(accountSid, id)
        .chain(
            entity -> {
              SubscriptionBody merged =
                  SubscriptionPatch.merge(json, SubscriptionResponse.of(entity).toBody(), patch);
              validation.check(merged);
              return configuration(accountSid, merged.configurationId())
                  .map(
                      configuration -> {
                        entity.apply(merged, configuration);
                        entity.updatedAt = Time.now();
                        return ApiReply.of(200, SubscriptionResponse.of(entity));
                      });
            });
  }

  /** Answers the deleted subscription. */
  @WithTransaction
  public Uni<ApiReply> delete(String accountSid, String id) {
    return ownedForUpdate(accountSid, id)
        .call(repository::delete)
        .map(deleted -> ApiReply.of(200, SubscriptionResponse.of(deleted)));
  }

  private void requireRoom(long count) {
    if (count >= config.maxPerAccount()) {
      throw ApiException.conflict(
          "The account has " + count + " subscriptions, the most it may have", null);
    }
  }

  /**
   * The named configuration of the account (share-locked: it cannot be deleted before this
   * commits), or null for an account-wide subscription; 404 as for a conversation naming an unknown
   * one.
   */
  private Uni<UUID> configuration(String accountSid, String configurationId) {
    if (configurationId == null) {
      return Uni.createFrom().nullItem();
    }
    UUID uuid = ResourceType.CONFIGURATION.parseOrNotFound(configurationId);
    return configurations
        .findOwnedForShare(accountSid, uuid)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.CONFIGURATION, configurationId))
        .map(found -> found.id);
  }

  private Uni<SubscriptionEntity> ownedForUpdate(String accountSid, String id) {
    UUID uuid = ResourceType.SUBSCRIPTION.parseOrNotFound(id);
    return repository
        .findOwnedForUpdate(accountSid, uuid)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.SUBSCRIPTION, id));
  }
}
