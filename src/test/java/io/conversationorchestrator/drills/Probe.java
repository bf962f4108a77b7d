package io.conversationorchestrator.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.drills.DrillSink.Receipt;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A healthy receiver ({@code /healthy} of the drill's sink, the same host as the misbehaving ones)
 * and a conversation that sends it a message twice a second: how long after its 201 each message's
 * callback arrives, while the others' deliveries fail.
 */
final class Probe implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DrillApi api;
  private final DrillSink sink;
  private final String conversation;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  private final Map<String, Instant> answered = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  private Probe(DrillApi api, DrillSink sink, String conversation) {
    this.api = api;
    this.sink = sink;
    this.conversation = conversation;
  }

  static Probe start(DrillApi api, DrillSink sink) {
    String configuration =
        api.createConfiguration(
            "{\"SMS\":{\"statusTimeouts\":{\"inactive\":6000,\"closed\":12000}}}",
            "[{\"url\":\"" + sink.url("/healthy") + "\"}]");
    Probe probe = new Probe(api, sink, api.createConversation(configuration, 1_000_000));
    probe.ticker.scheduleAtFixedRate(probe::send, 0, 500, TimeUnit.MILLISECONDS);
    return probe;
  }

  private void send() {
    inFlight.incrementAndGet();
    String body =
        """
        {"author":{"address":"+17771000000","channel":"SMS"},"content":{"type":"TEXT","text":"probe"},
         "recipients":[{"address":"+15550001111","channel":"SMS"}]}
        """;
    api.send("POST", "/v2/Conversations/" + conversation + "/Communications", body)
        .whenComplete(
            (answer, failure) -> {
              if (answer != null && answer.ok()) {
                answered.put(answer.id(), Instant.now());
              }
              inFlight.decrementAndGet();
            });
  }

  /** Stops sending and waits for the last answer. */
  @Override
  public void close() {
    ticker.shutdownNow();
    Drill.await("the probe's last message", 60, () -> inFlight.get() == 0);
  }

  /**
   * Every message's callback arrived, and some arrived while the other receivers' deliveries were
   * being retried (from the first of their attempts to the last): no head-of-line blocking. The
   * latencies are printed, not judged (a loaded machine's, not the service's; bench/ measures
   * them).
   */
  void check(Collection<JsonNode> failing, Verdict verdict) {
    Drill.await(
        "every probe message's callback",
        60,
        () -> arrivals().keySet().containsAll(answered.keySet()));
    Map<String, Instant> arrivals = arrivals();
    List<Long> latencies = new ArrayList<>();
    answered.forEach((id, at) -> latencies.add(Duration.between(at, arrivals.get(id)).toMillis()));
    latencies.sort(null);
    Instant from = Instant.MAX;
    Instant to = Instant.MIN;
    for (JsonNode d : failing) {
      for (JsonNode a : d.path("attempts")) {
        Instant at = Instant.parse(a.path("at").asText());
        from = at.isBefore(from) ? at : from;
        to = at.isAfter(to) ? at : to;
      }
    }
    Instant start = from;
    Instant end = to;
    long during =
        arrivals.values().stream().filter(at -> at.isAfter(start) && at.isBefore(end)).count();
    long max = latencies.isEmpty() ? Long.MAX_VALUE : latencies.get(latencies.size() - 1);
    verdict.check(
        "healthy receiver served throughout",
        !latencies.isEmpty() && during > 0,
        ("%d messages, callback %d ms median, %d ms max; %d arrived during the %.1f s"
                + " of failing deliveries")
            .formatted(
                latencies.size(),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() / 2),
                max,
                during,
                Duration.between(start, end).toMillis() / 1000.0));
  }

  /** Communication id → when its COMMUNICATION_CREATED callback first arrived. */
  private Map<String, Instant> arrivals() {
    Map<String, Instant> arrivals = new ConcurrentHashMap<>();
    for (Receipt r : sink.at("/healthy")) {
      try {
        JsonNode event = JSON.readTree(r.body());
        if (event.path("eventType").asText().equals("COMMUNICATION_CREATED")) {
          arrivals.putIfAbsent(event.path("data").path("id").asText(), r.at());
        }
      } catch (IOException e) {
        // not an event (the redirect's target gets none): ignored
      }
    }
    return arrivals;
  }
}
