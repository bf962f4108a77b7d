package io.conversationorchestrator.support;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The spans the service exports in tests, kept in OpenTelemetry's in-memory exporter: the traces a
 * test watches, and the first spans of the traces background jobs start (a test learns their trace
 * id only from what they wrote). The whole suite's request spans do not pile up. Being a span
 * exporter bean, it also sets Quarkus' OTLP exporter aside.
 */
@Singleton
public class RecordedSpans implements SpanExporter {
  private final InMemorySpanExporter memory = InMemorySpanExporter.create();
  private final Set<String> watched = ConcurrentHashMap.newKeySet();

  /** A new trace id to send in a {@code traceparent}, watched from now on. */
  public String newTrace() {
    String traceId = hex(16);
    watch(traceId);
    return traceId;
  }

  /** A {@code traceparent} header value of a sampled span of this trace. */
  public static String traceparent(String traceId) {
    return "00-" + traceId + "-" + hex(8) + "-01";
  }

  /** The trace id of a {@code traceparent} value. */
  public static String traceId(String traceparent) {
    return traceparent.split("-")[1];
  }

  /** The span id of a {@code traceparent} value. */
  public static String spanId(String traceparent) {
    return traceparent.split("-")[2];
  }

  public void watch(String traceId) {
    watched.add(traceId);
  }

  /** The ended spans of a watched trace. */
  public List<SpanData> of(String traceId) {
    return memory.getFinishedSpanItems().stream()
        .filter(s -> s.getTraceId().equals(traceId))
        .toList();
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return memory.export(spans.stream().filter(this::kept).toList());
  }

  private boolean kept(SpanData span) {
    return watched.contains(span.getTraceId())
        || (span.getKind() == SpanKind.INTERNAL && !span.getParentSpanContext().isValid());
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  private static String hex(int bytes) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < bytes; i++) {
      s.append("%02x".formatted(ThreadLocalRandom.current().nextInt(256)));
    }
    return s.toString();
  }
}
