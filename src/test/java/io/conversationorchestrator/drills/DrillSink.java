package io.conversationorchestrator.drills;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A status-callback receiver in the drill's JVM, on 127.0.0.1. Every request is recorded with its
 * delivery id ({@code webhook-id}); each path answers as told, by the how-manieth time it sees that
 * delivery id (so "fail twice, then succeed" holds per delivery, not per path). Default: 200.
 */
public final class DrillSink implements AutoCloseable {
  /** One request as received. */
  public record Receipt(Instant at, String path, String deliveryId, String token, String body) {}

  /** How a path answers: a status, a redirect, or an answer later than the sender waits. */
  public record Reply(int status, String location, Duration delay) {
    public static Reply status(int status) {
      return new Reply(status, null, Duration.ZERO);
    }

    public static Reply redirect(String location) {
      return new Reply(302, location, Duration.ZERO);
    }

    public static Reply late(Duration delay) {
      return new Reply(200, null, delay);
    }
  }

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newFixedThreadPool(8);
  private final ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor();
  private final List<Receipt> receipts = new CopyOnWriteArrayList<>();
  private final Map<String, IntFunction<Reply>> paths = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

  public DrillSink() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** How {@code path} answers the n-th request (from 1) of each delivery id. */
  public void on(String path, IntFunction<Reply> reply) {
    paths.put(path, reply);
  }

  public List<Receipt> receipts() {
    return List.copyOf(receipts);
  }

  public List<Receipt> at(String path) {
    return receipts.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    String id = exchange.getRequestHeaders().getFirst("webhook-id");
    receipts.add(
        new Receipt(
            Instant.now(),
            path,
            id,
            exchange.getRequestHeaders().getFirst("I-Twilio-Idempotency-Token"),
            body));
    int n = seen.computeIfAbsent(path + " " + id, k -> new AtomicInteger()).incrementAndGet();
    Reply reply = paths.getOrDefault(path, any -> Reply.status(200)).apply(n);
    if (reply.delay().isZero()) {
      answer(exchange, reply);
    } else { // off this thread: a slow receiver must not hold the sink's other answers
      late.schedule(() -> answer(exchange, reply), reply.delay().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static void answer(HttpExchange exchange, Reply reply) {
    try (exchange) {
      if (reply.location() != null) {
        exchange.getResponseHeaders().add("Location", reply.location());
      }
      exchange.sendResponseHeaders(reply.status(), -1);
    } catch (IOException e) {
      // the sender gave up (timeout) and closed the connection first: expected for late replies
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
    late.shutdownNow();
  }
}
