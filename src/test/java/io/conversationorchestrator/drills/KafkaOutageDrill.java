package io.conversationorchestrator.drills;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Kafka outage under load: the broker stops for 60 s (15 s quick) while a client creates
 * conversations and messages. The API keeps answering 2xx (events wait in the outbox), readiness
 * turns 503 and liveness stays 200; once the broker is back every event arrives, in order.
 */
public final class KafkaOutageDrill extends Drill {

  public static void main(String[] args) {
    main(new KafkaOutageDrill(), args);
  }

  @Override
  protected void run(DrillStack stack, Verdict verdict, boolean quick) {
    DrillStack.Single setup = stack.single();
    ServiceProcess service = setup.service();
    DrillApi api = setup.api();
    ConversationLoad load = setup.startLoad(quick);
    try {
      Map<Integer, Integer> before = load.afterWarmUp();
      stack.stopKafka();
      Health health = watch(service, Duration.ofSeconds(quick ? 15 : 60));
      Map<Integer, Integer> during = load.statusesSince(before);
      stack.startKafka();
      verdict.note("answers during the outage", during);
      verdict.check(
          "the API kept answering 2xx",
          during.keySet().stream().allMatch(status -> status / 100 == 2 || status == 409)
              && during.getOrDefault(201, 0) > 0,
          during.getOrDefault(201, 0) + " created, no other answer than 2xx or 409 (closed)");
      verdict.check(
          "readiness reflected Kafka", health.sawNotReady, "503 while the broker was down");
      verdict.check("liveness stayed 200", health.alwaysLive, "every probe answered 200");
      Drill.await("readiness after the broker returned", 120, () -> service.health("ready") == 200);
      verdict.check("ready again", true, "readiness 200 after the broker returned");
      Drill.pause(Duration.ofSeconds(5));
    } finally {
      load.close();
    }
    Invariants.acknowledgedAreStored(stack, load, verdict);
    Invariants.allClosedByTimers(stack, verdict, 60);
    Invariants.outboxDrains(stack, verdict, 120);
    Invariants.everyChangeOnKafkaInOrder(stack, load, verdict);
  }

  private record Health(boolean sawNotReady, boolean alwaysLive) {}

  /** Probes readiness and liveness every half second for {@code outage}. */
  private static Health watch(ServiceProcess service, Duration outage) {
    Instant end = Instant.now().plus(outage);
    boolean sawNotReady = false;
    boolean alwaysLive = true;
    while (Instant.now().isBefore(end)) {
      sawNotReady |= service.health("ready") == 503;
      alwaysLive &= service.health("live") == 200;
      Drill.pause(Duration.ofMillis(500));
    }
    return new Health(sawNotReady, alwaysLive);
  }
}
