package io.conversationorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.CapturedLogs;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

/**
 * A client that goes away mid-request (a timeout on its side) is not a server error: the request's
 * transaction is rolled back, the event is counted, and Mutiny's "had to drop" ERROR is not logged.
 */
@QuarkusTest
class ClientDisconnectTest {
  @TestHTTPResource("/")
  URL server;

  @Inject HeldRequestResource requests;
  @Inject MeterRegistry registry;
  @Inject Pool pool;

  @Test
  void aClientGoingAwayRollsBackQuietlyAndIsCounted() throws IOException {
    String sid = "AC" + UUID.randomUUID().toString().replace("-", "");
    double before = disconnects();
    try (CapturedLogs logs = CapturedLogs.of("")) {
      try (Socket client = new Socket(server.getHost(), server.getPort())) {
        String request = "POST /test/held/" + sid + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
        client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        await().until(() -> requests.isHeld(sid)); // row written, transaction open, no answer
      } // the client goes away before the answer
      await().until(() -> !requests.isHeld(sid)); // the server cancelled the request's work
      await().until(() -> disconnects() > before);

      assertThat(accounts(sid)).as("committed rows").isZero();
      assertThat(claimNoOneHolds(sid)).as("the transaction is over, not left open").isOne();
      assertThat(logs.atLeast(Level.SEVERE)).noneMatch(m -> m.contains("Mutiny"));
    }
  }

  private double disconnects() {
    return registry.counter("orchestrator.http.client.disconnects").count();
  }

  private long accounts(String sid) {
    return pool.preparedQuery("select count(*) from account where sid = $1")
        .execute(Tuple.of(sid))
        .map(rows -> rows.iterator().next().getLong(0))
        .await()
        .atMost(Duration.ofSeconds(5));
  }

  /**
   * Inserts the same key: were the request's transaction still open, this would wait on its row
   * (and fail after the lock timeout) instead of inserting at once.
   */
  private int claimNoOneHolds(String sid) {
    return pool.withTransaction(
            c ->
                c.query("set local lock_timeout = '5s'")
                    .execute()
                    .chain(
                        () ->
                            c.preparedQuery(
                                    "insert into account (sid, auth_token_hash) values ($1, 'probe')")
                                .execute(Tuple.of(sid))))
        .map(rows -> rows.rowCount())
        .await()
        .atMost(Duration.ofSeconds(10));
  }

  private static ConditionFactory await() {
    return Awaitility.await().atMost(Duration.ofSeconds(20));
  }
}
