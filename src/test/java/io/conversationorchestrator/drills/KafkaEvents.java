package io.conversationorchestrator.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The conversation events on Kafka, read from the beginning to the end as of the read: per
 * conversation (the record key) in partition order, each {@code ce_id} once (its first copy; the
 * relay may publish a copy again after a crash, which is the documented at-least-once).
 */
public final class KafkaEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One event: its CloudEvents id and type, the status fields and the id of its subject. */
  public record Event(String ceId, String type, String status, String previousStatus, String id) {}

  private final Map<String, List<Event>> byConversation = new HashMap<>();
  private int records;
  private int copies;

  private KafkaEvents() {}

  public static KafkaEvents read(String bootstrapServers, String topic) {
    KafkaEvents events = new KafkaEvents();
    try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Set<String> seen = new HashSet<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          events.add(r, seen);
        }
      }
    }
    return events;
  }

  private void add(ConsumerRecord<String, String> r, Set<String> seen) {
    records++;
    String ceId = header(r, "ce_id");
    if (!seen.add(ceId)) {
      copies++;
      return;
    }
    JsonNode value = parse(r.value());
    Event event =
        new Event(
            ceId,
            value.path("eventType").asText(),
            value.path("status").asText(null),
            value.path("previousStatus").asText(null),
            value.path("data").path("id").asText(null));
    byConversation.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(event);
  }

  /** A conversation's events, each once, in the order Kafka holds them. */
  public List<Event> of(String conversationId) {
    return byConversation.getOrDefault(conversationId, List.of());
  }

  /** Records read, copies included. */
  public int records() {
    return records;
  }

  /** Records whose {@code ce_id} had been read before. */
  public int copies() {
    return copies;
  }

  private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return new KafkaConsumer<>(props);
  }

  private static String header(ConsumerRecord<String, String> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static JsonNode parse(String value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
