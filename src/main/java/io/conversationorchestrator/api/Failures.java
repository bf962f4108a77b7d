package io.conversationorchestrator.api;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Says where a failure comes from, so that a client is told what it can act on: 503 when the
 * database connection failed, 4xx when the database rejected the request's data, 500 only for a
 * defect. Classifies by origin rather than by a list of exception types: the I/O layer (any {@link
 * IOException}, Vert.x's own exceptions, timeouts) versus what PostgreSQL answered (its SQLSTATE).
 */
public final class Failures {
  private Failures() {}

  /** Where a failure comes from; declared from the most to the least outside the request. */
  public enum Kind {
    /** The database connection failed, closed, or could not be had in time: retry (503). */
    DATABASE_UNAVAILABLE,
    /** PostgreSQL aborted the transaction over contention (serialization, deadlock): retry. */
    TRANSIENT_CONFLICT,
    /** The request's data collides with a stored row (a unique key): 409. */
    CONFLICT,
    /** PostgreSQL rejected the request's data (SQLSTATE class 22 or 23): 400. */
    REJECTED_DATA,
    /** None of the above: a bug (500). */
    DEFECT
  }

  /**
   * A classified failure. {@code sqlState} is PostgreSQL's code when it answered, {@code column}
   * the column it named, if any; both may be null.
   */
  public record Failure(Kind kind, String sqlState, String column) {
    static final Failure DEFECT = new Failure(Kind.DEFECT, null, null);
  }

  /**
   * Classifies every throwable reachable from {@code e} and keeps the kind most outside the request
   * (the outermost one on a tie): frameworks wrap, and a rollback on a dropped connection adds its
   * own failure beside the first one.
   */
  public static Failure classify(Throwable e) {
    return reachable(e).stream()
        .map(Failures::classifyOne)
        .filter(Objects::nonNull)
        .min(Comparator.comparing(Failure::kind))
        .orElse(Failure.DEFECT);
  }

  /** True when the failure comes from the database connection (see {@link #classify}). */
  public static boolean isDatabaseUnavailable(Throwable e) {
    return classify(e).kind() == Kind.DATABASE_UNAVAILABLE;
  }

  /** True when PostgreSQL refused a row because of a unique constraint (SQLSTATE 23505). */
  public static boolean isUniqueViolation(Throwable e, String constraint) {
    return reachable(e).stream()
        .anyMatch(
            t ->
                "23505".equals(sqlState(t))
                    && (constraint == null || constraint.equals(constraintName(t))));
  }

  /** The kind of this one throwable, not looking at its causes; null when it says nothing. */
  private static Failure classifyOne(Throwable t) {
    String state = sqlState(t);
    if (state != null) {
      return new Failure(kindOf(state), state, t instanceof PgException pg ? pg.getColumn() : null);
    }
    if (fromIoLayer(t)) {
      return new Failure(Kind.DATABASE_UNAVAILABLE, null, null);
    }
    return null;
  }

  /**
   * Raised by the I/O machinery under a request, never by its data nor by our logic: socket and
   * channel errors; the Vert.x SQL client's closed connections and pool timeouts (VertxException,
   * or a NoStackTraceThrowable such as the pool's "Timeout"); a wait for an answer that ran out.
   */
  private static boolean fromIoLayer(Throwable t) {
    return t instanceof IOException
        || t instanceof VertxException && !(t instanceof DatabaseException)
        || t instanceof NoStackTraceThrowable
        || t instanceof TimeoutException;
  }

  /** By SQLSTATE class (PostgreSQL's appendix A). */
  private static Kind kindOf(String state) {
    if (state.equals("23505")) {
      return Kind.CONFLICT;
    }
    if (state.startsWith("40") || state.equals("55P03")) {
      return Kind.TRANSIENT_CONFLICT; // rolled back (serialization, deadlock) or lock not granted
    }
    return switch (state.length() < 2 ? "" : state.substring(0, 2)) {
      // connection exception, insufficient resources, operator intervention (shutdown,
      // cancel), system error (I/O at the server)
      case "08", "53", "57", "58" -> Kind.DATABASE_UNAVAILABLE;
      case "22", "23" -> Kind.REJECTED_DATA; // data exception, integrity constraint violation
      default -> Kind.DEFECT; // e.g. 42: our SQL is wrong
    };
  }

  /** PostgreSQL's SQLSTATE as the Vert.x client reports it, or as Hibernate converted it. */
  private static String sqlState(Throwable t) {
    if (t instanceof DatabaseException db) {
      return db.getSqlState();
    }
    if (t instanceof JDBCException converted) {
      return converted.getSQLState();
    }
    return t instanceof SQLException sql ? sql.getSQLState() : null;
  }

  private static String constraintName(Throwable t) {
    if (t instanceof PgException pg) {
      return pg.getConstraint();
    }
    return t instanceof ConstraintViolationException violation
        ? violation.getConstraintName()
        : null;
  }

  /** The failure, its causes, suppressed and composite causes, each once (chains can loop). */
  static List<Throwable> reachable(Throwable e) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> inOrder = new ArrayList<>();
    Deque<Throwable> pending = new ArrayDeque<>();
    if (e != null) {
      pending.add(e);
    }
    while (!pending.isEmpty()) {
      Throwable t = pending.poll();
      if (!seen.add(t)) {
        continue;
      }
      inOrder.add(t);
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
      pending.addAll(List.of(t.getSuppressed()));
      if (t instanceof CompositeException composite) {
        pending.addAll(composite.getCauses());
      }
    }
    return inOrder;
  }
}
