package io.conversationorchestrator.drills;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kill -9 under load: while a client creates conversations and messages at a steady rate, the
 * service is killed with SIGKILL and started again. Afterwards every 2xx is stored, every committed
 * change has its event on Kafka (in order), every timer that fell due meanwhile has fired, and
 * every event has exactly one callback delivery that reached the receiver (the callback consumer
 * dies mid-batch too: no delivery lost, no second delivery row).
 */
public final class KillNineDrill extends Drill {
  public static void main(String[] args) {
    main(new KillNineDrill(), args);
  }

  @Override
  protected void run(DrillStack stack, Verdict verdict, boolean quick) {
    try (DrillSink sink = new DrillSink()) {
      run(stack, sink, verdict, quick);
    }
  }

  private void run(DrillStack stack, DrillSink sink, Verdict verdict, boolean quick) {
    ServiceProcess service = stack.service("service", Map.of());
    DrillApi api = new DrillApi(List.of(service));
    String callbacks = "[{\"url\":\"" + sink.url("/events") + "\"}]";
    String configuration = api.createConfiguration(Drill.SMS_TIMERS, callbacks);
    Duration phase = Duration.ofSeconds(quick ? 5 : 20);
    ConversationLoad load = ConversationLoad.start(api, configuration, quick ? 20 : 40, 3);
    try {
      Drill.pause(phase);
      for (int kill = 1; kill <= (quick ? 1 : 3); kill++) {
        service.kill();
        verdict.note("SIGKILL " + kill, load.acknowledged() + " 2xx before it");
        service.start();
        Drill.pause(phase);
      }
    } finally {
      load.close();
    }
    verdict.note("answers by status (0: none, in flight at a kill or refused)", load.statuses());
    verdict.check("no 500", !load.statuses().containsKey(500), "no answer was a 500");
    load.refusals().forEach(refusal -> verdict.note("first " + refusal.status(), refusal.body()));
    Invariants.acknowledgedAreStored(stack, load, verdict);
    Invariants.allClosedByTimers(stack, verdict, 60);
    Invariants.outboxDrains(stack, verdict, 60);
    Invariants.everyChangeOnKafkaInOrder(stack, load, verdict);
    KafkaEvents events = KafkaEvents.read(stack.bootstrapServers(), TwoReplicasDrill.TOPIC);
    Set<String> conversations = Invariants.conversations(stack);
    CallbackChecks.check(stack, sink, events, conversations, true, verdict);
  }
}
