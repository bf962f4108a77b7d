package io.conversationorchestrator.drills;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A fault drill: breaks something under load on a {@link DrillStack} and checks that nothing was
 * lost. Each drill is a program ({@code main}, exit code 0 when every check passed; {@code --quick}
 * for the short version CI runs) and {@link DrillsIT} runs the quick versions in {@code ./mvnw
 * verify}.
 */
public abstract class Drill {
  /** SMS timers of the drills' configurations, in seconds: INACTIVE after 5, CLOSED after 10. */
  public static final String SMS_TIMERS =
      "{\"SMS\":{\"statusTimeouts\":{\"inactive\":5,\"closed\":10}}}";

  /** Runs the drill on a fresh stack and answers its verdict. */
  public final Verdict run(boolean quick) {
    String name = getClass().getSimpleName();
    System.out.printf("== %s%s%n", name, quick ? " (quick)" : "");
    Verdict verdict = new Verdict();
    long started = System.nanoTime();
    try (DrillStack stack = DrillStack.start(name)) {
      run(stack, verdict, quick);
    } catch (RuntimeException e) {
      verdict.check("the drill ran to its end", false, e.toString());
    }
    System.out.printf(
        "== %s %s in %d s%n",
        name,
        verdict.passed() ? "PASSED" : "FAILED",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    return verdict;
  }

  protected abstract void run(DrillStack stack, Verdict verdict, boolean quick);

  /** A drill's main: {@code --quick} chooses the short version; exit code 0 when it passed. */
  protected static void main(Drill drill, String[] args) {
    boolean passed = drill.run(List.of(args).contains("--quick")).passed();
    System.exit(passed ? 0 : 1);
  }

  /** Waits until {@code condition} holds; a timeout fails the drill with {@code what}. */
  static void await(String what, int seconds, Callable<Boolean> condition) {
    try {
      Awaitility.await(what)
          .atMost(Duration.ofSeconds(seconds))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(condition);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("timed out after " + seconds + " s waiting for " + what);
    }
  }

  /**
   * Lets the scenario run for a while (load during an outage, say). Not a wait for a condition: the
   * time itself is the point.
   */
  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
