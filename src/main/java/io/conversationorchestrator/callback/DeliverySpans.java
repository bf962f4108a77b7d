package io.conversationorchestrator.callback;

import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.platform.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One span per webhook attempt, continuing the trace its event was written in (through the intake
 * span stored with the delivery); its {@code traceparent} is the header the attempt sends. The URL
 * is left out of the span (its query may hold the receiver's secrets): the host stands for it.
 */
@ApplicationScoped
class DeliverySpans {
  private final Traces traces;

  DeliverySpans(Traces traces) {
    this.traces = traces;
  }

  Span start(Claimed delivery) {
    Span span =
        traces.start(
            "callback " + delivery.method(),
            SpanKind.CLIENT,
            delivery.traceparent(),
            ResourceType.CONVERSATION.format(delivery.conversationId()));
    span.setAttribute(Traces.EVENT_TYPE, delivery.eventType());
    span.setAttribute("http.request.method", delivery.method());
    span.setAttribute("server.address", delivery.host());
    span.setAttribute("http.request.resend_count", delivery.attemptsMade());
    return span;
  }

  void end(Span span, Result result) {
    Attempt attempt = result.attempt();
    if (attempt.httpStatus() != null) {
      span.setAttribute("http.response.status_code", attempt.httpStatus());
    }
    if (result.kind() != Result.Kind.DELIVERED) {
      span.setStatus(StatusCode.ERROR, attempt.error());
    }
    span.end();
  }
}
