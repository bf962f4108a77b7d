package io.conversationorchestrator.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpClosedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CancellationException;
import org.jboss.logging.Logger;

/**
 * Failures that Mutiny drops because nobody waits for them any more. When a client goes away
 * mid-request, Quarkus REST cancels the request's Uni and Panache closes its session: Hibernate
 * Reactive rolls the open transaction back and reports it with a failure (HR000090 "Live
 * transaction detected while closing the connection"), and work still under way then finds the
 * session closed. That is the client's doing, not a fault: it is counted and logged at DEBUG. Any
 * other dropped failure is still logged, at WARN when the database went away and at ERROR
 * otherwise.
 */
@ApplicationScoped
public class DroppedFailures {
  private static final Logger LOG = Logger.getLogger(DroppedFailures.class);

  private final Counter clientGone;

  public DroppedFailures(MeterRegistry registry) {
    this.clientGone =
        Counter.builder("orchestrator.http.client.disconnects")
            .description(
                "Requests whose client went away: their work was cancelled and rolled back")
            .register(registry);
  }

  void install(@Observes StartupEvent event) {
    Infrastructure.setDroppedExceptionHandler(this::dropped);
  }

  void dropped(Throwable failure) {
    if (isClientGone(failure)) {
      clientGone.increment();
      LOG.debugf("Request cancelled, its client went away: %s", failure);
    } else if (Failures.isDatabaseUnavailable(failure)) {
      LOG.warnf(
          "Mutiny dropped a failure of a cancelled operation, database unavailable: %s", failure);
    } else {
      LOG.error("Mutiny had to drop the following exception", failure);
    }
  }

  /** True when the failure only says that the work was cut short: cancelled or closed under it. */
  static boolean isClientGone(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CancellationException
          || t instanceof HttpClosedException
          || t instanceof IllegalStateException && isClosedSession(t.getMessage())) {
        return true;
      }
      if (t instanceof CompositeException composite) {
        return composite.getCauses().stream().allMatch(DroppedFailures::isClientGone);
      }
    }
    return false;
  }

  // Hibernate Reactive: HR000090 (a session closed with its transaction open: rolled back),
  // HR000060 "Session is closed" and "Connection is closed" (work that went on after the close)
  private static boolean isClosedSession(String message) {
    return message != null
        && (message.contains("Live transaction detected while closing the connection")
            || message.endsWith("Session is closed")
            || message.endsWith("Connection is closed"));
  }
}
