package io.conversationorchestrator.callback;

import java.util.List;

/** The attempts document of a delivery. */
public record Attempts(List<Attempt> attempts) {
  public Attempts {
    attempts = attempts == null ? List.of() : attempts;
  }
}
