package io.conversationorchestrator.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ApiReply;
import io.conversationorchestrator.api.RequestValidation;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.events.Outbox;
import io.conversationorchestrator.operation.Operations;
import io.conversationorchestrator.platform.Time;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * Configuration use cases. Each mutation writes the change, its domain event and its COMPLETED
 * operation in one transaction.
 */
@ApplicationScoped
public class ConfigurationService {
  private static final String OPEN_CONVERSATION =
      "select cast(id as text) from conversation where configuration_id = ?1 and status <> 'CLOSED' limit 1";
  private static final String SUBSCRIPTION =
      "select cast(id as text) from subscription where configuration_id = ?1 limit 1";
  private static final String LOCK_FOR_DELETE =
      "select 1 from configuration where id = ?1 and account_sid = ?2 for update";

  private final ConfigurationRepository repository;
  private final Outbox outbox;
  private final Operations operations;
  private final RequestValidation validation;
  private final ObjectMapper json;

  public ConfigurationService(
      ConfigurationRepository repository,
      Outbox outbox,
      Operations operations,
      RequestValidation validation,
      ObjectMapper json) {
    this.repository = repository;
    this.outbox = outbox;
    this.operations = operations;
    this.validation = validation;
    this.json = json;
  }

  @WithTransaction
  public Uni<ApiReply> create(String accountSid, ConfigurationBody body, URI baseUri) {
    ConfigurationEntity entity = new ConfigurationEntity();
    entity.id = ResourceType.newUuid();
    entity.accountSid = accountSid;
    entity.apply(body);
    entity.version = 1;
    entity.createdAt = Time.now();
    entity.updatedAt = entity.createdAt;
    return ensureBridgeFree(entity)
        .chain(() -> repository.persist(entity))
        .chain(saved -> committed(EventType.CONFIGURATION_CREATED, saved, baseUri));
  }

  @WithSession
  public Uni<ConfigurationResponse> fetch(String accountSid, String id) {
    return owned(accountSid, id).map(ConfigurationResponse::of);
  }

  @WithSession
  public Uni<Page<ConfigurationResponse>> list(String accountSid, PageQuery query) {
    return repository
        .page(accountSid, query)
        .map(rows -> query.page(ConfigurationPage.KEY, rows, e -> e.id.toString()))
        .map(page -> page.map(ConfigurationResponse::of));
  }

  @WithTransaction
  public Uni<ApiReply> replace(String accountSid, String id, ConfigurationBody body, URI baseUri) {
    return ownedForUpdate(accountSid, id).chain(entity -> update(entity, body, baseUri));
  }

  @WithTransaction
  public Uni<ApiReply> patch(String accountSid, String id, JsonNode patch, URI baseUri) {
    return ownedForUpdate(accountSid, id)
        .chain(entity -> update(entity, merged(entity, patch), baseUri));
  }

  @WithTransaction
  public Uni<ApiReply> delete(String accountSid, String id, URI baseUri) {
    UUID uuid = ResourceType.CONFIGURATION.parseOrNotFound(id);
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(LOCK_FOR_DELETE)
                    .setParameter(1, uuid)
                    .setParameter(2, accountSid)
                    .getResultList())
        .chain(() -> owned(accountSid, id))
        .call(this::ensureUnused)
        .call(this::ensureNotSubscribed)
        .call(repository::delete)
        .chain(entity -> committed(EventType.CONFIGURATION_DELETED, entity, baseUri));
  }

  private ConfigurationBody merged(ConfigurationEntity entity, JsonNode patch) {
    return validation.check(
        ConfigurationPatch.merge(json, entity.toBody(), patch), ConfigurationBody.OnReplace.class);
  }

  private Uni<ApiReply> update(ConfigurationEntity entity, ConfigurationBody body, URI baseUri) {
    entity.apply(body);
    entity.version++;
    entity.updatedAt = Time.now();
    return ensureBridgeFree(entity)
        .chain(() -> committed(EventType.CONFIGURATION_UPDATED, entity, baseUri));
  }

  private Uni<ApiReply> committed(EventType type, ConfigurationEntity entity, URI baseUri) {
    String id = ResourceType.CONFIGURATION.format(entity.id);
    return outbox
        .append(type, id, id, entity.accountSid, ConfigurationResponse.of(entity))
        .chain(
            () -> operations.completed(entity.accountSid, baseUri, Map.of("configurationId", id)));
  }

  /** One configuration per Conversations v1 Service (the unique index is the backstop). */
  private Uni<Void> ensureBridgeFree(ConfigurationEntity entity) {
    if (entity.v1BridgeServiceId == null) {
      return Uni.createFrom().voidItem();
    }
    return repository
        .findByV1Bridge(entity.accountSid, entity.v1BridgeServiceId)
        .invoke(
            other -> {
              if (other != null && !other.id.equals(entity.id)) {
                String otherId = ResourceType.CONFIGURATION.format(other.id);
                throw ApiException.conflict(
                    "Conversations v1 Service "
                        + entity.v1BridgeServiceId
                        + " is already bridged by configuration "
                        + otherId,
                    otherId);
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> ensureUnused(ConfigurationEntity entity) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(OPEN_CONVERSATION, String.class)
                    .setParameter(1, entity.id)
                    .getResultList())
        .invoke(
            open -> {
              if (!open.isEmpty()) {
                String conversationId =
                    ResourceType.CONVERSATION.format(UUID.fromString(open.get(0)));
                throw ApiException.conflict(
                    "Configuration is still used by conversation "
                        + conversationId
                        + " (and possibly others) that is not CLOSED",
                    conversationId);
              }
            })
        .replaceWithVoid();
  }

  /** A subscription naming the configuration is the client's to delete first: 409 names it. */
  private Uni<Void> ensureNotSubscribed(ConfigurationEntity entity) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(SUBSCRIPTION, String.class)
                    .setParameter(1, entity.id)
                    .getResultList())
        .invoke(
            found -> {
              if (!found.isEmpty()) {
                String subscriptionId =
                    ResourceType.SUBSCRIPTION.format(UUID.fromString(found.get(0)));
                throw ApiException.conflict(
                    "Configuration is still named by subscription "
                        + subscriptionId
                        + " (and possibly others)",
                    subscriptionId);
              }
            })
        .replaceWithVoid();
  }

  private Uni<ConfigurationEntity> owned(String accountSid, String id) {
    UUID uuid = ResourceType.CONFIGURATION.parseOrNotFound(id);
    return repository
        .findOwned(accountSid, uuid)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.CONFIGURATION, id));
  }

  private Uni<ConfigurationEntity> ownedForUpdate(String accountSid, String id) {
    UUID uuid = ResourceType.CONFIGURATION.parseOrNotFound(id);
    return repository
        .findOwnedForUpdate(accountSid, uuid)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.CONFIGURATION, id));
  }
}
