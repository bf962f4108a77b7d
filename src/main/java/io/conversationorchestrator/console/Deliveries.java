package io.conversationorchestrator.console;

import io.conversationorchestrator.callback.Attempt;
import io.conversationorchestrator.callback.CallbackDeliveryResponse;
import io.conversationorchestrator.console.ConversationView.Delivery;
import io.conversationorchestrator.console.ConversationView.Try;

/** Callback deliveries as the console shows them. */
final class Deliveries {
  private Deliveries() {}

  static Delivery view(CallbackDeliveryResponse d) {
    return new Delivery(
        d.id(),
        d.conversationId(),
        d.eventType(),
        d.url(),
        Views.host(d.url()),
        d.method(),
        d.status().name(),
        Views.token(d.status()),
        Views.time(d.nextAttemptAt()),
        d.attempts().stream().map(Deliveries::attempt).toList());
  }

  private static Try attempt(Attempt a) {
    return new Try(
        Views.time(a.at()),
        a.httpStatus() == null ? "no answer" : a.httpStatus().toString(),
        Views.duration(a.latencyMs()),
        a.error() == null ? "" : a.error());
  }
}
