package io.conversationorchestrator.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP receiver of status callbacks. Each path behaves as told: answer a status, fail a
 * number of times first, or hang (never answer). Every request is recorded.
 */
public final class CallbackSink implements AutoCloseable {
  /** One received request. */
  public record Received(
      Instant at,
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();

  private record Behaviour(int failures, int failStatus, boolean hang, AtomicInteger seen) {}

  public CallbackSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  /** A URL of this sink on {@code localhost}, which the test profile allows as a target. */
  public String url(String path) {
    return "http://localhost:" + server.getAddress().getPort() + path;
  }

  /** The same sink under another host name (127.0.0.1, also allowed in tests): another host. */
  public String otherHostUrl(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** A loopback address the test profile does not allow: the SSRF guard must refuse it. */
  public String forbiddenUrl(String path) {
    return "http://127.0.0.2:" + server.getAddress().getPort() + path;
  }

  public void failFirst(String path, int failures, int status) {
    behaviours.put(path, new Behaviour(failures, status, false, new AtomicInteger()));
  }

  public void hang(String path) {
    behaviours.put(path, new Behaviour(0, 0, true, new AtomicInteger()));
  }

  public List<Received> at(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    received.add(
        new Received(
            Instant.now(),
            exchange.getRequestMethod(),
            path,
            exchange.getRequestURI().getRawQuery(),
            Map.copyOf(exchange.getRequestHeaders()),
            body));
    Behaviour b = behaviours.get(path);
    if (b != null && b.hang()) {
      return; // never answers; the sender's timeout ends the attempt
    }
    int status = b != null && b.seen().incrementAndGet() <= b.failures() ? b.failStatus() : 200;
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
