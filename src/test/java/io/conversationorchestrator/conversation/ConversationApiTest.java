package io.conversationorchestrator.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class ConversationApiTest {
  private static final String PATH = "/v2/Conversations";

  @Test
  void seedFlowCreatesConversationWithParticipantsAndSnapshot() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String id =
        api.request()
            .body(Fixtures.seedConversation(configuration))
            .post(PATH)
            .then()
            .statusCode(201)
            .body("id", startsWith("conv_conversation_"))
            .body("accountId", equalTo(api.accountSid()))
            .body("configurationId", equalTo(configuration))
            .body("status", equalTo("ACTIVE"))
            .body("name", equalTo("Support chat for Kiran"))
            .body("configuration.conversationGroupingType", equalTo("GROUP_BY_PROFILE"))
            .body("configuration.channelSettings.SMS.statusTimeouts.inactive", equalTo(30))
            .body("participants.size()", equalTo(2))
            .body("participants[0].type", equalTo("CUSTOMER"))
            .body("participants[0].profileId", startsWith("mem_profile_"))
            .body("participants[1].type", equalTo("HUMAN_AGENT"))
            .body("participants[1].profileId", nullValue())
            .body("lastActivityAt", notNullValue())
            .body("inactiveAt", notNullValue())
            .body("closesAt", notNullValue())
            .extract()
            .path("id");
    api.request()
        .get(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("participants.size()", equalTo(2))
        .body("participants[0].conversationId", equalTo(id));
  }

  @Test
  void snapshotIgnoresLaterConfigurationEdits() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    api.request()
        .body("{\"description\":\"changed\",\"statusCallbacks\":[{\"url\":\"https://x.example\"}]}")
        .patch("/v2/ControlPlane/Configurations/" + configuration)
        .then()
        .statusCode(202);
    api.request()
        .get(PATH + "/" + id)
        .then()
        .body("configuration.description", equalTo("Configuration for API-created conversations"))
        .body("configuration.statusCallbacks.size()", equalTo(0));
  }

  /** Stands for the id of the configuration each refused create names. */
  private static final String CONFIGURATION_ID = "CONFIGURATION_ID";

  /** Create bodies the contract refuses: the body, the status and the exact error message. */
  static Stream<Arguments> refusedCreates() {
    String customer =
        """
        {"type":"CUSTOMER","addresses":[{"channel":"SMS","address":"+15551234567"}]}""";
    return Stream.of(
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","participants":[%s]}
            """
                .formatted(String.join(",", Collections.nCopies(51, customer))),
            400,
            "Invalid value for 'participants': size must be between 0 and 50"),
        Arguments.of(
            """
            {"configurationId":"conv_configuration_01h455vb4pex5vsknk084sn02q"}
            """,
            404,
            "The requested Configuration conv_configuration_01h455vb4pex5vsknk084sn02q was not found"),
        Arguments.of(
            """
            {}
            """,
            400,
            "Invalid value for 'configurationId': must not be null unless 'configuration' defines"
                + " the conversation's configuration inline"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","participants":[{"type":"CUSTOMER","addresses":[
              {"channel":"SMS","address":"+15551234567"},{"channel":"WHATSAPP","address":"+1555"}]}]}
            """,
            400,
            "Invalid value for 'participants[0].addresses[1].address': WHATSAPP addresses must be"
                + " 'whatsapp:' followed by an E.164 number"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","participants":[{"type":"BOT"}]}
            """,
            400,
            "Invalid value for 'participants[0].type': expected one of HUMAN_AGENT, CUSTOMER,"
                + " AI_AGENT, AGENT, UNKNOWN"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","metadata":{"bad key":"v"}}
            """,
            400,
            "Invalid value for 'metadata': key 'bad key' must be 1 to 128 characters of A-Z, a-z,"
                + " 0-9, '.', '_' or '-'"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","configuration":{"workflows":[{"flowId":"FW1"}]}}
            """,
            400,
            "Invalid value for 'configuration.workflows[0].flowId': must match ^FW[0-9a-fA-F]{32}$"),
        // per-conversation overrides (twilio-node 6.3.1)
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","configuration":{"channelSettings":{"SMS":{"statusTimeouts":{"inactive":5}}}}}
            """,
            400,
            "Invalid value for 'configuration.channelSettings.SMS.statusTimeouts.closed': must not be null"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","configuration":{"channelSettings":{"SMS":{"statusTimeouts":{"inactive":60,"closed":30}}}}}
            """,
            400,
            "Invalid value for 'configuration.channelSettings.SMS.statusTimeouts': inactive (60) must be less than closed (30)"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","configuration":{"channelSettings":{"EMAIL":{"statusTimeouts":{"closed":0}}}}}
            """,
            400,
            "Invalid value for 'configuration.channelSettings.EMAIL.statusTimeouts.closed': must be greater than or equal to 1"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","configuration":{"channelSettings":{"SMS":{}}}}
            """,
            400,
            "Invalid value for 'configuration.channelSettings.SMS.statusTimeouts': must not be null"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","configuration":{"channelSettings":{"SMS":{
              "statusTimeouts":{"closed":5},"captureRules":[{"from":"*","to":"*"}]}}}}
            """,
            400,
            "Invalid value for 'configuration.channelSettings.SMS.captureRules': capture rules can only be set on a Configuration, not on a conversation"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","configuration":{"channelSettings":{"FAX":{"statusTimeouts":{"closed":5}}}}}
            """,
            400,
            "Invalid value for 'configuration.channelSettings': expected one of VOICE, SMS, RCS, EMAIL, WHATSAPP, CHAT"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","configuration":{"statusCallbacks":[%s]}}
            """
                .formatted(
                    String.join(",", Collections.nCopies(21, "{\"url\":\"https://a.example\"}"))),
            400,
            "Invalid value for 'configuration.statusCallbacks': size must be between 0 and 20"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","configuration":{"statusCallbacks":[{"url":"ftp://a.example"}]}}
            """,
            400,
            "Invalid value for 'configuration.statusCallbacks[0].url': must be an absolute http(s) URL"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","configuration":{"statusCallbacks":[{"url":"https://a.example","method":"PUT"}]}}
            """,
            400,
            "Invalid value for 'configuration.statusCallbacks[0].method': expected one of POST, GET"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","configuration":{"memoryExtractionEnabled":"yes"}}
            """,
            400,
            "Invalid value for 'configuration.memoryExtractionEnabled': expected a boolean"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","configuration":{"redactionConfigurationId":" "}}
            """,
            400,
            "Invalid value for 'configuration.redactionConfigurationId': must not be blank"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","configuration":{"conversationGroupingType":"GROUP_BY_PROFILE"}}
            """,
            400,
            "Invalid value for 'configuration.conversationGroupingType': only allowed without 'configurationId' (the configuration's applies)"),
        Arguments.of(
            """
            {"configurationId":"CONFIGURATION_ID","configuration":{"memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d"}}
            """,
            400,
            "Invalid value for 'configuration.memoryStoreId': only allowed without 'configurationId' (the configuration's applies)"),
        // inline configurations (no configurationId)
        Arguments.of(
            """
            {"name":"no configuration at all"}
            """,
            400,
            "Invalid value for 'configurationId': must not be null unless 'configuration' defines"
                + " the conversation's configuration inline"),
        Arguments.of(
            """
            {"configuration":{"memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d"}}
            """,
            400,
            "Invalid value for 'configuration.conversationGroupingType': must not be null without 'configurationId'"),
        Arguments.of(
            """
            {"configuration":{"conversationGroupingType":"GROUP_BY_PROFILE","statusCallbacks":[]}}
            """,
            400,
            "Invalid value for 'configuration.memoryStoreId': must not be null without 'configurationId'"),
        Arguments.of(
            """
            {"configuration":{"conversationGroupingType":"GROUP_BY_PROFILE","memoryStoreId":"store-1"}}
            """,
            400,
            "Invalid value for 'configuration.memoryStoreId': must match ^mem_(store|service)_[0-7][0-9a-z]{25}$"),
        Arguments.of(
            """
            {"configuration":{"conversationGroupingType":"GROUP_BY_MOOD","memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d"}}
            """,
            400,
            "Invalid value for 'configuration.conversationGroupingType': expected one of GROUP_BY_PROFILE, GROUP_BY_PARTICIPANT_ADDRESSES, GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE"),
        Arguments.of(
            """
            {"configuration":{"conversationGroupingType":"GROUP_BY_PROFILE","memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d",
             "channelSettings":{"SMS":{"statusTimeouts":{"inactive":2,"closed":1}}}}}
            """,
            400,
            "Invalid value for 'configuration.channelSettings.SMS.statusTimeouts': inactive (2) must be less than closed (1)"));
  }

  @ParameterizedTest(name = "{1} {2}")
  @MethodSource("refusedCreates")
  void aRefusedCreateAnswersTheErrorAndStoresNothing(String body, int status, String message) {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    api.request()
        .body(body.replace(CONFIGURATION_ID, configuration))
        .post(PATH)
        .then()
        .statusCode(status)
        .body("message", equalTo(message));
    // nothing was half-written
    api.request().get(PATH).then().body("conversations.size()", equalTo(0));
  }

  @Test
  void metadataMergePatchKeepsAtMostEightEntries() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    Map<String, String> eight = new HashMap<>();
    IntStream.range(0, 8).forEach(i -> eight.put("k" + i, "v" + i));
    String id =
        Fixtures.createConversation(
            api,
            "{\"configurationId\":\"" + configuration + "\",\"metadata\":" + json(eight) + "}");
    api.request()
        .body("{\"metadata\":{\"k9\":\"v9\"}}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(400)
        .body(
            "message",
            equalTo("Invalid value for 'metadata': at most 8 entries are allowed, got 9"));
    api.request()
        .body("{\"metadata\":{\"k0\":null,\"k9\":\"v9\",\"k1\":\"changed\"}}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("metadata", not(hasKey("k0")))
        .body("metadata.k9", equalTo("v9"))
        .body("metadata.k1", equalTo("changed"))
        .body("metadata.size()", equalTo(8));
  }

  @Test
  void closedIsFinal() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    api.request()
        .body("{\"status\":\"INACTIVE\"}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("INACTIVE"))
        .body("inactiveAt", nullValue());
    api.request()
        .body("{\"status\":\"ACTIVE\"}")
        .put(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"));
    api.request()
        .body("{\"status\":\"CLOSED\"}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"))
        .body("inactiveAt", nullValue())
        .body("closesAt", nullValue());
    api.request()
        .body("{\"status\":\"ACTIVE\"}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(409)
        .body("code", equalTo(20409));
    api.request().body("{\"status\":\"INACTIVE\"}").put(PATH + "/" + id).then().statusCode(409);
    api.request()
        .body(Fixtures.textCommunication("+15551234567", "+15550001111", "hi"))
        .post(PATH + "/" + id + "/Communications")
        .then()
        .statusCode(409)
        .header("X-Conflicting-Resource-Id", id);
    api.request()
        .body("{\"type\":\"AGENT\",\"addresses\":[{\"channel\":\"CHAT\",\"address\":\"bot\"}]}")
        .post(PATH + "/" + id + "/Participants")
        .then()
        .statusCode(409);
    api.request()
        .body("{\"name\":\"renamed\"}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("renamed"))
        .body("status", equalTo("CLOSED"));
  }

  /** Updates the contract refuses: the method, the body, the status and the exact message. */
  static Stream<Arguments> refusedUpdates() {
    return Stream.of(
        Arguments.of(
            "PUT",
            """
            {"name":"x"}
            """,
            400,
            "Invalid value for 'status': must not be null"),
        Arguments.of(
            "PATCH",
            """
            {"status":"OPEN"}
            """,
            400,
            "Invalid value for 'status': expected one of [ACTIVE, INACTIVE, CLOSED]"),
        Arguments.of(
            "PATCH",
            """
            {"configuration":{"statusCallbacks":[{"url":"nope"}]}}
            """,
            400,
            "Invalid value for 'statusCallbacks[0].url': must be an absolute http(s) URL"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("refusedUpdates")
  void aRefusedUpdateAnswersTheError(String method, String body, int status, String message) {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    api.request()
        .body(body)
        .request(method, PATH + "/" + id)
        .then()
        .statusCode(status)
        .body("message", equalTo(message));
  }

  @Test
  void patchSetsAndClearsTheStatusCallbacks() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    api.request()
        .body(
            """
            {"configuration":{"statusCallbacks":[{"url":"https://cb.example/a","method":"GET"}]}}
            """)
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("configuration.statusCallbacks[0].method", equalTo("GET"));
    api.request()
        .body(
            """
            {"configuration":{"statusCallbacks":[]}}
            """)
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("configuration.statusCallbacks.size()", equalTo(0));
  }

  @Test
  void deleteAnswersAnOperationAndRemovesEverything() {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    api.request()
        .body(Fixtures.textCommunication("+15551234567", "+15550001111", "hi"))
        .post(PATH + "/" + id + "/Communications")
        .then()
        .statusCode(201);
    String operation =
        api.request()
            .delete(PATH + "/" + id)
            .then()
            .statusCode(202)
            .body("related.conversationId", equalTo(id))
            .extract()
            .header("Operation-Id");
    api.request()
        .get("/v2/ControlPlane/Operations/" + operation)
        .then()
        .body("status", equalTo("COMPLETED"));
    api.request().get(PATH + "/" + id).then().statusCode(404);
    api.request().get(PATH + "/" + id + "/Communications").then().statusCode(404);
  }

  @Test
  void pagesThroughConversationsFilteredByTwoStatusesEachExactlyOnce() {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(api, Fixtures.configuration("paging", "{}"));
    Map<String, String> expected = new HashMap<>();
    String[] statuses = {"ACTIVE", "INACTIVE", "CLOSED"};
    for (int i = 0; i < 300; i++) {
      String id =
          Fixtures.createConversation(api, "{\"configurationId\":\"" + configuration + "\"}");
      String status = statuses[i % 3];
      if (!status.equals("ACTIVE")) {
        api.request()
            .body("{\"status\":\"" + status + "\"}")
            .patch(PATH + "/" + id)
            .then()
            .statusCode(200);
      }
      expected.put(id, status);
    }
    Set<String> wanted =
        expected.entrySet().stream()
            .filter(e -> !e.getValue().equals("CLOSED"))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    List<String> seen = new ArrayList<>();
    var page =
        api.request()
            .queryParam("status", "ACTIVE")
            .queryParam("status", "INACTIVE")
            .queryParam("pageSize", 37)
            .get(PATH)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    while (true) {
      seen.addAll(page.getList("conversations.id"));
      assertThat(page.getList("conversations.status", String.class)).doesNotContain("CLOSED");
      String next = page.getString("meta.nextToken");
      if (next == null) {
        break;
      }
      // like twilio-java: later pages carry only pageSize and the token
      page =
          api.request()
              .queryParam("pageSize", 37)
              .queryParam("pageToken", next)
              .get(PATH)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
    }
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen)).isEqualTo(wanted);
    List<String> newestFirst = new ArrayList<>(seen);
    newestFirst.sort(java.util.Comparator.reverseOrder());
    assertThat(seen).isEqualTo(newestFirst);
    api.request().queryParam("status", "OPEN").get(PATH).then().statusCode(400);
  }

  /** Status filters as clients send them: repeated, comma-joined, both; what they select. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          status=ACTIVE                          | ACTIVE
          status=ACTIVE,INACTIVE                 | ACTIVE,INACTIVE
          status=ACTIVE&status=INACTIVE          | ACTIVE,INACTIVE
          status=CLOSED,ACTIVE&status=INACTIVE   | ACTIVE,CLOSED,INACTIVE
          status=INACTIVE,INACTIVE               | INACTIVE
          """)
  void statusFilterTakesRepeatedAndCommaJoinedValues(String query, String selected) {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.configuration("f", "{}"));
    Map<String, String> byStatus = new HashMap<>();
    for (String status : List.of("ACTIVE", "INACTIVE", "CLOSED")) {
      String id =
          Fixtures.createConversation(api, "{\"configurationId\":\"" + configuration + "\"}");
      api.request()
          .body("{\"status\":\"" + status + "\"}")
          .patch(PATH + "/" + id)
          .then()
          .statusCode(200);
      byStatus.put(status, id);
    }
    List<String> expected =
        Stream.of(selected.split(","))
            .map(byStatus::get)
            .sorted(Comparator.reverseOrder())
            .toList();
    List<String> firstPage =
        api.request()
            .get(PATH + "?" + query + "&pageSize=1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("conversations.id");
    List<String> all = new ArrayList<>(firstPage);
    String next = api.request().get(PATH + "?" + query + "&pageSize=1").path("meta.nextToken");
    while (next != null) {
      // the token alone carries the filter
      var page = api.request().queryParam("pageSize", 1).queryParam("pageToken", next).get(PATH);
      all.addAll(page.jsonPath().getList("conversations.id"));
      next = page.path("meta.nextToken");
    }
    assertThat(all).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          status=OPEN                    | Invalid value for 'status': 'OPEN' is not one of [ACTIVE, INACTIVE, CLOSED]
          status=ACTIVE,open             | Invalid value for 'status': 'open' is not one of [ACTIVE, INACTIVE, CLOSED]
          status=ACTIVE&status=CLOSED,X  | Invalid value for 'status': 'X' is not one of [ACTIVE, INACTIVE, CLOSED]
          status=ACTIVE,                 | Invalid value for 'status': '' is not one of [ACTIVE, INACTIVE, CLOSED]
          status=ACTIVE,%20INACTIVE      | Invalid value for 'status': ' INACTIVE' is not one of [ACTIVE, INACTIVE, CLOSED]
          """)
  void anUnknownStatusIsRefusedByName(String query, String message) {
    Api.newAccount()
        .request()
        .urlEncodingEnabled(false)
        .get(PATH + "?" + query)
        .then()
        .statusCode(400)
        .body("message", equalTo(message));
  }

  private static String json(Map<String, String> map) {
    return map.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }
}
