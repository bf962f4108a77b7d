package io.conversationorchestrator.testing;

import java.util.logging.Level;
import org.jboss.logmanager.Logger;

/**
 * Log levels for the embedded servers and probes, set before Quarkus configures logging. Through
 * JBoss LogManager, where SLF4J (slf4j-jboss-logmanager) sends their logs in the test JVM and in
 * the launcher alike.
 */
final class Logs {
  private Logs() {}

  static void warningsOnly(String... categories) {
    set(Level.WARNING, categories);
  }

  static void set(Level level, String... categories) {
    for (String category : categories) {
      Logger.getLogger(category).setLevel(level);
    }
  }
}
