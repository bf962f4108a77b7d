package io.conversationorchestrator.drills;

import io.conversationorchestrator.testing.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service process (the packaged jar) of a drill; its output goes to a log file. */
public final class ServiceProcess implements AutoCloseable {
  static final String JAR = "target/quarkus-app/quarkus-run.jar";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final int port = Ports.free();
  private final Map<String, String> env;
  private final Path log;
  private Process process;

  ServiceProcess(String name, Map<String, String> env, Path log) {
    this.name = name;
    this.env = env;
    this.log = log;
  }

  /** Starts the jar (again, on the same port) and waits until it is live. */
  public synchronized ServiceProcess start() {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-Xmx512m", "-jar", JAR));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitLive(Duration.ofSeconds(120));
    return this;
  }

  private void awaitLive(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (health("live") != 200) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited at start-up; see " + log);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(name + " not live after " + timeout + "; see " + log);
      }
      Drill.pause(Duration.ofMillis(200));
    }
  }

  /** SIGKILL: no shutdown hook, no graceful drain, as when a node dies. */
  public synchronized void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM: Quarkus shuts down gracefully. */
  public synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void waitForExit() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public long pid() {
    return process.pid();
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** HTTP status of /q/health/{kind}, or 0 when nothing answers. */
  public int health(String kind) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(url("/q/health/" + kind)).timeout(Duration.ofSeconds(5)).build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return name + " (port " + port + ", log " + log + ")";
  }
}
