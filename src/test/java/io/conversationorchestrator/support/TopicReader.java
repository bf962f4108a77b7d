package io.conversationorchestrator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads a topic from the beginning, as an outside consumer of the domain events would. */
public final class TopicReader implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final KafkaConsumer<String, String> consumer;
  private final List<Event> seen = new ArrayList<>();

  /**
   * One record: its key, CloudEvents headers, JSON value and W3C {@code traceparent} header, and
   * every header by name (the last value of each).
   */
  public record Event(
      String key,
      String ceId,
      String ceType,
      String ceSubject,
      String ceTime,
      String ceSource,
      JsonNode value,
      String traceparent,
      Map<String, String> headers) {
    public String type() {
      return value.path("eventType").asText();
    }

    public String status() {
      return value.path("status").asText(null);
    }

    public String reason() {
      return value.path("reason").asText(null);
    }
  }

  public TopicReader(String topic) {
    Properties props = new Properties();
    props.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(topic));
  }

  /** Every event read so far for a key, in partition order. */
  public synchronized List<Event> forKey(String key) {
    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
      seen.add(event(r));
    }
    return seen.stream().filter(e -> key.equals(e.key())).toList();
  }

  /** Waits until the events of a key satisfy a condition, then answers them. */
  public List<Event> await(String key, Duration timeout, Predicate<List<Event>> done) {
    return Awaitility.await()
        .atMost(timeout)
        .pollDelay(Duration.ZERO)
        .until(() -> forKey(key), done::test);
  }

  private static Event event(ConsumerRecord<String, String> r) {
    try {
      return new Event(
          r.key(),
          header(r, "ce_id"),
          header(r, "ce_type"),
          header(r, "ce_subject"),
          header(r, "ce_time"),
          header(r, "ce_source"),
          JSON.readTree(r.value()),
          header(r, "traceparent"),
          headers(r));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> headers(ConsumerRecord<String, String> r) {
    Map<String, String> headers = new HashMap<>();
    for (Header h : r.headers()) {
      headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }

  private static String header(ConsumerRecord<String, String> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
