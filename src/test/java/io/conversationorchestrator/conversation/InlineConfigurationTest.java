package io.conversationorchestrator.conversation;

import static io.conversationorchestrator.support.Ingestion.BUSINESS;
import static io.conversationorchestrator.support.Ingestion.ingest;
import static io.conversationorchestrator.support.Ingestion.message;
import static io.conversationorchestrator.support.Ingestion.smsRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.Ingestion;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A conversation configured inline, without {@code configurationId} (twilio-node 6.3.1): its
 * snapshot is the request's configuration, and its grouping key is unique per account, memory store
 * and grouping type, apart from every stored configuration.
 */
@QuarkusTest
class InlineConfigurationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/v2/Conversations";
  private static final String OTHER_STORE = "mem_store_01k1etx3jbfx88476ccja0889e";

  /** An inline conversation of one customer (an SMS number) in a memory store. */
  private static String inline(String grouping, String store, String customer) {
    return """
        {"configuration":{"conversationGroupingType":"%s","memoryStoreId":"%s"},
         "participants":[{"type":"CUSTOMER","addresses":[{"channel":"SMS","address":"%s"}]}]}
        """
        .formatted(grouping, store, customer);
  }

  @Test
  void theSnapshotIsTheRequestsConfigurationWithTheDefaults() throws Exception {
    Api api = Api.newAccount();
    String body =
        """
        {"name":"inline",
         "configuration":{"conversationGroupingType":"GROUP_BY_PARTICIPANT_ADDRESSES",
           "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d",
           "channelSettings":{"EMAIL":{"statusTimeouts":{"inactive":60,"closed":120}}},
           "statusCallbacks":[{"url":"https://inline.example/cb"}],
           "redactionConfigurationId":"rd_inline",
           "workflows":[{"flowId":"FW0123456789abcdef0123456789abcdef"}]}}
        """;
    String created =
        api.request().body(body).post(PATH).then().statusCode(201).extract().asString();
    JsonNode conversation = JSON.readTree(created);
    assertThat(conversation.has("configurationId")).as("present, as null").isTrue();
    assertThat(conversation.path("configurationId").isNull()).isTrue();
    assertThat(conversation.path("configuration"))
        .isEqualTo(
            JSON.readTree(
                """
                {"displayName":null,"description":null,
                 "conversationGroupingType":"GROUP_BY_PARTICIPANT_ADDRESSES",
                 "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d",
                 "channelSettings":{"EMAIL":{"statusTimeouts":{"inactive":60,"closed":120},"captureRules":[]}},
                 "statusCallbacks":[{"url":"https://inline.example/cb","method":"POST"}],
                 "intelligenceConfigurationIds":[],"traitExtractionStrategyIds":[],
                 "observationExtractionStrategyIds":[],"memoryExtractionEnabled":false,
                 "conversationsV1Bridge":null,"redactionConfigurationId":"rd_inline",
                 "workflows":[{"flowId":"FW0123456789abcdef0123456789abcdef"}]}
                """));
    String id = conversation.path("id").asText();
    api.request()
        .get(PATH + "/" + id)
        .then()
        .body("$", hasKey("configurationId"))
        .body("configurationId", nullValue())
        .body("configuration.redactionConfigurationId", equalTo("rd_inline"));
    api.request()
        .get(PATH)
        .then()
        .body("conversations[0].id", equalTo(id))
        .body("conversations[0].configurationId", nullValue());
    // what an inline conversation can change later is what any conversation can
    api.request()
        .body("{\"configuration\":{\"statusCallbacks\":[]},\"status\":\"INACTIVE\"}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("configurationId", nullValue())
        .body("configuration.statusCallbacks.size()", equalTo(0));
  }

  /** Inline conversations that share a customer: grouping type, stores, and whether they clash. */
  @ParameterizedTest(name = "{0} in {1} and {2}: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          GROUP_BY_PARTICIPANT_ADDRESSES                  | mem_store_01k1etx3jbfx88476ccja0889d | mem_store_01k1etx3jbfx88476ccja0889d | 409
          GROUP_BY_PROFILE                                | mem_store_01k1etx3jbfx88476ccja0889d | mem_store_01k1etx3jbfx88476ccja0889d | 409
          GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE | mem_store_01k1etx3jbfx88476ccja0889d | mem_store_01k1etx3jbfx88476ccja0889d | 409
          GROUP_BY_PARTICIPANT_ADDRESSES                  | mem_store_01k1etx3jbfx88476ccja0889d | mem_store_01k1etx3jbfx88476ccja0889e | 201
          GROUP_BY_PROFILE                                | mem_store_01k1etx3jbfx88476ccja0889d | mem_store_01k1etx3jbfx88476ccja0889e | 201
          """)
  void twoOpenInlineConversationsOfOneCustomerClashOnlyInOneStore(
      String grouping, String firstStore, String secondStore, int secondStatus) {
    Api api = Api.newAccount();
    String first = Fixtures.createConversation(api, inline(grouping, firstStore, "+15557654321"));
    var second =
        api.request()
            .body(inline(grouping, secondStore, "+15557654321"))
            .post(PATH)
            .then()
            .statusCode(secondStatus);
    if (secondStatus == 409) {
      second.header("X-Conflicting-Resource-Id", first);
      // once the first is CLOSED, the customer may start again
      api.request()
          .body("{\"status\":\"CLOSED\"}")
          .patch(PATH + "/" + first)
          .then()
          .statusCode(200);
      Fixtures.createConversation(api, inline(grouping, secondStore, "+15557654321"));
    }
    // another account's identical inline conversation never clashes
    Fixtures.createConversation(Api.newAccount(), inline(grouping, firstStore, "+15557654321"));
  }

  @Test
  void inlineAndConfigurationConversationsOfOneCustomerAreIndependent() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String viaConfiguration =
        Fixtures.createConversation(api, Fixtures.customerConversation(configuration, 42));
    String customer = "+1555%07d".formatted(42);
    String inline =
        Fixtures.createConversation(
            api, inline("GROUP_BY_PROFILE", Fixtures.MEMORY_STORE, customer));
    assertThat(inline).isNotEqualTo(viaConfiguration);
    // the same memory store resolves the same profile
    String profile = customerProfile(api, viaConfiguration);
    assertThat(customerProfile(api, inline)).isEqualTo(profile);
    // a second conversation under the configuration still clashes with the first only
    api.request()
        .body(Fixtures.customerConversation(configuration, 42))
        .post(PATH)
        .then()
        .statusCode(409)
        .header("X-Conflicting-Resource-Id", viaConfiguration);
    // deleting the configuration looks only at its own conversations
    api.request()
        .body("{\"status\":\"CLOSED\"}")
        .patch(PATH + "/" + viaConfiguration)
        .then()
        .statusCode(200);
    api.request().delete("/v2/ControlPlane/Configurations/" + configuration).then().statusCode(202);
    api.request().get(PATH + "/" + inline).then().statusCode(200).body("status", equalTo("ACTIVE"));
  }

  @Test
  void passiveIngestionNeverJoinsAnInlineConversationUnlessNamed() {
    Api api = Api.newAccount();
    String customer = "+15558889999";
    String inline =
        Fixtures.createConversation(
            api, inline("GROUP_BY_PROFILE", Fixtures.MEMORY_STORE, customer));
    String configuration = Ingestion.configuration(api, "GROUP_BY_PROFILE", smsRules());
    var captured =
        ingest(
            api,
            message(
                "\"configurationId\":\"" + configuration + "\",", "SMS", customer, BUSINESS, "hi"),
            201);
    assertThat(captured.getBoolean("conversationCreated")).isTrue();
    assertThat(captured.getString("conversation.id")).isNotEqualTo(inline);
    assertThat(captured.getString("conversation.configurationId")).isEqualTo(configuration);
    var named =
        ingest(
            api,
            message("\"conversationId\":\"" + inline + "\",", "SMS", customer, BUSINESS, "direct"),
            201);
    assertThat(named.getString("conversation.id")).isEqualTo(inline);
    assertThat(named.getString("conversation.configurationId")).isNull();
  }

  @Test
  void anInlineConversationsCallbacksAreDelivered() throws Exception {
    Api api = Api.newAccount();
    try (CallbackSink sink = new CallbackSink()) {
      String body =
          """
          {"configuration":{"conversationGroupingType":"GROUP_BY_PROFILE","memoryStoreId":"%s",
           "statusCallbacks":[{"url":"%s"}]}}
          """
              .formatted(Fixtures.MEMORY_STORE, sink.url("/inline"));
      String id = Fixtures.createConversation(api, body);
      var received =
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> sink.at("/inline"), r -> !r.isEmpty());
      JsonNode event = JSON.readTree(received.get(0).body());
      assertThat(event.path("eventType").asText()).isEqualTo("CONVERSATION_CREATED");
      assertThat(event.path("data").path("id").asText()).isEqualTo(id);
      assertThat(event.path("data").path("configurationId").isNull()).isTrue();
    }
  }

  private static String customerProfile(Api api, String conversation) {
    return api.request()
        .get(PATH + "/" + conversation)
        .then()
        .extract()
        .path("participants.find { it.type == 'CUSTOMER' }.profileId");
  }
}
