package io.conversationorchestrator.drills;

import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.drills.KafkaEvents.Event;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Two replicas on one database and broker: both take requests (round-robin), sweep timers, relay
 * the outbox and send callbacks, under load, while timers fire. Afterwards every transition
 * happened exactly once (on Kafka and in the database), nothing acknowledged was lost, and every
 * event reached the callback receiver, in order, each delivery with one delivery id however often
 * it was sent (at-least-once: extra copies only as retries the database recorded).
 */
public final class TwoReplicasDrill extends Drill {
  static final String TOPIC = "conversations";

  // One row per conversation: its status, how many CLOSED events the database holds for it (as
  // callback deliveries, one URL), and whether its updated_at is that event's (nothing re-applied
  // the transition or wrote the row after it).
  private static final String CLOSINGS =
      """
      select c.id, c.status, count(d.id),
        bool_and(cast(cast(d.payload as jsonb) -> 'data' ->> 'updatedAt' as timestamptz)
          = c.updated_at)
      from conversation c left join callback_delivery d on d.conversation_id = c.id
        and d.event_type = 'CONVERSATION_UPDATED'
        and cast(d.payload as jsonb) ->> 'status' = 'CLOSED'
      where c.account_sid = '%s' group by c.id, c.status
      """
          .formatted(DrillStack.ACCOUNT);

  public static void main(String[] args) {
    main(new TwoReplicasDrill(), args);
  }

  @Override
  protected void run(DrillStack stack, Verdict verdict, boolean quick) {
    try (DrillSink sink = new DrillSink()) {
      List<ServiceProcess> replicas = startReplicas(stack);
      DrillApi api = new DrillApi(replicas);
      String callbacks = "[{\"url\":\"" + sink.url("/events") + "\"}]";
      String configuration = api.createConfiguration(Drill.SMS_TIMERS, callbacks);
      ConversationLoad load = ConversationLoad.start(api, configuration, quick ? 10 : 20, 3);
      try {
        Drill.pause(Duration.ofSeconds(quick ? 10 : 60));
      } finally {
        load.close();
      }
      verdict.note("answers by status (0: none)", load.statuses());
      verdict.check("no 500", !load.statuses().containsKey(500), "no answer was a 500");
      load.refusals().stream().limit(3).forEach(refusal -> verdict.note("refused", refusal));
      Invariants.acknowledgedAreStored(stack, load, verdict);
      Invariants.allClosedByTimers(stack, verdict, 120);
      Invariants.outboxDrains(stack, verdict, 60);
      Invariants.everyChangeOnKafkaInOrder(stack, load, verdict);
      KafkaEvents events = KafkaEvents.read(stack.bootstrapServers(), TOPIC);
      Set<String> conversations = closings(stack, verdict);
      transitionsOnce(events, conversations, verdict);
      CallbackChecks.check(stack, sink, events, conversations, verdict);
      replicasWorked(replicas, events, conversations, Deliveries.read(stack).size(), verdict);
    }
  }

  /** Both at once, as a deployment starts them (Flyway's lock serialises the migration). */
  private static List<ServiceProcess> startReplicas(DrillStack stack) {
    List<CompletableFuture<ServiceProcess>> starting =
        Stream.of("replica-1", "replica-2")
            .map(name -> CompletableFuture.supplyAsync(() -> stack.service(name, Map.of())))
            .toList();
    return starting.stream().map(CompletableFuture::join).toList();
  }

