package io.conversationorchestrator.callback;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.platform.Transactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
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
  private final Transactions transactions;

  public CallbackDeliveryService(CallbackDeliveryRepository deliveries, Transactions transactions) {
    this.deliveries = deliveries;
    this.transactions = transactions;
  }

  public Uni<Page<CallbackDeliveryResponse>> list(
      String accountSid, String conversationId, PageQuery query) {
    UUID conversation = ResourceType.CONVERSATION.parseOrNotFound(conversationId);
    return transactions
        .reading(
            c ->
                deliveries
                    .page(c, accountSid, conversation, query)
                    .call(
                        rows ->
                            rows.isEmpty()
                                ? requireKnown(c, accountSid, conversation, conversationId)
                                : Uni.createFrom().voidItem()))
        .map(
            rows ->
                query.page(
                    CallbackDeliveryPage.KEY,
                    rows,
                    d -> ResourceType.CALLBACK_DELIVERY.parseOrNotFound(d.id()).toString()));
  }

  /**
   * The account's deliveries that are failing: DEAD ones and those waiting for a retry, the most
   * recently changed first; at most {@code limit}.
   */
  public Uni<List<CallbackDeliveryResponse>> failing(String accountSid, int limit) {
    return transactions.reading(c -> deliveries.failing(c, accountSid, limit));
  }

  /** 404 unless the account has this conversation, or had it and kept its deliveries. */
  private Uni<Void> requireKnown(
      SqlConnection c, String accountSid, UUID conversation, String conversationId) {
    return deliveries
        .known(c, accountSid, conversation)
        .invoke(
            known -> {
              if (!known) {
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
  public Uni<CallbackDeliveryResponse> redeliver(
      String accountSid, String conversationId, String id) {
    UUID conversation = ResourceType.CONVERSATION.parseOrNotFound(conversationId);
    UUID delivery = ResourceType.CALLBACK_DELIVERY.parseOrNotFound(id);
    return transactions
        .inTransaction(c -> deliveries.redeliver(c, accountSid, conversation, delivery))
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.CALLBACK_DELIVERY, id));
  }
}
