package io.conversationorchestrator.api;

import io.smallrye.mutiny.CompositeException;
import java.net.SocketException;
import java.util.Locale;

/** Classifies infrastructure failures so clients get 503 (retryable), not 500. */
public final class Failures {
  private Failures() {}

  public static boolean isDatabaseUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      // A socket error (refused, reset by a server going down), a connection closed under us, or
      // PostgreSQL shutting down (SQLSTATE class 08, 57P01-57P03): the database, not the request.
      if (t instanceof SocketException
          || t instanceof io.vertx.sqlclient.ClosedConnectionException
          || t instanceof io.vertx.pgclient.PgException pg && isConnectionState(pg.getSqlState())) {
        return true;
      }
      if (t instanceof CompositeException composite
          && composite.getCauses().stream().anyMatch(Failures::isDatabaseUnavailable)) {
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

  private static boolean isConnectionState(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
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
