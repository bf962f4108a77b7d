package io.conversationorchestrator.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.CallbackSink.Received;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code configuration} of a create request under a configuration (twilio-node 6.3.1): each
 * given field replaces the configuration's for that conversation only, the snapshot shows the
 * result, and the conversation's timers and callbacks follow it.
 */
@QuarkusTest
class ConversationOverridesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/v2/Conversations";

  /** The configuration every row overrides (timeouts in SECONDS in the test profile). */
  private static final String CONFIGURATION =
      """
      {"displayName":"base","description":"the configuration","conversationGroupingType":"GROUP_BY_PROFILE",
       "memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d",
       "channelSettings":{
         "SMS":{"statusTimeouts":{"inactive":3000,"closed":6000},"captureRules":[{"from":"*","to":"+18005550100"}]},
         "CHAT":{"statusTimeouts":{"closed":6000}}},
       "statusCallbacks":[{"url":"https://configuration.example/cb"}],
       "intelligenceConfigurationIds":["ic_configuration"],
       "memoryExtractionEnabled":true,
       "redactionConfigurationId":"rd_configuration"}
      """;

  /** The override, where to look in the snapshot, and what must be there. */
  static Stream<Arguments> overrides() {
    return Stream.of(
        Arguments.of(
            "{}",
            "/channelSettings",
            """
            {"SMS":{"statusTimeouts":{"inactive":3000,"closed":6000},"captureRules":[{"from":"*","to":"+18005550100","metadata":null}]},
             "CHAT":{"statusTimeouts":{"inactive":null,"closed":6000},"captureRules":[]}}
            """),
        Arguments.of(
            """
            {"channelSettings":{"SMS":{"statusTimeouts":{"inactive":5,"closed":10}}}}""",
            "/channelSettings",
            """
            {"SMS":{"statusTimeouts":{"inactive":5,"closed":10},"captureRules":[{"from":"*","to":"+18005550100","metadata":null}]},
             "CHAT":{"statusTimeouts":{"inactive":null,"closed":6000},"captureRules":[]}}
            """),
        Arguments.of(
            """
            {"channelSettings":{"EMAIL":{"statusTimeouts":{"closed":10}}}}""",
            "/channelSettings/EMAIL",
            """
            {"statusTimeouts":{"inactive":null,"closed":10},"captureRules":[]}
            """),
        Arguments.of(
            """
            {"statusCallbacks":[{"url":"https://conversation.example/cb","method":"GET"}]}""",
            "/statusCallbacks",
            """
            [{"url":"https://conversation.example/cb","method":"GET"}]
            """),
        Arguments.of(
            """
            {"statusCallbacks":[]}""",
            "/statusCallbacks",
            "[]"),
        Arguments.of(
            "{}",
            "/statusCallbacks",
            """
            [{"url":"https://configuration.example/cb","method":"POST"}]
            """),
        Arguments.of(
            """
            {"memoryExtractionEnabled":false}""",
            "/memoryExtractionEnabled",
            "false"),
        Arguments.of("{}", "/memoryExtractionEnabled", "true"),
        Arguments.of(
            """
            {"redactionConfigurationId":"rd_conversation"}""",
            "/redactionConfigurationId",
            "\"rd_conversation\""),
        Arguments.of("{}", "/redactionConfigurationId", "\"rd_configuration\""),
        Arguments.of(
            """
            {"intelligenceConfigurationIds":["ic_a","ic_b"]}""",
            "/intelligenceConfigurationIds",
            "[\"ic_a\",\"ic_b\"]"),
        Arguments.of("{}", "/displayName", "\"base\""),
        Arguments.of("{}", "/conversationGroupingType", "\"GROUP_BY_PROFILE\""));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("overrides")
  void anOverrideReplacesTheConfigurationsFieldForThisConversationOnly(
      String override, String pointer, String expected) throws Exception {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, CONFIGURATION);
    String body =
        """
        {"configurationId":"%s","configuration":%s}
        """
            .formatted(configuration, override);
    String created =
        api.request().body(body).post(PATH).then().statusCode(201).extract().asString();
    assertThat(JSON.readTree(created).at("/configuration" + pointer))
        .isEqualTo(JSON.readTree(expected));
    String id = JSON.readTree(created).path("id").asText();
    String fetched = api.request().get(PATH + "/" + id).then().extract().asString();
    assertThat(JSON.readTree(fetched).at("/configuration" + pointer))
        .as("what is stored is what was answered")
        .isEqualTo(JSON.readTree(expected));
    // the configuration itself is untouched
    api.request()
        .get("/v2/ControlPlane/Configurations/" + configuration)
        .then()
        .body("channelSettings.SMS.statusTimeouts.inactive", equalTo(3000))
        .body("statusCallbacks[0].url", equalTo("https://configuration.example/cb"))
        .body("redactionConfigurationId", equalTo("rd_configuration"));
  }

  @Test
  void timersRunOnTheOverrideNotOnTheConfiguration() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, CONFIGURATION);
    String overridden =
        Fixtures.seedConversation(configuration)
            .replace(
                "\"name\":\"Support",
                "\"configuration\":{\"channelSettings\":{\"SMS\":{\"statusTimeouts\":"
                    + "{\"inactive\":1,\"closed\":2}}}},\"name\":\"Support");
    try (TopicReader topic = new TopicReader("conversations")) {
      var created =
          api.request().body(overridden).post(PATH).then().statusCode(201).extract().jsonPath();
      String id = created.getString("id");
      Instant inactiveAt = Instant.parse(created.getString("inactiveAt"));
      assertThat(Instant.parse(created.getString("closesAt"))).isEqualTo(inactiveAt.plusSeconds(1));
      String plain =
          Fixtures.createConversation(api, Fixtures.customerConversation(configuration, 7));

      awaitStatus(api, id, "INACTIVE");
      awaitStatus(api, id, "CLOSED");

      assertThat(topic.await(id, Duration.ofSeconds(15), e -> e.size() >= 3))
          .extracting(e -> e.type() + ":" + e.status() + ":" + e.reason())
          .containsExactly(
              "CONVERSATION_CREATED:null:null",
              "CONVERSATION_UPDATED:INACTIVE:TIMER",
              "CONVERSATION_UPDATED:CLOSED:TIMER");
      // the configuration's own timers (50 and 100 minutes here) still govern the other one
      api.request()
          .get(PATH + "/" + plain)
          .then()
          .body("status", equalTo("ACTIVE"))
          .body("configuration.channelSettings.SMS.statusTimeouts.inactive", equalTo(3000));
    }
  }

  @Test
  void callbacksGoToTheOverridesUrlsForConversationAndOtherEvents() throws Exception {
    Api api = Api.newAccount();
    try (CallbackSink sink = new CallbackSink()) {
      String configuration =
          Fixtures.createConfiguration(
              api,
              Fixtures.configuration("cb", "{}")
                  .replace(
                      "\"channelSettings\"",
                      "\"statusCallbacks\":[{\"url\":\""
                          + sink.url("/configuration")
                          + "\"}],\"channelSettings\""));
      String body =
          Fixtures.seedConversation(configuration)
              .replace(
                  "\"name\":\"Support",
                  "\"configuration\":{\"statusCallbacks\":[{\"url\":\""
                      + sink.url("/override")
                      + "\"}]},\"name\":\"Support");
      String id = Fixtures.createConversation(api, body);
      api.request()
          .body(Fixtures.textCommunication("+15551234567", "+15550001111", "hello"))
          .post(PATH + "/" + id + "/Communications")
          .then()
          .statusCode(201);
      api.request().body("{\"status\":\"CLOSED\"}").patch(PATH + "/" + id).then().statusCode(200);

      List<Received> received =
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> sink.at("/override"), r -> r.size() >= 3);
      assertThat(received)
          .extracting(r -> eventType(r))
          .containsExactly("CONVERSATION_CREATED", "COMMUNICATION_CREATED", "CONVERSATION_UPDATED");
      // every event of the conversation was planned before its last one: none went elsewhere
      JsonNode deliveries =
          JSON.readTree(
                  api.request()
                      .get(PATH + "/" + id + "/CallbackDeliveries")
                      .then()
                      .extract()
                      .asString())
              .path("callbackDeliveries");
      assertThat(deliveries).hasSize(3);
      deliveries.forEach(d -> assertThat(d.path("url").asText()).isEqualTo(sink.url("/override")));
      assertThat(sink.at("/configuration")).isEmpty();
    }
  }

  private static String eventType(Received r) {
    try {
      return JSON.readTree(r.body()).path("eventType").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitStatus(Api api, String id, String status) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> status.equals(api.request().get(PATH + "/" + id).path("status")));
  }
}
