package io.conversationorchestrator.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.Logger;

/**
 * Records what is logged under a category (and below it) while open, through JBoss LogManager where
 * Quarkus and the libraries log in the test JVM. Records below the category's level are not seen.
 */
public final class CapturedLogs implements AutoCloseable {
  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private CapturedLogs(String category) {
    logger = Logger.getLogger(category);
    logger.addHandler(handler);
  }

  /** Captures a category; "" is the root, so everything. */
  public static CapturedLogs of(String category) {
    return new CapturedLogs(category);
  }

  /** The messages logged at this level or above, each with its exception's, if any. */
  public List<String> atLeast(Level level) {
    return records.stream()
        .filter(r -> r.getLevel().intValue() >= level.intValue())
        .map(r -> r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()))
        .toList();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