  /** The database's side: one CLOSED event per conversation, and the row is as it left it. */
  private static Set<String> closings(DrillStack stack, Verdict verdict) {
    Set<String> ids = new HashSet<>();
    List<String> problems = new ArrayList<>();
    int closed = 0;
    try (Connection c = stack.database();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(CLOSINGS)) {
      while (r.next()) {
        String id = r.getString(1);
        ids.add(ResourceType.CONVERSATION.format(UUID.fromString(id)));
        closed += "CLOSED".equals(r.getString(2)) ? 1 : 0;
        if (r.getInt(3) != 1 || !r.getBoolean(4)) {
          problems.add(
              "%s %s: %d CLOSED events, updated_at %s the event's"
                  .formatted(id, r.getString(2), r.getInt(3), r.getBoolean(4) ? "is" : "is not"));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    verdict.check(
        "database: one CLOSED event per CLOSED conversation",
        problems.isEmpty() && closed == ids.size(),
        "%d conversations, %d CLOSED; problems: %s".formatted(ids.size(), closed, problems));
    return ids;
  }

  /**
   * Kafka's side: each conversation's status changes (each ce_id once) never repeat a step (two
   * INACTIVE→CLOSED, say, would be a timer fired twice by two replicas) and end in one CLOSED.
   */
  private static void transitionsOnce(
      KafkaEvents events, Set<String> conversations, Verdict verdict) {
    List<String> problems = new ArrayList<>();
    int transitions = 0;
    for (String id : conversations) {
      List<Event> changes = events.of(id).stream().filter(e -> e.status() != null).toList();
      transitions += changes.size();
      for (int i = 1; i < changes.size(); i++) {
        if (step(changes.get(i)).equals(step(changes.get(i - 1)))) {
          problems.add(id + " " + step(changes.get(i)) + " twice");
        }
      }
      long closes = changes.stream().filter(e -> e.status().equals("CLOSED")).count();
      if (closes != 1) {
        problems.add(id + " closed " + closes + " times");
      }
    }
    verdict.check(
        "Kafka: every transition exactly once",
        problems.isEmpty(),
        "%d status changes over %d conversations; repeated: %s"
            .formatted(transitions, conversations.size(), problems));
  }

  private static String step(Event e) {
    return e.previousStatus() + "→" + e.status();
  }

  /**
   * Each replica answered requests, fired timers, relayed outbox events (its shards) and sent
   * callbacks; their counters add up to what happened once (relayed events: at least once each).
   */
  private static void replicasWorked(
      List<ServiceProcess> replicas,
      KafkaEvents events,
      Set<String> ids,
      int deliveries,
      Verdict verdict) {
    long timerChanges =
        ids.stream()
            .flatMap(id -> events.of(id).stream())
            .filter(e -> "INACTIVE".equals(e.status()) || "CLOSED".equals(e.status()))
            .count();
    double requests = 0;
    double transitions = 0;
    double delivered = 0;
    double relayed = 0;
    boolean each = true;
    for (ServiceProcess replica : replicas) {
      Metrics m = Metrics.of(replica);
      double r = m.sum("http_server_requests_seconds_count", "uri=\"/v2/Conversations");
      double t = m.sum("orchestrator_lifecycle_transitions_total", "reason=\"TIMER\"");
      double d = m.sum("orchestrator_callbacks_deliveries_total", "outcome=\"SUCCEEDED\"");
      double o = m.sum("orchestrator_outbox_published_total");
      double h = m.sum("orchestrator_outbox_shards_held");
      verdict.note(
          replica.name(),
          "%.0f requests, %.0f timer transitions, %.0f events relayed (%.0f shards held at the end),"
                  .formatted(r, t, o, h)
              + " %.0f callbacks sent".formatted(d));
      each &= r > 0 && t > 0 && d > 0 && o > 0;
      relayed += o;
      requests += r;
      transitions += t;
      delivered += d;
    }
    verdict.check(
        "both replicas worked",
        each,
        "each answered requests, fired timers, relayed events and delivered callbacks");
    int distinct = events.records() - events.copies();
    verdict.check(
        "every event relayed by one of the replicas",
        relayed >= distinct,
        "%.0f relayed (all topics), %d distinct events on the conversations topic"
            .formatted(relayed, distinct));
    verdict.check(
        "timers fired once across replicas",
        transitions == timerChanges,
        "%.0f sweeper transitions counted, %d timer status changes on Kafka"
            .formatted(transitions, timerChanges));
    verdict.check(
        "callbacks succeeded once across replicas",
        delivered == deliveries,
        "%.0f successful attempts counted, %d deliveries".formatted(delivered, deliveries));
    verdict.note("requests answered by both", "%.0f".formatted(requests));
  }
}
