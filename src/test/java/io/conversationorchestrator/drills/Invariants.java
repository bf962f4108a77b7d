package io.conversationorchestrator.drills;

import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.drills.ConversationLoad.Session;
import io.conversationorchestrator.drills.KafkaEvents.Event;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * "Nothing lost", checked on the database and the topic after a drill: what the client was told is
 * stored, every stored change has its event, each conversation's events keep their order, and no
 * timer was left behind. The checks read the drill account's rows only.
 */
final class Invariants {
  private static final String TOPIC = "conversations";

  /** Conversations of the drill account: public id → status, and their communications. */
  private record Stored(Map<String, String> status, Map<String, List<String>> communications) {}

  private Invariants() {}

  /** Waits until the relay has published every outbox row. */
  static void outboxDrains(DrillStack stack, Verdict verdict, int seconds) {
    Drill.await("the outbox to drain", seconds, () -> count(stack, "outbox_event") == 0);
    verdict.check("outbox drained", true, "no row left in outbox_event");
  }

  /** Waits until every conversation has closed by its timers, then checks none is overdue. */
  static void allClosedByTimers(DrillStack stack, Verdict verdict, int seconds) {
    Drill.await(
        "every conversation to close",
        seconds,
        () -> count(stack, "conversation where status <> 'CLOSED'") == 0);
    verdict.check(
        "every due transition happened",
        count(stack, "conversation where next_transition_at < now()") == 0,
        "all conversations CLOSED, no deadline in the past");
  }

  /** Every acknowledged conversation and message is in the database; the rest is checked after. */
  static void acknowledgedAreStored(DrillStack stack, ConversationLoad load, Verdict verdict) {
    Stored stored = stored(stack);
    Set<String> communications = new HashSet<>();
    stored.communications().values().forEach(communications::addAll);
    int conversations = 0;
    int messages = 0;
    List<String> missing = new ArrayList<>();
    for (Session session : load.sessions()) {
      conversations++;
      if (!stored.status().containsKey(session.conversationId())) {
        missing.add(session.conversationId());
      }
      for (String id : session.communicationIds()) {
        messages++;
        if (!communications.contains(id)) {
          missing.add(id);
        }
      }
    }
    verdict.check(
        "every 2xx is in the database",
        conversations > 0 && missing.isEmpty(),
        "%d conversations and %d messages acknowledged, missing %s"
            .formatted(conversations, messages, sample(missing)));
  }

  /**
   * Every stored change has its event on Kafka: each conversation's creation, each message, and its
   * status changes, chained (each one's previousStatus is the status before) up to the stored
   * status. Acknowledged requests' events come in the order the client got the answers.
   */
  static void everyChangeOnKafkaInOrder(DrillStack stack, ConversationLoad load, Verdict verdict) {
    Stored stored = stored(stack);
    KafkaEvents events = KafkaEvents.read(stack.bootstrapServers(), TOPIC);
    List<String> problems = new ArrayList<>();
    stored.status().forEach((id, status) -> checkStored(id, status, stored, events, problems));
    verdict.check(
        "every committed change has its event",
        problems.isEmpty(),
        "%d conversations checked, %d records read (%d copies of an event, at-least-once), %s"
            .formatted(
                stored.status().size(), events.records(), events.copies(), sample(problems)));
    List<String> disorder = new ArrayList<>();
    for (Session session : load.sessions()) {
      List<String> acknowledged = new ArrayList<>(List.of(session.conversationId()));
      acknowledged.addAll(session.communicationIds());
      Set<String> wanted = new HashSet<>(acknowledged);
      List<String> onKafka =
          events.of(session.conversationId()).stream()
              .filter(e -> e.type().endsWith("_CREATED"))
              .map(Event::id)
              .filter(wanted::contains)
              .toList();
      if (!onKafka.equals(acknowledged)) {
        disorder.add(session.conversationId() + ": " + onKafka + " vs " + acknowledged);
      }
    }
    verdict.check(
        "per-conversation order",
        disorder.isEmpty(),
        "%d sessions, out of order: %s".formatted(load.sessions().size(), sample(disorder)));
  }

  private static void checkStored(
      String id, String status, Stored stored, KafkaEvents events, List<String> problems) {
    List<Event> mine = events.of(id);
    Set<String> ids = new HashSet<>();
    String current = null;
    for (Event e : mine) {
      ids.add(e.type() + " " + e.id());
      if (e.type().equals("CONVERSATION_CREATED")) {
        current = "ACTIVE";
      } else if (e.status() != null) {
        if (!e.previousStatus().equals(current)) {
          problems.add(id + " " + e.previousStatus() + "→" + e.status() + " after " + current);
        }
        current = e.status();
      }
    }
    if (!ids.contains("CONVERSATION_CREATED " + id)) {
      problems.add(id + " has no CONVERSATION_CREATED");
    }
    for (String message : stored.communications().getOrDefault(id, List.of())) {
      if (!ids.contains("COMMUNICATION_CREATED " + message)) {
        problems.add(id + " has no COMMUNICATION_CREATED for " + message);
      }
    }
    if (!status.equals(current)) {
      problems.add(id + " is " + status + " but its events end at " + current);
    }
  }

  /** The public ids of the drill account's conversations. */
  static Set<String> conversations(DrillStack stack) {
    return stored(stack).status().keySet();
  }

  private static Stored stored(DrillStack stack) {
    Map<String, String> status = new HashMap<>();
    Map<String, List<String>> communications = new HashMap<>();
    String account = "'" + DrillStack.ACCOUNT + "'";
    try (Connection c = stack.database();
        Statement s = c.createStatement()) {
      ResultSet rows =
          s.executeQuery("select id, status from conversation where account_sid = " + account);
      while (rows.next()) {
        status.put(conversation(rows.getObject(1, UUID.class)), rows.getString(2));
      }
      rows =
          s.executeQuery(
              "select conversation_id, id from communication where account_sid = " + account);
      while (rows.next()) {
        communications
            .computeIfAbsent(conversation(rows.getObject(1, UUID.class)), k -> new ArrayList<>())
            .add(ResourceType.COMMUNICATION.format(rows.getObject(2, UUID.class)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new Stored(status, communications);
  }

  private static String conversation(UUID id) {
    return ResourceType.CONVERSATION.format(id);
  }

  static long count(DrillStack stack, String fromWhere) {
    try (Connection c = stack.database();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from " + fromWhere)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sample(List<String> items) {
    return items.isEmpty()
        ? "none"
        : items.size() + " (first: " + items.subList(0, Math.min(3, items.size())) + ")";
  }
}
