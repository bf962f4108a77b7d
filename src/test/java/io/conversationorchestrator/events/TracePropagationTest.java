package io.conversationorchestrator.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.CallbackSink.Received;
import io.conversationorchestrator.support.Callbacks;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.RecordedSpans;
import io.conversationorchestrator.support.TopicReader;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One W3C trace from the API call to the webhook it causes: the request's {@code traceparent} (or
 * the service's new trace) is stored with the outbox row, published as the Kafka header {@code
 * traceparent}, continued by the callback intake and sent with each webhook attempt. Spans are made
 * whether or not they are exported; the tests read them from an in-memory exporter.
 */
@QuarkusTest
class TracePropagationTest {
  private static final AttributeKey<String> CONVERSATION_ID =
      AttributeKey.stringKey("conversation.id");
  private static final AttributeKey<String> EVENT_TYPE =
      AttributeKey.stringKey("cloudevents.event_type");

  @Inject RecordedSpans spans;

  @Test
  void aCreateIsFollowedToItsWebhookUnderOneTraceId() throws Exception {
    Api api = Api.newAccount();
    String trace = spans.newTrace();
    try (CallbackSink sink = new CallbackSink()) {
      String conversation = create(api, sink, RecordedSpans.traceparent(trace));
      Received webhook = awaitCreatedWebhook(sink);

      assertThat(RecordedSpans.traceId(webhook.header("traceparent"))).isEqualTo(trace);
      List<SpanData> traced =
          awaitSpans(
              trace,
              all ->
                  all.stream().anyMatch(s -> s.getName().equals("callback POST"))
                      && all.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER));
      assertThat(traced)
          .as("the request, its SQL, the intake and the webhook attempt")
          .anySatisfy(
              s -> {
                assertThat(s.getKind()).isEqualTo(SpanKind.SERVER);
                assertThat(s.getName()).contains("/v2/Conversations");
                assertThat(s.getAttributes().get(CONVERSATION_ID)).isEqualTo(conversation);
              })
          .anySatisfy(
              s -> {
                assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT);
                assertThat(s.getAttributes().asMap().keySet().toString()).contains("db.");
              })
          .anySatisfy(
              s -> {
                assertThat(s.getKind()).isEqualTo(SpanKind.CONSUMER);
                assertThat(s.getAttributes().get(CONVERSATION_ID)).isEqualTo(conversation);
                assertThat(s.getAttributes().get(EVENT_TYPE)).isEqualTo("CONVERSATION_CREATED");
              })
          .anySatisfy(
              s -> {
                assertThat(s.getName()).isEqualTo("callback POST");
                assertThat(s.getSpanId())
                    .isEqualTo(RecordedSpans.spanId(webhook.header("traceparent")));
                assertThat(s.getAttributes().get(CONVERSATION_ID)).isEqualTo(conversation);
                assertThat(s.getAttributes().get(EVENT_TYPE)).isEqualTo("CONVERSATION_CREATED");
              });
    }
  }

  @Test
  void theKafkaRecordAndTheWebhookCarryTheIncomingTrace() throws Exception {
    Api api = Api.newAccount();
    String trace = spans.newTrace();
    try (CallbackSink sink = new CallbackSink();
        TopicReader topic = new TopicReader("conversations")) {
      String conversation = create(api, sink, RecordedSpans.traceparent(trace));

      String header = createdRecordTraceparent(topic, conversation);
      assertThat(RecordedSpans.traceId(header)).isEqualTo(trace);
      String webhook = awaitCreatedWebhook(sink).header("traceparent");
      assertThat(RecordedSpans.traceId(webhook)).isEqualTo(trace);
      assertThat(RecordedSpans.spanId(webhook)).isNotEqualTo(RecordedSpans.spanId(header));
    }
  }

  @Test
  void aRequestWithoutTraceparentStartsATraceTheRecordAndTheWebhookShare() throws Exception {
    Api api = Api.newAccount();
    try (CallbackSink sink = new CallbackSink();
        TopicReader topic = new TopicReader("conversations")) {
      String conversation = create(api, sink, null);

      String header = createdRecordTraceparent(topic, conversation);
      assertThat(header).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
      String webhook = awaitCreatedWebhook(sink).header("traceparent");
      assertThat(webhook).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
      assertThat(RecordedSpans.traceId(webhook)).isEqualTo(RecordedSpans.traceId(header));
    }
  }

  @Test
  void aSweeperTransitionStartsItsOwnTraceAboutTheConversation() {
    Api api = Api.newAccount();
    String trace = spans.newTrace();
    String closesAfterASecond =
        Fixtures.createConfiguration(
            api, Fixtures.configuration("traced", "{\"SMS\":{\"statusTimeouts\":{\"closed\":1}}}"));
    try (TopicReader topic = new TopicReader("conversations")) {
      String conversation =
          api.request()
              .header("traceparent", RecordedSpans.traceparent(trace))
              .body(Fixtures.seedConversation(closesAfterASecond))
              .post("/v2/Conversations")
              .then()
              .statusCode(201)
              .extract()
              .path("id");

      String closed =
          topic
              .await(conversation, Duration.ofSeconds(30), events -> events.size() >= 2)
              .get(1)
              .traceparent();
      String own = RecordedSpans.traceId(closed);
      assertThat(own).isNotEqualTo(trace);
      assertThat(awaitSpans(own, all -> !all.isEmpty()))
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.getName()).isEqualTo("CONVERSATION_UPDATED");
                assertThat(s.getParentSpanContext().isValid()).isFalse();
                assertThat(s.getAttributes().get(CONVERSATION_ID)).isEqualTo(conversation);
                assertThat(s.getAttributes().get(EVENT_TYPE)).isEqualTo("CONVERSATION_UPDATED");
              });
    }
  }

  private static String create(Api api, CallbackSink sink, String traceparent) {
    String configuration =
        Fixtures.createConfiguration(
            api, Callbacks.withCallbacks("{}", "{\"url\":\"" + sink.url("/traced") + "\"}"));
    var request = api.request().body(Fixtures.seedConversation(configuration));
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    return request.post("/v2/Conversations").then().statusCode(201).extract().path("id");
  }

  private static String createdRecordTraceparent(TopicReader topic, String conversation) {
    return topic
        .await(
            conversation,
            Duration.ofSeconds(30),
            events -> events.stream().anyMatch(e -> e.type().equals("CONVERSATION_CREATED")))
        .stream()
        .filter(e -> e.type().equals("CONVERSATION_CREATED"))
        .findFirst()
        .orElseThrow()
        .traceparent();
  }

  private static Received awaitCreatedWebhook(CallbackSink sink) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                sink.at("/traced").stream()
                    .filter(r -> r.body().contains("\"CONVERSATION_CREATED\""))
                    .findFirst(),
            found -> found.isPresent())
        .orElseThrow();
  }

  private List<SpanData> awaitSpans(String trace, Predicate<List<SpanData>> done) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> spans.of(trace), done::test);
  }
}
