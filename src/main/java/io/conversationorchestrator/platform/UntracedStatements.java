package io.conversationorchestrator.platform;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The sampler: Quarkus' default (follow the parent, sample new traces), except that a database
 * statement outside any trace is not recorded. Those are the polls of the relay, the sweepers and
 * the callback dispatcher, several a second on an idle replica, each of which would otherwise be a
 * trace of its own. Statements of a request, a consumed event or a sweeper transition belong to
 * their trace and are spans of it.
 */
@Singleton
@Unremovable
public class UntracedStatements implements Sampler {
  private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
  private final Sampler parentBased = Sampler.parentBased(Sampler.alwaysOn());

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      String traceId,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    if (spanKind == SpanKind.CLIENT
        && attributes.get(DB_SYSTEM) != null
        && !Span.fromContext(parentContext).getSpanContext().isValid()) {
      return SamplingResult.drop();
    }
    return parentBased.shouldSample(
        parentContext, traceId, name, spanKind, attributes, parentLinks);
  }

  @Override
  public String getDescription() {
    return "UntracedStatements{" + parentBased.getDescription() + "}";
  }
}
