package io.conversationorchestrator.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.Callbacks;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.Ingestion;
import io.conversationorchestrator.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CLOSED stays final: traffic for a grouping key whose conversation was CLOSED opens a new one that
 * names, in {@code previousConversationId}, the key's latest conversation CLOSED within the
 * reopen-link window (7 days). Close instants are moved in the database, never waited for.
 */
@QuarkusTest
class ReopenLinkTest {
  private static final String CUSTOMER = "+15557770000";
  private static final String CONVERSATIONS = "/v2/Conversations";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject Pool pool;

  /** The ways traffic of one customer reaches the grouping of a scope. */
  enum Arrival {
    INGEST_REST,
    INGEST_KAFKA,
    API_CREATE,
    API_CREATE_INLINE
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Arrival.class)
  void aClosedKeysNextConversationLinksTheLatestCloseWithinTheWindow(Arrival arrival) {
    Api api = Api.newAccount();
    String config = Ingestion.configuration(api, "GROUP_BY_PROFILE", Ingestion.smsRules());
    try (TopicReader topic = new TopicReader("conversations")) {
      String first = arrive(api, arrival, config);
      assertThat(previous(api, first)).isNull();
      // open: the traffic joins it, no new conversation
      if (arrival == Arrival.INGEST_REST) {
        assertThat(arrive(api, arrival, config)).isEqualTo(first);
      }

      close(api, first);
      String second = arrive(api, arrival, config);
      assertThat(second).isNotEqualTo(first);
      assertThat(previous(api, second)).isEqualTo(first);
      assertThat(created(topic, second).path("previousConversationId").asText()).isEqualTo(first);

      // the latest close wins, not the latest creation
      close(api, second);
      setClosedAt(first, "now() - interval '1 minute'");
      setClosedAt(second, "now() - interval '2 minutes'");
      String third = arrive(api, arrival, config);
      assertThat(previous(api, third)).isEqualTo(first);

      // closed longer ago than the window: no link
      close(api, third);
      for (String old : List.of(first, second, third)) {
        setClosedAt(old, "now() - interval '7 days 1 minute'");
      }
      String fourth = arrive(api, arrival, config);
      assertThat(previous(api, fourth)).isNull();
      assertThat(created(topic, fourth).has("previousConversationId")).isTrue();
      assertThat(created(topic, fourth).path("previousConversationId").isNull()).isTrue();
    }
  }

  @Test
  void aTimerCloseCountsFromItsInstantAndARenameDoesNotMoveIt() {
    Api api = Api.newAccount();
    String config =
        Ingestion.configuration(
            api,
            "GROUP_BY_PROFILE",
            Ingestion.smsRules()
                .replace("\"SMS\":{", "\"SMS\":{\"statusTimeouts\":{\"closed\":1},"));
    String first = arrive(api, Arrival.INGEST_REST, config);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> "CLOSED".equals(api.request().get(CONVERSATIONS + "/" + first).path("status")));
    OffsetDateTime closedAt = closedAt(first);
    String updatedAt = api.request().get(CONVERSATIONS + "/" + first).path("updatedAt");
    assertThat(closedAt.toInstant()).isEqualTo(Instant.parse(updatedAt));

