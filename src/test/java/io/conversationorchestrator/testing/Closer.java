package io.conversationorchestrator.testing;

import java.util.ArrayDeque;
import java.util.Deque;

/** Closes what was started, newest first, once; also from a JVM shutdown hook. */
public final class Closer implements AutoCloseable {
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();

  public synchronized <T extends AutoCloseable> T register(T resource) {
    resources.push(resource);
    return resource;
  }

  @Override
  public synchronized void close() {
    while (!resources.isEmpty()) {
      closeQuietly(resources.pop());
    }
  }

  /** Closes on JVM exit too, so a test run or a Ctrl-C never leaves a postmaster behind. */
  public Closer closeOnExit() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "infrastructure-closer"));
    return this;
  }

  static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      System.err.println("Could not stop " + resource + ": " + e);
    }
  }
}
