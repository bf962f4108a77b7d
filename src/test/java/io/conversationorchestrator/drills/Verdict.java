package io.conversationorchestrator.drills;

import java.util.ArrayList;
import java.util.List;

/** The checks of one drill run, printed as they are made; the drill passes when all pass. */
public final class Verdict {
  private final List<String> failures = new ArrayList<>();

  /** Records and prints one check. */
  public Verdict check(String what, boolean passed, String detail) {
    System.out.printf("%s  %s: %s%n", passed ? "PASS" : "FAIL", what, detail);
    if (!passed) {
      failures.add(what + ": " + detail);
    }
    return this;
  }

  /** Prints a figure that is not a check. */
  public void note(String what, Object value) {
    System.out.printf("      %s: %s%n", what, value);
  }

  public boolean passed() {
    return failures.isEmpty();
  }

  public List<String> failures() {
    return failures;
  }
}
