package io.conversationorchestrator.logging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.logging.Handler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * JSON console logs in production. The quarkus-logging-json extension is not available from the
 * registry this project builds against, so the same switch ({@code quarkus.log.console.json}) puts
 * JBoss LogManager's own JSON formatter on the console handler once the application starts.
 */
@ApplicationScoped
public class JsonLogs {
  void onStart(
      @Observes @Priority(1) StartupEvent event,
      @ConfigProperty(name = "quarkus.log.console.json") Optional<Boolean> json) {
    if (json.orElse(false)) {
      for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
        useJson(handler);
      }
    }
  }

  private static void useJson(Handler handler) {
    if (handler instanceof ConsoleHandler console) {
      console.setFormatter(new JsonLogFormatter());
    }
    if (handler instanceof ExtHandler parent) {
      for (Handler child : parent.getHandlers()) {
        useJson(child);
      }
    }
  }
}
