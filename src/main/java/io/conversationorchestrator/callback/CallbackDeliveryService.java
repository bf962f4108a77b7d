package io.conversationorchestrator.callback;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.conversation.ConversationRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Reading deliveries and re-queueing one. They outlive their conversation, so only the account and
 * the conversation id scope them (a deleted conversation's deliveries stay visible).
 */
@ApplicationScoped
public class CallbackDeliveryService {
  private final CallbackDeliveryRepository deliveries;
  private final ConversationRepository conversations;

  public CallbackDeliveryService(
      CallbackDeliveryRepository deliveries, ConversationRepository conversations) {
    this.deliveries = deliveries;
    this.conversations = conversations;
  }

  private static final String REDELIVER =
      "update callback_delivery set status = 'PENDING', next_attempt_at = now(),"
          + " claimed_until = null, updated_at = now() where id = ?1";

  @WithSession
  public Uni<Page<CallbackDeliveryResponse>> list(
      String accountSid, String conversationId, PageQuery query) {
    UUID conversation = ResourceType.CONVERSATION.parseOrNotFound(conversationId);
    String where = "accountSid = :account and conversationId = :conversation";
    Parameters params = Parameters.with("account", accountSid).and("conversation", conversation);
    if (query.boundary() != null) {
      where += query.backward() ? " and id < :boundary" : " and id > :boundary";
      params.and("boundary", query.boundaryId());
    }
    String order = query.backward() ? " order by id desc" : " order by id asc";
    return deliveries
        .find(where + order, params)
        .range(0, query.fetchSize() - 1)
        .list()
        .call(
            rows ->
                rows.isEmpty()
                    ? requireKnown(accountSid, conversation, conversationId)
                    : Uni.createFrom().voidItem())
        .map(rows -> query.page(CallbackDeliveryPage.KEY, rows, d -> d.id.toString()))
        .map(page -> page.map(CallbackDeliveryResponse::of));
  }

  /**
   * The account's deliveries that are failing: DEAD ones and those waiting for a retry, the most
   * recently changed first; at most {@code limit}.
   */
  @WithSession
  public Uni<List<CallbackDeliveryResponse>> failing(String accountSid, int limit) {
    return deliveries
        .find(
            "accountSid = ?1 and status in ?2 order by updatedAt desc, id",
            accountSid,
            List.of(CallbackStatus.DEAD, CallbackStatus.FAILED_RETRYING))
        .range(0, limit - 1)
        .list()
        .map(rows -> rows.stream().map(CallbackDeliveryResponse::of).toList());
  }

  /** 404 unless the account has this conversation, or had it and kept its deliveries. */
  private Uni<Void> requireKnown(String accountSid, UUID conversation, String conversationId) {
    return conversations
        .findOwned(accountSid, conversation)
        .chain(
            found ->
                found != null
                    ? Uni.createFrom().item(1L)
                    : deliveries.count(
                        "accountSid = ?1 and conversationId = ?2", accountSid, conversation))
        .invoke(
            count -> {
              if (count == 0) {
                throw ApiException.notFound(ResourceType.CONVERSATION, conversationId);
              }
            })
        .replaceWithVoid();
  }

  /**
   * Queues a delivery (SUCCEEDED and DEAD ones too) for one more attempt, now, under the same
   * delivery id. Its earlier attempts still count: if this one fails it is DEAD again; a manual
   * redelivery is one retry, not a new schedule.
   */
  @WithTransaction
  public Uni<CallbackDeliveryResponse> redeliver(
      String accountSid, String conversationId, String id) {
    UUID conversation = ResourceType.CONVERSATION.parseOrNotFound(conversationId);
    UUID delivery = ResourceType.CALLBACK_DELIVERY.parseOrNotFound(id);
    return deliveries
        .find(
            "id = ?1 and accountSid = ?2 and conversationId = ?3",
            delivery,
            accountSid,
            conversation)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.CALLBACK_DELIVERY, id))
        .call(
            found ->
                Panache.getSession()
                    .chain(
                        s ->
                            s.createNativeQuery(REDELIVER)
                                .setParameter(1, delivery)
                                .executeUpdate()))
        .call(found -> Panache.getSession().chain(s -> s.refresh(found)))
        .map(CallbackDeliveryResponse::of);
  }
}
