package io.conversationorchestrator.testing;

/** A Kafka broker for the service; tests may stop it and start it again on the same address. */
public interface KafkaBroker extends AutoCloseable {

  String bootstrapServers();

  /** Stops the broker: clients see it unreachable until {@link #start()}. */
  void stop();

  /** Starts the broker again on the same bootstrap address (the running app reconnects). */
  void start();

  /** False for a broker we did not start (env vars): tests that restart it must skip. */
  default boolean restartable() {
    return true;
  }

  @Override
  void close();

  /** A broker someone else runs: it cannot be stopped from here. */
  record External(String bootstrapServers) implements KafkaBroker {
    @Override
    public void stop() {
      throw new UnsupportedOperationException("Kafka at " + bootstrapServers + " is external");
    }

    @Override
    public void start() {
      stop();
    }

    @Override
    public boolean restartable() {
      return false;
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
      return "configured Kafka at " + bootstrapServers;
    }
  }
}
