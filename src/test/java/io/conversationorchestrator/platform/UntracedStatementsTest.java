package io.conversationorchestrator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which spans are recorded: a statement only inside a trace; everything else as the parent says.
 */
class UntracedStatementsTest {
  private static final Attributes STATEMENT =
      Attributes.builder().put("db.system", "postgresql").build();
  private static final Context IN_A_TRACE =
      Context.root()
          .with(
              Span.wrap(
                  SpanContext.createFromRemoteParent(
                      "4bf92f3577b34da6a3ce929d0e0e4736",
                      "00f067aa0ba902b7",
                      TraceFlags.getSampled(),
                      TraceState.getDefault())));

  @ParameterizedTest(name = "{0} {1} span, {2}: {3}")
  @CsvSource({
    "CLIENT,   statement, outside any trace, DROP",
    "CLIENT,   statement, in a trace,        RECORD_AND_SAMPLE",
    "SERVER,   request,   outside any trace, RECORD_AND_SAMPLE",
    "INTERNAL, event,     outside any trace, RECORD_AND_SAMPLE",
    "CLIENT,   webhook,   in a trace,        RECORD_AND_SAMPLE",
  })
  void decides(SpanKind kind, String what, String where, SamplingDecision decision) {
    Context parent = where.equals("in a trace") ? IN_A_TRACE : Context.root();
    Attributes attributes = what.equals("statement") ? STATEMENT : Attributes.empty();
    assertThat(
            new UntracedStatements()
                .shouldSample(
                    parent, "4bf92f3577b34da6a3ce929d0e0e4736", what, kind, attributes, List.of())
                .getDecision())
        .isEqualTo(decision);
  }
}
