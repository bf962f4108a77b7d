package io.conversationorchestrator.drills;

import io.conversationorchestrator.drills.DrillApi.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client at a steady rate: every tick a session starts that creates a conversation (a new
 * customer and an agent on SMS), then sends it a few messages, each after the previous answer.
 * Every answer is recorded; what was acknowledged (2xx) is what the drill must find afterwards.
 */
public final class ConversationLoad implements AutoCloseable {
  private final DrillApi api;
  private final String configurationId;
  private final int communications;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger customers = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final Map<Integer, Answer> firstByStatus = new ConcurrentHashMap<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** One acknowledged conversation and the ids of its acknowledged messages, in send order. */
  public record Session(String conversationId, List<String> communicationIds) {}

  private ConversationLoad(DrillApi api, String configurationId, int communications) {
    this.api = api;
    this.configurationId = configurationId;
    this.communications = communications;
  }

  /** Starts {@code sessionsPerSecond} sessions a second, each with {@code communications}. */
  public static ConversationLoad start(
      DrillApi api, String configurationId, int sessionsPerSecond, int communications) {
    ConversationLoad load = new ConversationLoad(api, configurationId, communications);
    long period = 1_000_000L / sessionsPerSecond;
    load.ticker.scheduleAtFixedRate(load::startSession, 0, period, TimeUnit.MICROSECONDS);
    return load;
  }

  private void startSession() {
    int customer = customers.incrementAndGet();
    String body =
        """
        {"configurationId":"%s","name":"drill %d","participants":[
          {"name":"Customer","type":"CUSTOMER","addresses":[{"channel":"SMS","address":"%s"}]},
          {"name":"Agent","type":"HUMAN_AGENT","addresses":[{"channel":"SMS","address":"+15550001111"}]}]}
        """
            .formatted(configurationId, customer, address(customer));
    send("POST", "/v2/Conversations", body)
        .thenAccept(
            created -> {
              if (created.ok()) {
                Session session = new Session(created.id(), new ArrayList<>());
                sessions.put(session.conversationId(), session);
                sendMessages(session, customer, 1);
              }
            });
  }

  private void sendMessages(Session session, int customer, int n) {
    if (n > communications) {
      return;
    }
    String body =
        """
        {"author":{"address":"%s","channel":"SMS"},"content":{"type":"TEXT","text":"message %d"},
         "recipients":[{"address":"+15550001111","channel":"SMS"}]}
        """
            .formatted(address(customer), n);
    send("POST", "/v2/Conversations/" + session.conversationId() + "/Communications", body)
        .thenAccept(
            answer -> {
              if (answer.ok()) {
                synchronized (session) {
                  session.communicationIds().add(answer.id());
                }
                sendMessages(session, customer, n + 1);
              }
            });
  }

  private CompletableFuture<Answer> send(String method, String path, String body) {
    inFlight.incrementAndGet();
    return api.send(method, path, body)
        .whenComplete(
            (answer, failure) -> {
              statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
              firstByStatus.putIfAbsent(answer.status(), answer);
              inFlight.decrementAndGet();
            });
  }

  private static String address(int customer) {
    return "+1666%07d".formatted(customer);
  }

  /** Stops starting sessions and waits until every started one has its last answer. */
  @Override
  public void close() {
    ticker.shutdownNow();
    Drill.await("the load's requests to finish", 60, () -> inFlight.get() == 0);
  }

  public Collection<Session> sessions() {
    return sessions.values();
  }

  /** How many answers of each status (0 = no answer) the client got. */
  /** The answers so far, once the load has run for a few seconds before the fault. */
  public Map<Integer, Integer> afterWarmUp() {
    Drill.pause(Duration.ofSeconds(5));
    return statuses();
  }

  public Map<Integer, Integer> statuses() {
    Map<Integer, Integer> counts = new TreeMap<>();
    statuses.forEach((status, count) -> counts.put(status, count.get()));
    return counts;
  }

  /** The first answer of each status that is not a 2xx, body included. */
  public Collection<Answer> refusals() {
    return firstByStatus.values().stream().filter(answer -> !answer.ok()).toList();
  }

  /** Answers by status since an earlier {@link #statuses()}. */
  public Map<Integer, Integer> statusesSince(Map<Integer, Integer> earlier) {
    Map<Integer, Integer> counts = statuses();
    earlier.forEach((status, count) -> counts.merge(status, -count, Integer::sum));
    counts.values().removeIf(count -> count == 0);
    return counts;
  }

  public int acknowledged() {
    return statuses.entrySet().stream()
        .filter(e -> e.getKey() / 100 == 2)
        .mapToInt(e -> e.getValue().get())
        .sum();
  }
}
