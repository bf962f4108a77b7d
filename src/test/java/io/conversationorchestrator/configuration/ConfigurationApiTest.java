package io.conversationorchestrator.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class ConfigurationApiTest {
  private static final String PATH = "/v2/ControlPlane/Configurations";

  @Test
  void createPollFetch() {
    Api api = Api.newAccount();
    Response accepted = api.request().body(Fixtures.seedConfiguration()).post(PATH);
    accepted.then().statusCode(202).header("Retry-After", "1");
    String statusUrl = accepted.path("statusUrl");
    String operationId = accepted.header("Operation-Id");
    assertThat(statusUrl).endsWith("/v2/ControlPlane/Operations/" + operationId);
    assertThat(accepted.header("Location")).isEqualTo(statusUrl);
    String id = accepted.path("related.configurationId");

    Awaitility.await()
        .atMost(Duration.ofSeconds(1))
        .until(
            () ->
                "COMPLETED"
                    .equals(
                        api.request()
                            .get("/v2/ControlPlane/Operations/" + operationId)
                            .path("status")));
    api.request()
        .get("/v2/ControlPlane/Operations/" + operationId)
        .then()
        .body("operationId", equalTo(operationId))
        .body("completedAt", notNullValue())
        .body("error", nullValue())
        .body("related.configurationId", equalTo(id));

    api.request()
        .get(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("displayName", equalTo("active-conversations"))
        .body("channelSettings.SMS.statusTimeouts.inactive", equalTo(30))
        .body("channelSettings.SMS.statusTimeouts.closed", equalTo(1440))
        .body("memoryExtractionEnabled", equalTo(false))
        .body("statusCallbacks.size()", equalTo(0))
        .body("version", equalTo(1));
    Api.newAccount()
        .request()
        .get("/v2/ControlPlane/Operations/" + operationId)
        .then()
        .statusCode(404);
  }

  @Test
  void patchMergesChannelsAndFieldsAndCountsVersions() {
    Api api = Api.newAccount();
    String id =
        Fixtures.createConfiguration(
            api,
            Fixtures.configuration(
                "merge",
                "{\"SMS\":{\"statusTimeouts\":{\"inactive\":30,\"closed\":1440}},"
                    + "\"CHAT\":{\"statusTimeouts\":{\"closed\":60}}}"));
    api.request()
        .body(
            "{\"channelSettings\":{\"SMS\":null,\"VOICE\":{\"statusTimeouts\":{\"closed\":5}}},"
                + "\"displayName\":null,\"statusCallbacks\":[{\"url\":\"https://hooks.example/x\"}]}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(202);
    api.request()
        .get(PATH + "/" + id)
        .then()
        .body("channelSettings.SMS", nullValue())
        .body("channelSettings.CHAT.statusTimeouts.closed", equalTo(60))
        .body("channelSettings.VOICE.statusTimeouts.closed", equalTo(5))
        .body("channelSettings.VOICE.statusTimeouts.inactive", nullValue())
        .body("displayName", nullValue())
        .body("description", equalTo("Configuration for API-created conversations"))
        .body("statusCallbacks[0].method", equalTo("POST"))
        .body("version", equalTo(2));

    api.request()
        .body("{\"conversationGroupingType\":null}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(400)
        .body("message", equalTo("Invalid value for 'conversationGroupingType': must not be null"));
    api.request()
        .body("{\"description\":null}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(400)
        .body("message", equalTo("Invalid value for 'description': must not be null"));
    api.request()
        .body("{\"channelSettings\":{\"SMS\":{\"statusTimeouts\":{\"inactive\":-1}}}}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(400);
    api.request().get(PATH + "/" + id).then().body("version", equalTo(2));
  }

  @Test
  void redactionConfigurationIdIsStoredReplacedPatchedAndCleared() {
    Api api = Api.newAccount();
    String id =
        Fixtures.createConfiguration(
            api,
            Fixtures.seedConfiguration()
                .replace(
                    "\"channelSettings\"",
                    "\"redactionConfigurationId\":\"rd_1\",\"channelSettings\""));
    api.request().get(PATH + "/" + id).then().body("redactionConfigurationId", equalTo("rd_1"));
    api.request()
        .body("{\"redactionConfigurationId\":\"rd_2\"}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(202);
    api.request().get(PATH + "/" + id).then().body("redactionConfigurationId", equalTo("rd_2"));
    api.request()
        .body("{\"description\":\"other field\"}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(202);
    api.request().get(PATH + "/" + id).then().body("redactionConfigurationId", equalTo("rd_2"));
    api.request()
        .body("{\"redactionConfigurationId\":null}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(202);
    api.request()
        .get(PATH + "/" + id)
        .then()
        .body("$", hasKey("redactionConfigurationId"))
        .body("redactionConfigurationId", nullValue());
    // PUT is a full replace: omitted means cleared, as for every other optional field
    api.request()
        .body("{\"redactionConfigurationId\":\"rd_3\"}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(202);
    api.request()
        .body(
            "{\"description\":\"d\",\"conversationGroupingType\":\"GROUP_BY_PROFILE\","
                + "\"memoryStoreId\":\""
                + Fixtures.MEMORY_STORE
                + "\",\"channelSettings\":{}}")
        .put(PATH + "/" + id)
        .then()
        .statusCode(202);
    api.request().get(PATH + "/" + id).then().body("redactionConfigurationId", nullValue());
  }

  /** PATCHes whose merged configuration breaks a rule: nothing changes, the error names it. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"channelSettings":{"SMS":{"statusTimeouts":{"inactive":60,"closed":30}}}}  | Invalid value for 'channelSettings.SMS.statusTimeouts': inactive (60) must be less than closed (30)
          {"channelSettings":{"EMAIL":{"statusTimeouts":{"inactive":9,"closed":9}}}}  | Invalid value for 'channelSettings.EMAIL.statusTimeouts': inactive (9) must be less than closed (9)
          {"redactionConfigurationId":""}                                             | Invalid value for 'redactionConfigurationId': must not be blank
          """)
  void aPatchBreakingARuleChangesNothing(String patch, String message) {
    Api api = Api.newAccount();
    String id = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    api.request()
        .body(patch)
        .patch(PATH + "/" + id)
        .then()
        .statusCode(400)
        .body("message", equalTo(message));
    api.request()
        .get(PATH + "/" + id)
        .then()
        .body("version", equalTo(1))
        .body("channelSettings.SMS.statusTimeouts.inactive", equalTo(30));
  }

  @Test
  void emailChannelSettingsAreStoredLikeAnyChannel() {
    Api api = Api.newAccount();
    String id =
        Fixtures.createConfiguration(
            api,
            Fixtures.configuration(
                "email",
                """
                {"EMAIL":{"statusTimeouts":{"inactive":60,"closed":1440},
                 "captureRules":[{"from":"*","to":"support@Example.com"}]}}
                """));
    api.request()
        .get(PATH + "/" + id)
        .then()
        .body("channelSettings.EMAIL.statusTimeouts.inactive", equalTo(60))
        .body("channelSettings.EMAIL.statusTimeouts.closed", equalTo(1440))
        .body("channelSettings.EMAIL.captureRules[0].to", equalTo("support@Example.com"));
  }

  @Test
  void putReplacesEverything() {
    Api api = Api.newAccount();
    String id = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    api.request()
        .body(
            "{\"description\":\"new\",\"conversationGroupingType\":\"GROUP_BY_PARTICIPANT_ADDRESSES\","
                + "\"memoryStoreId\":\""
                + Fixtures.MEMORY_STORE
                + "\",\"channelSettings\":{}}")
        .put(PATH + "/" + id)
        .then()
        .statusCode(202);
    api.request()
        .get(PATH + "/" + id)
        .then()
        .body("displayName", nullValue())
        .body("description", equalTo("new"))
        .body("channelSettings.size()", equalTo(0))
        .body("version", equalTo(2));
    api.request()
        .body(
            "{\"description\":\"x\",\"conversationGroupingType\":\"GROUP_BY_PROFILE\","
                + "\"memoryStoreId\":\""
                + Fixtures.MEMORY_STORE
                + "\"}")
        .put(PATH + "/" + id)
        .then()
        .statusCode(400)
        .body("message", equalTo("Invalid value for 'channelSettings': must not be null"));
  }

  @Test
  void oneConfigurationPerV1Service() {
    Api api = Api.newAccount();
    String bridged =
        Fixtures.seedConfiguration()
            .replace(
                "\"channelSettings\"",
                "\"conversationsV1Bridge\":{\"serviceId\":\"IS0123456789abcdef0123456789abcdef\"},\"channelSettings\"");
    String first = Fixtures.createConfiguration(api, bridged);
    api.request()
        .body(bridged)
        .post(PATH)
        .then()
        .statusCode(409)
        .header("X-Conflicting-Resource-Id", first)
        .body("code", equalTo(20409));
  }

  @Test
  void deleteAnswersAnOperationAndRefusesWhileConversationsAreOpen() {
    Api api = Api.newAccount();
    String id = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String conversation = Fixtures.createConversation(api, Fixtures.seedConversation(id));
    api.request()
        .delete(PATH + "/" + id)
        .then()
        .statusCode(409)
        .header("X-Conflicting-Resource-Id", conversation);
    api.request()
        .body("{\"status\":\"CLOSED\"}")
        .patch("/v2/Conversations/" + conversation)
        .then()
        .statusCode(200);
    api.request()
        .delete(PATH + "/" + id)
        .then()
        .statusCode(202)
        .body("related.configurationId", equalTo(id))
        .body("statusUrl", notNullValue());
    api.request().get(PATH + "/" + id).then().statusCode(404);
    api.request().get("/v2/Conversations/" + conversation).then().statusCode(200);
  }

  @Test
  void idempotentReplayReturnsTheOriginalAnswerAndCreatesNothing() {
    Api api = Api.newAccount();
    String key = Api.newKey();
    Response first = api.idempotent(key).body(Fixtures.seedConfiguration()).post(PATH);
    Response again = api.idempotent(key).body(Fixtures.seedConfiguration()).post(PATH);
    first.then().statusCode(202);
    again.then().statusCode(202);
    assertThat(again.asString()).isEqualTo(first.asString());
    assertThat(again.header("Operation-Id")).isEqualTo(first.header("Operation-Id"));
    api.request().get(PATH).then().body("configurations.size()", equalTo(1));

    api.idempotent(key)
        .body(Fixtures.configuration("other", "{}"))
        .post(PATH)
        .then()
        .statusCode(422)
        .body("code", equalTo(20422))
        .body(
            "message",
            equalTo("Idempotency-Key " + key + " was already used with a different request"));
    api.idempotent("not-a-uuid")
        .body(Fixtures.seedConfiguration())
        .post(PATH)
        .then()
        .statusCode(400)
        .body("message", equalTo("Invalid value for 'Idempotency-Key': expected a UUID"));
    Api.newAccount()
        .idempotent(key)
        .body(Fixtures.seedConfiguration())
        .post(PATH)
        .then()
        .statusCode(202);
  }

  @Test
  void concurrentTwinsWithOneKeyCreateOneConfiguration() {
    Api api = Api.newAccount();
    String key = Api.newKey();
    List<CompletableFuture<Response>> twins = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      twins.add(
          CompletableFuture.supplyAsync(
              () -> api.idempotent(key).body(Fixtures.seedConfiguration()).post(PATH)));
    }
    Set<String> bodies = new HashSet<>();
    twins.forEach(
        f -> {
          f.join().then().statusCode(202);
          bodies.add(f.join().asString());
        });
    assertThat(bodies).hasSize(1);
    api.request().get(PATH).then().body("configurations.size()", equalTo(1));
  }

  @Test
  void idempotentDeleteAndPatchReplay() {
    Api api = Api.newAccount();
    String id = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String key = Api.newKey();
    api.idempotent(key)
        .body("{\"description\":\"v2\"}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(202);
    api.idempotent(key)
        .body("{\"description\":\"v2\"}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(202);
    api.request().get(PATH + "/" + id).then().body("version", equalTo(2));
    String deleteKey = Api.newKey();
    api.idempotent(deleteKey).delete(PATH + "/" + id).then().statusCode(202);
    api.idempotent(deleteKey).delete(PATH + "/" + id).then().statusCode(202);
  }

  @Test
  void pagesThrough120WhileOthersAreCreatedEachExactlyOnce() {
    Api api = Api.newAccount();
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 120; i++) {
      created.add(Fixtures.createConfiguration(api, Fixtures.configuration("c" + i, "{}")));
    }
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < 30; i++) {
                Fixtures.createConfiguration(api, Fixtures.configuration("late" + i, "{}"));
              }
            });
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      var page =
          api.request()
              .queryParam("pageSize", 50)
              .queryParams(token == null ? Map.of() : Map.of("pageToken", token))
              .get(PATH)
              .then()
              .statusCode(200)
              .body("meta.key", equalTo("configurations"))
              .extract()
              .jsonPath();
      seen.addAll(page.getList("configurations.id"));
      assertThat(page.getInt("meta.pageSize")).isEqualTo(page.getList("configurations").size());
      token = page.getString("meta.nextToken");
      pages++;
    } while (token != null && pages < 10);
    writer.join();
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen).containsAll(created);
  }

  @Test
  void pagingParametersAreChecked() {
    Api api = Api.newAccount();
    for (int i = 0; i < 3; i++) {
      Fixtures.createConfiguration(api, Fixtures.configuration("p" + i, "{}"));
    }
    var first =
        api.request()
            .queryParam("PageSize", 2)
            .get(PATH)
            .then()
            .statusCode(200)
            .body("meta.pageSize", equalTo(2))
            .body("meta.previousToken", nullValue())
            .extract()
            .jsonPath();
    var second =
        api.request()
            .queryParam("pageSize", 2)
            .queryParam("pageToken", first.getString("meta.nextToken"))
            .get(PATH)
            .then()
            .statusCode(200)
            .body("meta.pageSize", equalTo(1))
            .body("meta.nextToken", nullValue())
            .extract()
            .jsonPath();
    api.request()
        .queryParam("pageSize", 2)
        .queryParam("pageToken", second.getString("meta.previousToken"))
        .get(PATH)
        .then()
        .statusCode(200)
        .body("configurations.id", equalTo(first.getList("configurations.id")));
  }

  /** List queries the contract refuses: the parameter, its value, the status, the exact message. */
  static Stream<Arguments> refusedListQueries() {
    return Stream.of(
        Arguments.of(
            "pageSize",
            "0",
            400,
            "Invalid value for 'pageSize': expected an integer from 1 to 1000"),
        Arguments.of(
            "pageSize",
            "ten",
            400,
            "Invalid value for 'pageSize': expected an integer from 1 to 1000"),
        Arguments.of(
            "pageSize",
            "1001",
            400,
            "Invalid value for 'pageSize': expected an integer from 1 to 1000"),
        Arguments.of(
            "pageToken",
            "garbage!",
            400,
            "Invalid value for 'pageToken': not a token this service issued"),
        Arguments.of(
            "memoryStoreId",
            "x",
            400,
            "Invalid value for 'memoryStoreId': must match ^mem_(store|service)_[0-7][0-9a-z]{25}$"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("refusedListQueries")
  void aRefusedListQueryAnswersTheError(
      String parameter, String value, int status, String message) {
    Api.newAccount()
        .request()
        .queryParam(parameter, value)
        .get(PATH)
        .then()
        .statusCode(status)
        .body("message", equalTo(message));
  }

  @Test
  void listFiltersByMemoryStoreAndTokensRememberTheFilter() {
    Api api = Api.newAccount();
    String other = "mem_store_01k1etx3jbfx88476ccja0889z";
    for (int i = 0; i < 3; i++) {
      Fixtures.createConfiguration(api, Fixtures.configuration("a" + i, "{}"));
      Fixtures.createConfiguration(
          api, Fixtures.configuration("b" + i, "{}").replace(Fixtures.MEMORY_STORE, other));
    }
    var page =
        api.request()
            .queryParam("memoryStoreId", other)
            .queryParam("pageSize", 2)
            .get(PATH)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(page.getList("configurations.memoryStoreId")).containsOnly(other);
    // twilio-java drops filters on later pages: the token must carry them
    api.request()
        .queryParam("pageSize", 2)
        .queryParam("pageToken", page.getString("meta.nextToken"))
        .get(PATH)
        .then()
        .statusCode(200)
        .body("configurations.size()", equalTo(1))
        .body("configurations[0].memoryStoreId", equalTo(other));
  }
}