    api.request()
        .body("{\"name\":\"renamed after the close\"}")
        .patch(CONVERSATIONS + "/" + first)
        .then()
        .statusCode(200);
    assertThat(closedAt(first)).isEqualTo(closedAt);
    assertThat(previous(api, arrive(api, Arrival.INGEST_REST, config))).isEqualTo(first);
  }

  @Test
  void theStatusCallbackOfTheCreationCarriesTheLink() throws Exception {
    Api api = Api.newAccount();
    try (CallbackSink sink = new CallbackSink()) {
      String config =
          Fixtures.createConfiguration(
              api,
              Callbacks.withCallbacks(
                  Ingestion.smsRules(), "{\"url\":\"" + sink.url("/reopen") + "\"}"));
      String first = arrive(api, Arrival.INGEST_REST, config);
      close(api, first);
      String second = arrive(api, Arrival.INGEST_REST, config);

      JsonNode created =
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> creation(sink, second), Objects::nonNull);
      assertThat(created.path("data").path("previousConversationId").asText()).isEqualTo(first);
    }
  }

  /** The CONVERSATION_CREATED callback of a conversation the sink received, or null. */
  private static JsonNode creation(CallbackSink sink, String conversation) throws Exception {
    for (CallbackSink.Received r : sink.at("/reopen")) {
      JsonNode body = JSON.readTree(r.body());
      if (body.path("eventType").asText().equals("CONVERSATION_CREATED")
          && body.path("data").path("id").asText().equals(conversation)) {
        return body;
      }
    }
    return null;
  }

  @Test
  void conversationsWithoutAGroupingKeyLinkNothing() {
    Api api = Api.newAccount();
    String config = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String agentsOnly =
        """
        {"configurationId":"%s",
         "participants":[{"type":"HUMAN_AGENT","addresses":[{"channel":"SMS","address":"%s"}]}]}
        """
            .formatted(config, CUSTOMER);
    String first = Fixtures.createConversation(api, agentsOnly);
    close(api, first);
    assertThat(previous(api, Fixtures.createConversation(api, agentsOnly))).isNull();
  }

  /** Traffic of {@link #CUSTOMER}; answers the conversation it went to. */
  private static String arrive(Api api, Arrival arrival, String config) {
    return switch (arrival) {
      case INGEST_REST -> Ingestion.ingest(api, message(config), 201).getString("conversation.id");
      case INGEST_KAFKA -> ingestOverKafka(api, config);
      case API_CREATE ->
          Fixtures.createConversation(
              api, Fixtures.seedConversation(config).replace("+15551234567", CUSTOMER));
      case API_CREATE_INLINE ->
          Fixtures.createConversation(
              api,
              """
              {"configuration":{"conversationGroupingType":"GROUP_BY_PROFILE","memoryStoreId":"%s"},
               "participants":[{"type":"CUSTOMER","addresses":[{"channel":"SMS","address":"%s"}]}]}
              """
                  .formatted(Fixtures.MEMORY_STORE, CUSTOMER));
    };
  }

  private static String message(String config) {
    return Ingestion.message(
        "\"configurationId\":\"" + config + "\",", "SMS", CUSTOMER, Ingestion.BUSINESS, "hello");
  }

  /**
   * Sends the message on the inbound topic; the account's one open conversation is where it went.
   */
  private static String ingestOverKafka(Api api, String config) {
    String record =
        message(config).replaceFirst("\\{", "{\"accountId\":\"" + api.accountSid() + "\",");
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>("communications-inbound", CUSTOMER, record)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.request()
                    .get(CONVERSATIONS + "?status=ACTIVE,INACTIVE")
                    .jsonPath()
                    .<String>getList("conversations.id"),
            ids -> ids.size() == 1)
        .get(0);
  }

  private static String previous(Api api, String conversation) {
    return api.request()
        .get(CONVERSATIONS + "/" + conversation)
        .then()
        .statusCode(200)
        .extract()
        .path("previousConversationId");
  }

  private static void close(Api api, String conversation) {
    api.request()
        .body("{\"status\":\"CLOSED\"}")
        .patch(CONVERSATIONS + "/" + conversation)
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"));
  }

  /** The data of the conversation's CONVERSATION_CREATED event on Kafka. */
  private static JsonNode created(TopicReader topic, String conversation) {
    return topic
        .await(
            conversation,
            Duration.ofSeconds(30),
            events -> events.stream().anyMatch(e -> e.type().equals("CONVERSATION_CREATED")))
        .stream()
        .filter(e -> e.type().equals("CONVERSATION_CREATED"))
        .findFirst()
        .orElseThrow()
        .value()
        .path("data");
  }

  private void setClosedAt(String conversation, String instant) {
    pool.preparedQuery("update conversation set closed_at = " + instant + " where id = $1")
        .execute(Tuple.of(uuid(conversation)))
        .await()
        .atMost(Duration.ofSeconds(10));
  }

  private OffsetDateTime closedAt(String conversation) {
    return pool.preparedQuery("select closed_at from conversation where id = $1")
        .execute(Tuple.of(uuid(conversation)))
        .await()
        .atMost(Duration.ofSeconds(10))
        .iterator()
        .next()
        .getOffsetDateTime(0);
  }

  private static UUID uuid(String conversation) {
    return ResourceType.CONVERSATION.parse(conversation).orElseThrow();
  }

  private static KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(props);
  }
}
