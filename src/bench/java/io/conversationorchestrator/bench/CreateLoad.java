package io.conversationorchestrator.bench;

import static io.conversationorchestrator.bench.Bench.secs;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;

/**
 * The create benchmark's HTTP load: POST /v2/Conversations on one HttpClient, in a closed or an
 * open loop; everything runs on the harness's one event loop.
 */
final class CreateLoad {
  final CreateThroughput bench;
  final io.vertx.core.http.HttpClient client;
  final RequestOptions post;
  final Histogram latency = new Histogram(60_000_000L, 3); // microseconds
  final CompletableFuture<CreateLoad> finished = new CompletableFuture<>();
  long start;
  long end;
  long lastDone;
  long completed;
  long errors;
  long inFlight;
  boolean sending = true;
  String firstError;

  CreateLoad(CreateThroughput bench, int connections) {
    this.bench = bench;
    client =
        bench.vertx.createHttpClient(
            new HttpClientOptions()
                .setMaxPoolSize(connections)
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setDefaultHost(bench.service.getHost())
                .setDefaultPort(bench.service.getPort()));
    post =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setURI("/v2/Conversations")
            .putHeader("Content-Type", "application/json")
            .putHeader("Authorization", basic())
            .setIdleTimeout(60_000); // a hung service fails the request instead of the whole run
  }

  /** Sends one create; its latency counts from {@code intended} (System.nanoTime()). */
  void send(long intended, Runnable then) {
    inFlight++;
    RequestOptions options = post;
    if (bench.idempotency) {
      options = new RequestOptions(post).putHeader("Idempotency-Key", UUID.randomUUID().toString());
    }
    Buffer body =
        Buffer.buffer(
            bench.requestBody(CreateThroughput.customerAddress(bench.customers.incrementAndGet())));
    client
        .request(options)
        .compose(request -> request.send(body))
        .compose(
            response ->
                response
                    .body()
                    .map(
                        b -> {
                          if (response.statusCode() != 201) {
                            throw new IllegalStateException(
                                response.statusCode() + " " + b.toString(StandardCharsets.UTF_8));
                          }
                          return b;
                        }))
        .onComplete(
            result -> {
              inFlight--;
              long now = System.nanoTime();
              if (result.succeeded()) {
                completed++;
                lastDone = now;
                latency.recordValue(
                    Math.min(
                        Math.max(1, (now - intended) / 1000), latency.getHighestTrackableValue()));
              } else if (++errors == 1) {
                firstError = result.cause().getMessage();
              }
              then.run();
            });
  }

  void closedNext() {
    if (System.nanoTime() < end && errors < CreateThroughput.MAX_ERRORS) {
      send(System.nanoTime(), this::closedNext);
    } else if (inFlight == 0) {
      finished.complete(this);
    }
  }

  void pacedNext() {
    if (!sending && inFlight == 0) {
      finished.complete(this);
    }
  }

  /** Creates per second: completed / (last completion − start). */
  double rate() {
    return completed == 0 ? 0 : completed / ((lastDone - start) / 1e9);
  }

  CreateLoad await() throws Exception {
    finished.get();
    bench.created += completed;
    client.close().toCompletionStage().toCompletableFuture().get();
    return this;
  }

  /** Closed loop: {@code c} connections, each sending its next request when the last answered. */
  static CreateLoad closedLoop(CreateThroughput bench, int c, int secs) throws Exception {
    CreateLoad load = new CreateLoad(bench, c);
    bench.vertx.runOnContext(
        ignored -> {
          load.start = System.nanoTime();
          load.end = load.start + secs * 1_000_000_000L;
          for (int i = 0; i < c; i++) {
            load.send(System.nanoTime(), load::closedNext);
          }
        });
    return load.await();
  }

  /**
   * Open loop: request i is due at start + i / rate whether or not earlier ones have answered, and
   * its latency counts from then (no coordinated omission); up to 256 connections, then queued.
   */
  static CreateLoad paced(CreateThroughput bench, double rate, int secs) throws Exception {
    CreateLoad load = new CreateLoad(bench, 256);
    long total = Math.round(rate * secs);
    bench.vertx.runOnContext(
        ignored -> {
          load.start = System.nanoTime();
          long[] sent = {0};
          bench.vertx.setPeriodic(
              1,
              timer -> {
                long now = System.nanoTime();
                long due;
                while (sent[0] < total
                    && (due = load.start + (long) (sent[0] * 1e9 / rate)) <= now) {
                  load.send(due, load::pacedNext);
                  sent[0]++;
                }
                if (sent[0] >= total || load.errors >= CreateThroughput.MAX_ERRORS) {
                  bench.vertx.cancelTimer(timer);
                  load.sending = false;
                  load.pacedNext();
                }
              });
        });
    return load.await();
  }

  static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (CreateThroughput.ACCOUNT + ":" + CreateThroughput.TOKEN)
                    .getBytes(StandardCharsets.UTF_8));
  }
}
