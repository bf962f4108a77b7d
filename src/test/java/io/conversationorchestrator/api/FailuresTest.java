package io.conversationorchestrator.api;

import static io.conversationorchestrator.api.Failures.Kind.CONFLICT;
import static io.conversationorchestrator.api.Failures.Kind.DATABASE_UNAVAILABLE;
import static io.conversationorchestrator.api.Failures.Kind.DEFECT;
import static io.conversationorchestrator.api.Failures.Kind.REJECTED_DATA;
import static io.conversationorchestrator.api.Failures.Kind.TRANSIENT_CONFLICT;
import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.api.Failures.Kind;
import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.TransactionRollbackException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where a failure comes from decides the answer: 503, 4xx, or 500 only for a defect. */
class FailuresTest {
  /** PostgreSQL's SQLSTATEs and what they mean for the client. */
  private static final Map<String, Kind> STATES =
      Map.of(
          "08006", DATABASE_UNAVAILABLE, // connection failure
          "53300", DATABASE_UNAVAILABLE, // too many connections
          "57P01", DATABASE_UNAVAILABLE, // admin shutdown (a restart)
          "22P05", REJECTED_DATA, // untranslatable character (a NUL byte)
          "22021", REJECTED_DATA, // invalid byte sequence
          "23505", CONFLICT, // unique violation
          "23503", REJECTED_DATA, // foreign key violation
          "40001", TRANSIENT_CONFLICT, // serialization failure
          "40P01", TRANSIENT_CONFLICT, // deadlock
          "42P01", DEFECT); // undefined table: our SQL is wrong

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void classifiesByOrigin(String name, Throwable failure, Kind expected) {
    assertThat(Failures.classify(failure).kind()).isEqualTo(expected);
  }

  static Stream<Arguments> failures() {
    return Stream.of(ioLayer(), sqlStates(), defects()).flatMap(s -> s);
  }

  private static Stream<Arguments> ioLayer() {
    return Stream.of(
        unavailable("reset", reset()),
        unavailable("reset in a RuntimeException", new RuntimeException("flush failed", reset())),
        unavailable("reset in a CompletionException", new CompletionException(reset())),
        unavailable(
            "reset in a CompositeException",
            new CompositeException(new IllegalStateException("rollback failed"), reset())),
        unavailable("reset as suppressed", suppressing(reset())),
        unavailable("SocketException", new SocketException("Connection reset")),
        unavailable("ConnectException", new ConnectException("Connection refused")),
        unavailable("ClosedChannelException", new ClosedChannelException()),
        unavailable("ClosedConnectionException", ClosedConnectionException.INSTANCE),
        unavailable("TransactionRollbackException", TransactionRollbackException.INSTANCE),
        unavailable("pool acquisition timeout", PoolTimeout.asThePoolFailsIt()));
  }

  /** Each state as the Vert.x client reports it and as Hibernate Reactive converts it. */
  private static Stream<Arguments> sqlStates() {
    return STATES.entrySet().stream()
        .flatMap(
            state ->
                Stream.of(
                    Arguments.of(
                        "PgException " + state.getKey(),
                        pg(state.getKey(), null),
                        state.getValue()),
                    Arguments.of(
                        "SQLException " + state.getKey(),
                        converted(state.getKey()),
                        state.getValue())));
  }

  private static Stream<Arguments> defects() {
    RuntimeException first = new RuntimeException("first");
    RuntimeException second = new RuntimeException("second", first);
    first.initCause(second); // a cause chain that loops
    return Stream.of(
        Arguments.of("IllegalStateException", new IllegalStateException("a bug"), DEFECT),
        Arguments.of("a looping cause chain", first, DEFECT));
  }

  @Test
  void thePoolReportsATimeoutAsAVertxThrowable() {
    assertThat(PoolTimeout.asThePoolFailsIt())
        .isInstanceOf(io.vertx.core.impl.NoStackTraceThrowable.class)
        .hasMessage("Timeout");
  }

  @Test
  void namesTheColumnPostgresNamed() {
    Failures.Failure failure =
        Failures.classify(new CompletionException(pg("22003", "friendly_name")));

    assertThat(failure).isEqualTo(new Failures.Failure(REJECTED_DATA, "22003", "friendly_name"));
  }

  @Test
  void recognisesAUniqueViolationByConstraint() {
    String key = "conversation_open_grouping_key";
    PgException raw = pg("23505", null, key);
    JDBCException converted =
        new ConstraintViolationException("duplicate", new SQLException("x", "23505"), key);

    assertThat(Failures.isUniqueViolation(new CompletionException(raw), key)).isTrue();
    assertThat(Failures.isUniqueViolation(converted, key)).isTrue();
    assertThat(Failures.isUniqueViolation(raw, "another_key")).isFalse();
    assertThat(Failures.isUniqueViolation(pg("23503", null), null)).isFalse();
  }

  private static Arguments unavailable(String name, Throwable failure) {
    return Arguments.of(name, failure, DATABASE_UNAVAILABLE);
  }

  private static IOException reset() {
    return new IOException("Connection reset by peer");
  }

  private static Throwable suppressing(Throwable suppressed) {
    IllegalStateException failure = new IllegalStateException("rollback failed");
    failure.addSuppressed(suppressed);
    return failure;
  }

  /** As Hibernate Reactive converts a server error: a JDBCException around an SQLException. */
  private static JDBCException converted(String sqlState) {
    return new JDBCException(
        "error executing SQL statement", new SQLException("server error", sqlState, 0));
  }

  private static PgException pg(String sqlState, String column) {
    return pg(sqlState, column, null);
  }

  /** PgException(message, severity, code, detail, hint, position, internalPosition, ...). */
  private static PgException pg(String sqlState, String column, String constraint) {
    return new PgException(
        "server error",
        "ERROR",
        sqlState,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "public",
        "conversation",
        column,
        null,
        constraint);
  }
}
