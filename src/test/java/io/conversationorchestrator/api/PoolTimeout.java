package io.conversationorchestrator.api;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The failure the Vert.x pool really reports when no connection can be had in time: a pool whose
 * server accepts the TCP connection and never answers the start-up message.
 */
final class PoolTimeout {
  private PoolTimeout() {}

  static Throwable asThePoolFailsIt() {
    Vertx vertx = Vertx.vertx();
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Pool pool =
          PgBuilder.pool()
              .with(
                  new PoolOptions()
                      .setMaxSize(1)
                      .setConnectionTimeout(200)
                      .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
              .connectingTo(
                  new PgConnectOptions()
                      .setHost(silent.getInetAddress().getHostAddress())
                      .setPort(silent.getLocalPort()))
              .using(vertx)
              .build();
      return failureOf(pool);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  private static Throwable failureOf(Pool pool) {
    try {
      pool.getConnection().toCompletionStage().toCompletableFuture().join();
      throw new AssertionError("a connection from a server that never answers");
    } catch (CompletionException e) {
      return e.getCause();
    }
  }
}
