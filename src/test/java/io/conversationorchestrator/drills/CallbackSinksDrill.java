package io.conversationorchestrator.drills;

import com.fasterxml.jackson.databind.JsonNode;
import io.conversationorchestrator.drills.DrillApi.Answer;
import io.conversationorchestrator.drills.DrillSink.Reply;
import io.conversationorchestrator.testing.Ports;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Callback receivers misbehaving, each behind its own conversation: one answers 500 always, one 503
 * twice then 200, one later than the sender's timeout, one port refuses connections, one redirects
 * (302) to a healthy path, one answers 410 and one 400. Each delivery must end as the contract says
 * (5xx, timeouts and connection errors retried on the schedule, then DEAD; 3xx and other 4xx final
 * after one attempt; a redirect not followed) while a healthy receiver on the same host keeps
 * getting its deliveries promptly (no head-of-line blocking).
 *
 * <p>The dead-letter queue is the DEAD state: a delivery whose last attempt failed is kept, listed
 * with every attempt by {@code GET /v2/Conversations/{id}/CallbackDeliveries}, and sent again by
 * {@code POST …/CallbackDeliveries/{deliveryId}/Redeliver}, which the drill does once the 500
 * receiver is fixed.
 *
 * <p>{@code --quick} changes nothing: the retry schedule sets the drill's length (under a minute).
 */
public final class CallbackSinksDrill extends Drill {
  private static final String NO_TIMERS =
      "{\"SMS\":{\"statusTimeouts\":{\"inactive\":6000,\"closed\":12000}}}";

  /**
   * A receiver and what must become of the one delivery it is sent: its final status, the HTTP
   * status of each attempt (null: no answer), and how many of them reached the receiver.
   */
  record Case(String name, String url, String status, List<Integer> answers, int receipts) {
    int attempts() {
      return answers.size();
    }
  }

  public static void main(String[] args) {
    main(new CallbackSinksDrill(), args);
  }

  @Override
  protected void run(DrillStack stack, Verdict verdict, boolean quick) {
    try (DrillSink sink = new DrillSink()) {
      List<Case> cases = receivers(sink);
      Case down = cases.get(0);
      Case refusing = cases.get(3);
      Case redirect = cases.get(4);
      ServiceProcess service = stack.service("service", Map.of());
      DrillApi api = new DrillApi(List.of(service));
      Probe probe = Probe.start(api, sink);
      Map<Case, String> conversations = new LinkedHashMap<>();
      for (Case c : cases) {
        String configuration =
            api.createConfiguration(NO_TIMERS, "[{\"url\":\"" + c.url() + "\"}]");
        conversations.put(c, api.createConversation(configuration, conversations.size()));
      }
      Map<Case, JsonNode> finished = new LinkedHashMap<>();
      try {
        Drill.await(
            "every misbehaving receiver's delivery to finish",
            120,
            () -> {
              for (Case c : cases) {
                JsonNode d = delivery(api, conversations.get(c));
                if (d == null
                    || !List.of("SUCCEEDED", "DEAD").contains(d.path("status").asText())) {
                  return false;
                }
                finished.put(c, d);
              }
              return true;
            });
      } finally {
        probe.close();
      }
      for (Case c : cases) {
        SinkChecks.delivery(c, finished.get(c), sink, verdict);
      }
      SinkChecks.notFollowed(finished.get(redirect), sink, verdict);
      probe.check(finished.values(), verdict);
      redeliver(api, sink, down, conversations.get(down), verdict);
      redeliverStillRefused(api, conversations.get(refusing), verdict);
      deadKept(api, conversations, down, verdict);
    }
  }

