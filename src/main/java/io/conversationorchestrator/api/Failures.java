package io.conversationorchestrator.api;

import java.net.ConnectException;
import java.util.Locale;

/** Classifies infrastructure failures so clients get 503 (retryable), not 500. */
public final class Failures {
  private Failures() {}

  public static boolean isDatabaseUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof io.vertx.sqlclient.ClosedConnectionException) {
        return true;
      }
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("connection refused")
          || message.contains("connection is not active")
          || message.contains("the database system is")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** True when PostgreSQL refused a row because of a unique constraint (SQLSTATE 23505). */
  public static boolean isUniqueViolation(Throwable e, String constraint) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.vertx.pgclient.PgException pg
          && "23505".equals(pg.getSqlState())
          && (constraint == null || constraint.equals(pg.getConstraint()))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
