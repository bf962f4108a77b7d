package io.conversationorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.CapturedLogs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which dropped failures are a client going away (counted, DEBUG) and which are still errors. */
class DroppedFailuresTest {
  private static final IllegalStateException SESSION_CLOSED =
      new IllegalStateException("HR000060: Session is closed");

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            "a session closed with its transaction open",
            new IllegalStateException(
                "HR000090: Live transaction detected while closing the connection:"
                    + " it will be roll backed"),
            true),
        Arguments.of("Hibernate Reactive's closed session", SESSION_CLOSED, true),
        Arguments.of(
            "a closed connection of Hibernate Reactive",
            new IllegalStateException("HR000025: Connection is closed"),
            true),
        Arguments.of("a cancelled request", new CancellationException(), true),
        Arguments.of(
            "the HTTP connection closed", new HttpClosedException("Connection was closed"), true),
        Arguments.of("wrapped", new CompletionException(SESSION_CLOSED), true),
        Arguments.of(
            "all parts of a composite",
            new CompositeException(SESSION_CLOSED, new CancellationException()),
            true),
        Arguments.of(
            "a composite with a real failure",
            new CompositeException(SESSION_CLOSED, new NullPointerException()),
            false),
        Arguments.of("another illegal state", new IllegalStateException("bad state"), false),
        Arguments.of("a bug", new NullPointerException(), false),
        Arguments.of("the database away", new ConnectException("Connection refused"), false));
  }

  @ParameterizedTest(name = "{0}: client gone = {2}")
  @MethodSource("failures")
  void classifies(String what, Throwable failure, boolean clientGone) {
    assertThat(DroppedFailures.isClientGone(failure)).isEqualTo(clientGone);
  }

  @Test
  void aClientGoingAwayIsCountedWithoutWarning() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (CapturedLogs logs = CapturedLogs.of(DroppedFailures.class.getName())) {
      new DroppedFailures(registry).dropped(new CompletionException(SESSION_CLOSED));
      assertThat(logs.atLeast(Level.WARNING)).isEmpty();
    }
    assertThat(registry.counter("orchestrator.http.client.disconnects").count()).isEqualTo(1);
  }

  @Test
  void anythingElseIsStillAnErrorAndNotCounted() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (CapturedLogs logs = CapturedLogs.of(DroppedFailures.class.getName())) {
      new DroppedFailures(registry).dropped(new NullPointerException("bug"));
      assertThat(logs.atLeast(org.jboss.logmanager.Level.ERROR))
          .singleElement()
          .asString()
          .contains("Mutiny had to drop", "bug");
    }
    assertThat(registry.counter("orchestrator.http.client.disconnects").count()).isZero();
  }
}