  /** The misbehaving receivers; the first, fourth and fifth are checked further. */
  private static List<Case> receivers(DrillSink sink) {
    sink.on("/500", n -> Reply.status(500));
    sink.on("/503-twice", n -> Reply.status(n <= 2 ? 503 : 200));
    sink.on("/slow", n -> Reply.late(Retries.TIMEOUT.plusSeconds(1)));
    sink.on("/302", n -> Reply.redirect(sink.url("/healthy")));
    sink.on("/410", n -> Reply.status(410));
    sink.on("/400", n -> Reply.status(400));
    List<Integer> noAnswers = Arrays.asList(null, null, null, null);
    return List.of(
        new Case("500 always", sink.url("/500"), "DEAD", List.of(500, 500, 500, 500), 4),
        new Case("503 twice", sink.url("/503-twice"), "SUCCEEDED", List.of(503, 503, 200), 3),
        new Case("slower than the timeout", sink.url("/slow"), "DEAD", noAnswers, 4),
        new Case(
            "connection refused", "http://127.0.0.1:" + Ports.free() + "/x", "DEAD", noAnswers, 0),
        new Case("302 to a healthy path", sink.url("/302"), "DEAD", List.of(302), 1),
        new Case("410", sink.url("/410"), "DEAD", List.of(410), 1),
        new Case("400", sink.url("/400"), "DEAD", List.of(400), 1));
  }

  /** The 500 receiver is fixed; its DEAD delivery, sent again, succeeds as a 5th attempt. */
  private static void redeliver(
      DrillApi api, DrillSink sink, Case c, String conversation, Verdict verdict) {
    JsonNode dead = delivery(api, conversation);
    String id = dead.path("id").asText();
    sink.on("/500", n -> Reply.status(200));
    Answer queued = redeliverCall(api, conversation, id);
    Drill.await(
        "the redelivered delivery to succeed",
        60,
        () -> delivery(api, conversation).path("status").asText().equals("SUCCEEDED"));
    JsonNode again = delivery(api, conversation);
    long received = sink.at("/500").stream().filter(r -> id.equals(r.deliveryId())).count();
    verdict.check(
        "DEAD kept and redelivered",
        dead.path("status").asText().equals("DEAD")
            && queued.status() == 200
            && again.path("attempts").size() == c.attempts() + 1
            && received == c.attempts() + 1,
        ("listed as DEAD with %d attempts; Redeliver answered %d (%s); then SUCCEEDED with %d"
                + " attempts, %d received under the same delivery id")
            .formatted(
                dead.path("attempts").size(),
                queued.status(),
                queued.body().path("status").asText(),
                again.path("attempts").size(),
                received));
  }

  /** What a redelivery gets when the receiver is still down: noted, the contract is silent. */
  private static void redeliverStillRefused(DrillApi api, String conversation, Verdict verdict) {
    JsonNode dead = delivery(api, conversation);
    int before = dead.path("attempts").size();
    redeliverCall(api, conversation, dead.path("id").asText());
    Drill.await(
        "the redelivered refused delivery to finish",
        60,
        () -> {
          JsonNode d = delivery(api, conversation);
          return d.path("attempts").size() > before && d.path("status").asText().equals("DEAD");
        });
    verdict.note(
        "redelivery to a port still refusing",
        "%d attempts before, %d after (DEAD again)"
            .formatted(before, delivery(api, conversation).path("attempts").size()));
  }

  /** At the end, every DEAD delivery is still listed as DEAD (the redelivered one SUCCEEDED). */
  private static void deadKept(
      DrillApi api, Map<Case, String> conversations, Case redelivered, Verdict verdict) {
    List<String> listed = new ArrayList<>();
    boolean kept = true;
    for (Map.Entry<Case, String> e : conversations.entrySet()) {
      JsonNode d = delivery(api, e.getValue());
      String status = d == null ? "missing" : d.path("status").asText();
      String expected = e.getKey() == redelivered ? "SUCCEEDED" : e.getKey().status();
      kept &= status.equals(expected);
      listed.add(e.getKey().name() + ": " + status);
    }
    verdict.check("DEAD deliveries kept and listed", kept, listed.toString());
  }

  private static Answer redeliverCall(DrillApi api, String conversation, String id) {
    return api.call(
        "POST",
        "/v2/Conversations/" + conversation + "/CallbackDeliveries/" + id + "/Redeliver",
        null);
  }

  /** The conversation's only delivery as the API lists it, or null before there is one. */
  static JsonNode delivery(DrillApi api, String conversation) {
    Answer answer =
        api.call("GET", "/v2/Conversations/" + conversation + "/CallbackDeliveries", null);
    JsonNode list = answer.body().path("callbackDeliveries");
    return list.size() == 1 ? list.get(0) : null;
  }
}
