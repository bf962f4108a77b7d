package io.conversationorchestrator.platform;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/**
 * Hibernate Reactive works only on the Vert.x context that opened its session. Work resumed by
 * Kafka's threads, timers or retries must be handed back to that context with this executor.
 */
public final class VertxContexts {
  private VertxContexts() {}

  /** An executor running tasks on the calling thread's Vert.x context (there must be one). */
  public static Executor current() {
    Context context = Vertx.currentContext();
    if (context == null) {
      throw new IllegalStateException("Not on a Vert.x context");
    }
    return task -> context.runOnContext(ignored -> task.run());
  }
}
