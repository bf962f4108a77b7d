package io.conversationorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/** What counts as "the database is unavailable" (503) rather than a bug (500). */
class FailuresTest {

  @Test
  void connectionsRefusedResetOrTerminatedAreUnavailability() {
    assertThat(Failures.isDatabaseUnavailable(new ConnectException("Connection refused"))).isTrue();
    // seen in the PostgreSQL-restart drill: a reset wrapped by Hibernate, then by Mutiny
    SocketException reset = new SocketException("Connection reset");
    CompositeException composite =
        new CompositeException(new IllegalStateException("rollback failed"), reset);
    assertThat(Failures.isDatabaseUnavailable(composite)).isTrue();
    assertThat(
            Failures.isDatabaseUnavailable(
                new PgException("terminating connection", "FATAL", "57P01", null)))
        .isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(Failures.isDatabaseUnavailable(new IllegalStateException("a bug"))).isFalse();
    assertThat(
            Failures.isDatabaseUnavailable(
                new PgException("duplicate key", "ERROR", "23505", null)))
        .isFalse();
  }
}
