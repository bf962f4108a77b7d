package io.conversationorchestrator.account;

import io.conversationorchestrator.api.ApiReply;
import io.conversationorchestrator.api.idempotency.Idempotency;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * A mutating request of the calling account, run once per {@code Idempotency-Key} and answered as
 * HTTP: what every mutating resource method does.
 */
@ApplicationScoped
public class IdempotentRequests {
  private final Idempotency idempotency;
  private final CallerAccount caller;

  public IdempotentRequests(Idempotency idempotency, CallerAccount caller) {
    this.idempotency = idempotency;
    this.caller = caller;
  }

  /**
   * Runs {@code work} for the caller's account once per key.
   *
   * @param request what identifies the request besides its body (stored with the key, so keep it
   *     stable), e.g. {@code "PATCH configurations/" + id}
   * @param work the change, given the caller's account sid
   */
  public Uni<Response> answer(
      String key, String request, Object body, Function<String, Uni<ApiReply>> work) {
    String account = caller.sid();
    return idempotency
        .execute(account, key, request, body, () -> work.apply(account))
        .map(ApiReply::toResponse);
  }

  /**
   * {@link #answer} for control-plane changes (configurations, subscriptions), which run in a
   * Hibernate Reactive session.
   */
  public Uni<Response> answerInSession(
      String key, String request, Object body, Function<String, Uni<ApiReply>> work) {
    String account = caller.sid();
    return idempotency
        .executeInSession(account, key, request, body, () -> work.apply(account))
        .map(ApiReply::toResponse);
  }
}
