package io.conversationorchestrator.bench;

import static io.conversationorchestrator.bench.Bench.env;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Vert.x HTTP server on loopback (BENCH_SINK_THREADS event loops, default 1): /ok/* answers 200
 * with no body as soon as the request's body is in, /hang/* never answers. Counts requests by path
 * and keeps the receive time of each request to the timed path.
 */
final class CallbackSink {
  final Vertx vertx =
      Vertx.vertx(new VertxOptions().setEventLoopPoolSize(threads()).setWorkerPoolSize(1));
  final HttpServer server;
  final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  final Map<String, String> lastBody = new ConcurrentHashMap<>();
  final ConcurrentLinkedQueue<HttpServerRequest> hanging = new ConcurrentLinkedQueue<>();
  volatile String timed; // the path whose receive times are kept
  volatile long[] times = new long[0];
  final AtomicInteger timeCount = new AtomicInteger();

  CallbackSink() throws Exception {
    HttpServer s = null;
    for (int i = 0; i < threads(); i++) { // one server instance per event loop, sharing the port
      HttpServer instance =
          vertx.createHttpServer(
              new HttpServerOptions()
                  .setHost("127.0.0.1")
                  .setPort(s == null ? 0 : s.actualPort())
                  .setTcpNoDelay(true)
                  .setIdleTimeout(0));
      instance.requestHandler(this::handle);
      instance.listen().toCompletionStage().toCompletableFuture().get();
      s = s == null ? instance : s;
    }
    server = s;
  }

  static int threads() {
    return Integer.parseInt(env("BENCH_SINK_THREADS", "1"));
  }

  int port() {
    return server.actualPort();
  }

  String url(String host, String path) {
    return "http://" + host + ":" + port() + path;
  }

  void expect(String path, int count) {
    times = new long[count + 1024];
    timeCount.set(0);
    timed = path;
  }

  long count(String path) {
    AtomicLong c = counts.get(path);
    return c == null ? 0 : c.get();
  }

  void handle(HttpServerRequest request) {
    Instant at = Instant.now();
    String path = request.path();
    request
        .body()
        .onSuccess(
            body -> {
              counts.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
              if (path.equals(timed)) {
                int i = timeCount.getAndIncrement();
                long[] t = times;
                if (i < t.length) {
                  t[i] = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
                }
              }
              if (path.equals("/ok/sample")) {
                lastBody.put(path, body.toString(StandardCharsets.UTF_8));
              }
              if (path.startsWith("/hang/")) {
                hanging.add(request); // never answered; closed with the sink
                return;
              }
              request.response().setStatusCode(path.startsWith("/ok/") ? 200 : 404).end();
            });
  }

  /** Closes the connections of the requests held open. */
  void releaseHanging() {
    for (HttpServerRequest r = hanging.poll(); r != null; r = hanging.poll()) {
      r.connection().close();
    }
  }

  /** Receive time − t of each timed request, sorted, in microseconds. */
  long[] delaysMicros(String path, Instant t) {
    long t0 = t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    int k = Math.min(timeCount.get(), times.length);
    long[] d = new long[k];
    for (int i = 0; i < k; i++) {
      d[i] = times[i] - t0;
    }
    Arrays.sort(d);
    return d;
  }

  void close() throws Exception {
    vertx
        .close()
        .toCompletionStage()
        .toCompletableFuture()
        .get(); // closes the held connections too
  }
}
