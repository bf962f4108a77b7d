package io.conversationorchestrator.platform;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * The span exporter while no OTLP endpoint is set: it drops every span. Spans are still made, so
 * trace context is still propagated; Quarkus' OTLP exporter (whose endpoint defaults to
 * localhost:4317) stands aside whenever another exporter bean is there, and this one is there
 * exactly when {@code orchestrator.tracing.otlp-endpoint} is not set. Decided at start-up, so the
 * same build exports or not by configuration alone.
 */
@Singleton
@Unremovable // looked up, never injected
@LookupIfProperty(
    name = "orchestrator.tracing.otlp-endpoint",
    stringValue = "",
    lookupIfMissing = true)
public class NoSpanExport implements SpanExporter {
  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
