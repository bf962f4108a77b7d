package io.conversationorchestrator.drills;

import com.fasterxml.jackson.databind.JsonNode;
import io.conversationorchestrator.drills.CallbackSinksDrill.Case;
import io.conversationorchestrator.drills.DrillSink.Receipt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The checks of one misbehaving receiver's delivery in {@link CallbackSinksDrill}. */
final class SinkChecks {
  private SinkChecks() {}

  /**
   * Its final status, each attempt's answer, the receiver's copies (one delivery id), and retries
   * spaced by the schedule: never early. How late they were is printed, not judged: on a loaded
   * machine lateness is the machine's, and a drill in CI must not depend on it.
   */
  static void delivery(Case c, JsonNode d, DrillSink sink, Verdict verdict) {
    String id = d.path("id").asText();
    JsonNode attempts = d.path("attempts");
    List<Integer> answers = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (JsonNode a : attempts) {
      answers.add(a.hasNonNull("httpStatus") ? a.path("httpStatus").asInt() : null);
      errors.add(a.path("error").asText(null));
    }
    List<Duration> waits = Retries.waits(attempts);
    boolean onSchedule = true;
    for (int i = 0; i < waits.size(); i++) {
      Duration planned = Retries.SCHEDULE.get(i);
      onSchedule &= waits.get(i).compareTo(planned.minusMillis(100)) >= 0;
    }
    List<Receipt> copies = sink.receipts().stream().filter(r -> id.equals(r.deliveryId())).toList();
    // the receiver's view: copies apart by at least the wait (plus the attempt, when it hung)
    List<Duration> apart = new ArrayList<>();
    for (int i = 1; i < copies.size(); i++) {
      apart.add(Duration.between(copies.get(i - 1).at(), copies.get(i).at()));
      Duration planned = Retries.SCHEDULE.get(i - 1);
      onSchedule &= apart.get(i - 1).compareTo(planned.minusMillis(100)) >= 0;
    }
    boolean sameRequest =
        copies.stream()
            .allMatch(r -> id.equals(r.token()) && r.body().equals(copies.get(0).body()));
    verdict.check(
        "receiver " + c.name(),
        d.path("status").asText().equals(c.status())
            && answers.equals(c.answers())
            && onSchedule
            && copies.size() == c.receipts()
            && sameRequest,
        ("%s after %d attempts %s, waits %s (schedule %s); receiver got %d copies %s apart, %s;"
                + " errors %s")
            .formatted(
                d.path("status").asText(),
                attempts.size(),
                answers,
                seconds(waits),
                seconds(Retries.SCHEDULE.subList(0, waits.size())),
                copies.size(),
                seconds(apart),
                sameRequest ? "one delivery id and body" : "DIFFERING",
                errors.stream().distinct().map(SinkChecks::shortly).toList()));
  }

  /** The redirect's target never saw the delivery: redirects are not followed. */
  static void notFollowed(JsonNode d, DrillSink sink, Verdict verdict) {
    String id = d.path("id").asText();
    long followed = sink.at("/healthy").stream().filter(r -> id.equals(r.deliveryId())).count();
    verdict.check(
        "redirect not followed",
        followed == 0,
        "the 302's Location (/healthy) got %d requests of that delivery; 3xx is final, as other 4xx"
            .formatted(followed));
  }

  static List<String> seconds(List<Duration> durations) {
    return durations.stream().map(w -> "%.1fs".formatted(w.toMillis() / 1000.0)).toList();
  }

  private static String shortly(String error) {
    return error == null || error.length() <= 60 ? error : error.substring(0, 60) + "…";
  }
}
