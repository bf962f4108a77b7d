package io.conversationorchestrator.drills;

import io.conversationorchestrator.drills.Deliveries.Row;
import io.conversationorchestrator.drills.DrillSink.Receipt;
import io.conversationorchestrator.drills.KafkaEvents.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The callbacks of a drill, one URL per conversation: the database holds one delivery per event on
 * Kafka, the receiver got each of them, every copy of a delivery is the same request, copies beyond
 * the first are retries the database recorded (or, after a crash, sends whose outcome the crash
 * kept from being written: at-least-once), and each conversation's events arrived in their order.
 */
final class CallbackChecks {
  private CallbackChecks() {}

  static void check(
      DrillStack stack,
      DrillSink sink,
      KafkaEvents events,
      Set<String> conversations,
      Verdict verdict) {
    check(stack, sink, events, conversations, false, verdict);
  }

  static void check(
      DrillStack stack,
      DrillSink sink,
      KafkaEvents events,
      Set<String> conversations,
      boolean crashed,
      Verdict verdict) {
    Set<String> eventIds = new HashSet<>();
    conversations.forEach(id -> events.of(id).forEach(e -> eventIds.add(e.ceId())));
    Drill.await(
        "a finished callback delivery for every event",
        120,
        () -> {
          Map<String, Row> rows = Deliveries.read(stack);
          return rows.size() >= eventIds.size()
              && rows.values().stream().allMatch(r -> r.status().equals("SUCCEEDED"));
        });
    Map<String, Row> rows = Deliveries.read(stack);
    Set<String> stored = new HashSet<>();
    rows.values().forEach(r -> stored.add(r.eventId()));
    verdict.check(
        "database: one delivery per event",
        stored.equals(eventIds) && rows.size() == eventIds.size(),
        "%d events on Kafka, %d deliveries for %d of them"
            .formatted(eventIds.size(), rows.size(), stored.size()));

    Map<String, List<Receipt>> byId = new HashMap<>();
    sink.receipts()
        .forEach(r -> byId.computeIfAbsent(r.deliveryId(), k -> new ArrayList<>()).add(r));
    List<String> missing = new ArrayList<>();
    List<String> unlike = new ArrayList<>();
    List<String> unrecorded = new ArrayList<>();
    int duplicates = 0;
    for (Row row : rows.values()) {
      List<Receipt> copies = byId.getOrDefault(row.id(), List.of());
      if (copies.isEmpty() || row.succeeded() != 1) {
        missing.add(row.id() + " received " + copies.size() + ", " + row.succeeded() + " 2xx");
      }
      for (Receipt copy : copies) {
        if (!copy.body().equals(row.payload()) || !row.id().equals(copy.token())) {
          unlike.add(row.id());
        }
      }
      duplicates += Math.max(0, copies.size() - 1);
      if (copies.size() > row.attempts()) {
        unrecorded.add(
            row.id() + ": " + copies.size() + " copies, " + row.attempts() + " attempts");
      }
    }
    byId.keySet().stream().filter(id -> !rows.containsKey(id)).forEach(unlike::add);
    verdict.check(
        "callbacks: every event reached the receiver once successfully",
        missing.isEmpty(),
        "%d deliveries, %d requests received; missing or not exactly one 2xx: %s"
            .formatted(rows.size(), sink.receipts().size(), first(missing)));
    verdict.check(
        "callbacks: copies of a delivery are the same request",
        unlike.isEmpty(),
        "same delivery id (webhook-id = I-Twilio-Idempotency-Token) and body; differing: "
            + first(unlike));
    verdict.check(
        "callbacks: duplicates only as recorded retries (at-least-once)",
        crashed || unrecorded.isEmpty(),
        "%d duplicate receipts; more copies than recorded attempts: %s"
            .formatted(duplicates, first(unrecorded)));
    inOrder(events, conversations, rows, sink.receipts(), verdict);
  }

  /** Each conversation's events, by first receipt, in their order on Kafka. */
  private static void inOrder(
      KafkaEvents events,
      Set<String> conversations,
      Map<String, Row> rows,
      List<Receipt> receipts,
      Verdict verdict) {
    Map<String, List<String>> received = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (Receipt r : receipts) { // in the order they arrived
      Row row = rows.get(r.deliveryId());
      if (row != null && seen.add(row.id())) {
        received.computeIfAbsent(row.conversationId(), k -> new ArrayList<>()).add(row.eventId());
      }
    }
    List<String> disorder = new ArrayList<>();
    for (String id : conversations) {
      List<String> onKafka = events.of(id).stream().map(Event::ceId).toList();
      if (!onKafka.equals(received.getOrDefault(id, List.of()))) {
        disorder.add(id);
      }
    }
    verdict.check(
        "callbacks: each conversation's events in order",
        disorder.isEmpty(),
        "%d conversations; out of order: %s".formatted(conversations.size(), first(disorder)));
  }

  private static String first(List<String> items) {
    return items.isEmpty()
        ? "none"
        : items.size() + " (first: " + items.subList(0, Math.min(3, items.size())) + ")";
  }
}
