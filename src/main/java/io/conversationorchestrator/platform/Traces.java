package io.conversationorchestrator.platform;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * W3C trace context across the places OpenTelemetry's instrumentation does not reach: outbox rows,
 * the relay's own Kafka producer, stored callback deliveries. A trace context travels as its {@code
 * traceparent} text (CloudEvents' distributed-tracing extension uses the same value), so it
 * survives a database row or a Kafka record and the next step continues the same trace.
 */
@ApplicationScoped
public class Traces {
  /** The conversation a span is about. */
  public static final AttributeKey<String> CONVERSATION_ID =
      AttributeKey.stringKey("conversation.id");

  /** The domain event type a span handles (OpenTelemetry's CloudEvents convention). */
  public static final AttributeKey<String> EVENT_TYPE =
      AttributeKey.stringKey("cloudevents.event_type");

  private static final TextMapGetter<String> TRACEPARENT =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
          return "traceparent".equals(key) ? carrier : null;
        }
      };

  private final Tracer tracer;

  public Traces(Tracer tracer) {
    this.tracer = tracer;
  }

  /** The current span's {@code traceparent}; null when there is no valid current span. */
  public static String current() {
    return traceparent(Span.current());
  }

  /** A span's {@code traceparent} ({@code 00-trace id-span id-flags}); null when not valid. */
  public static String traceparent(Span span) {
    SpanContext c = span.getSpanContext();
    return c.isValid()
        ? "00-" + c.getTraceId() + "-" + c.getSpanId() + "-" + c.getTraceFlags().asHex()
        : null;
  }

  /**
   * Starts a span continuing a stored {@code traceparent}; a new trace when it is null or not
   * valid. The caller ends it.
   */
  public Span start(String name, SpanKind kind, String traceparent, String conversationId) {
    Context parent =
        traceparent == null
            ? Context.root()
            : W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), traceparent, TRACEPARENT);
    var builder = tracer.spanBuilder(name).setSpanKind(kind).setParent(parent);
    if (conversationId != null) {
      builder.setAttribute(CONVERSATION_ID, conversationId);
    }
    return builder.startSpan();
  }
}
