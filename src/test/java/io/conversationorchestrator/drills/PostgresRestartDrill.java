package io.conversationorchestrator.drills;

import com.fasterxml.jackson.databind.JsonNode;
import io.conversationorchestrator.drills.DrillApi.Answer;
import java.time.Duration;
import java.util.Map;

/**
 * PostgreSQL restart under load: the database stops for 20 s (5 s quick) and comes back. Requests
 * meanwhile get 503 with the contract's error body and a Retry-After (never a 500 or a stack trace,
 * neither then nor right after the restart); the same service process then serves again without a
 * restart, and nothing acknowledged is lost.
 */
public final class PostgresRestartDrill extends Drill {

  public static void main(String[] args) {
    main(new PostgresRestartDrill(), args);
  }

  @Override
  protected void run(DrillStack stack, Verdict verdict, boolean quick) {
    DrillStack.Single setup = stack.single();
    ServiceProcess service = setup.service();
    long pid = service.pid();
    DrillApi api = setup.api();
    ConversationLoad load = setup.startLoad(quick);
    try {
      Map<Integer, Integer> before = load.afterWarmUp();
      stack.stopPostgres();
      Drill.pause(Duration.ofSeconds(quick ? 5 : 20));
      Answer down = api.call("GET", "/v2/Conversations", null);
      stack.startPostgres();
      Map<Integer, Integer> during = load.statusesSince(before);
      verdict.note("answers while PostgreSQL was down", during);
      verdict.check("503 while down", down.status() == 503, "GET /v2/Conversations: " + down);
      verdict.check("with the error body", isErrorBody(down.body(), 503), down.body().toString());
      verdict.check(
          "saying when to retry", down.retryAfter() != null, "Retry-After: " + down.retryAfter());
      Map<Integer, Integer> restarted = load.statuses();
      Drill.await("a conversation created after the restart", 120, () -> created(load, restarted));
      verdict.check(
          "recovered without a restart",
          service.pid() == pid,
          "the same process (pid " + pid + ") creates conversations again");
      Drill.pause(Duration.ofSeconds(5));
    } finally {
      load.close();
    }
    // over the whole run: stale pooled connections fail on first use after the restart too
    Map<Integer, Integer> all = load.statuses();
    int errors =
        all.entrySet().stream()
            .filter(e -> isServerErrorOtherThan503(e.getKey()))
            .mapToInt(Map.Entry::getValue)
            .sum();
    verdict.check("never a 500", errors == 0, errors + " 5xx other than 503; answers: " + all);
    load.refusals().forEach(refusal -> verdict.note("first " + refusal.status(), refusal.body()));
    Invariants.acknowledgedAreStored(stack, load, verdict);
    Invariants.allClosedByTimers(stack, verdict, 60);
    Invariants.outboxDrains(stack, verdict, 60);
    Invariants.everyChangeOnKafkaInOrder(stack, load, verdict);
  }

  /** A 5xx that is not the retryable 503: what a client cannot act on. */
  private static boolean isServerErrorOtherThan503(int status) {
    return status >= 500 && status != 503;
  }

  private static boolean created(ConversationLoad load, Map<Integer, Integer> earlier) {
    return load.statusesSince(earlier).getOrDefault(201, 0) > 0;
  }

  /** The contract's error body: code, message, more_info and the HTTP status, nothing else. */
  private static boolean isErrorBody(JsonNode body, int status) {
    return body.path("code").isInt()
        && body.path("message").isTextual()
        && body.path("more_info").isTextual()
        && body.path("status").asInt() == status
        && body.size() == 4;
  }
}
