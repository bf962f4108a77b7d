package io.conversationorchestrator.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * V5 repairs configurations stored before {@code inactive < closed} was a rule: the statement of
 * the migration, run again over a row written the old way, drops only the offending inactive
 * values, and the configuration can then be patched.
 */
@QuarkusTest
class StoredTimeoutsMigrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MIGRATION = "db/migration/V5__inline_configurations.sql";

  @Inject Pool pool;

  @Test
  void dropsInactiveValuesNotBeforeClosedAndKeepsTheRest() throws Exception {
    Api api = Api.newAccount();
    String id = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    UUID uuid = io.conversationorchestrator.api.ResourceType.CONFIGURATION.parse(id).orElseThrow();
    String legacy =
        """
        {"channelSettings":{
           "SMS":{"statusTimeouts":{"inactive":60,"closed":30},"captureRules":[{"from":"*","to":"*","metadata":null}]},
           "CHAT":{"statusTimeouts":{"inactive":30,"closed":30},"captureRules":[]},
           "VOICE":{"statusTimeouts":{"inactive":5,"closed":10},"captureRules":[]},
           "RCS":{"statusTimeouts":{"inactive":5,"closed":null},"captureRules":[]}},
         "statusCallbacks":[],"intelligenceConfigurationIds":[]}
        """;
    run(
        "update configuration set settings = cast(cast($1 as text) as jsonb) where id = $2",
        legacy,
        uuid);

    run(repairStatement(), null, null);

    JsonNode channels =
        JSON.readTree(
                api.request()
                    .get("/v2/ControlPlane/Configurations/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString())
            .path("channelSettings");
    assertThat(channels)
        .isEqualTo(
            JSON.readTree(
                """
                {"SMS":{"statusTimeouts":{"inactive":null,"closed":30},"captureRules":[{"from":"*","to":"*","metadata":null}]},
                 "CHAT":{"statusTimeouts":{"inactive":null,"closed":30},"captureRules":[]},
                 "VOICE":{"statusTimeouts":{"inactive":5,"closed":10},"captureRules":[]},
                 "RCS":{"statusTimeouts":{"inactive":5,"closed":null},"captureRules":[]}}
                """));
    api.request()
        .body("{\"description\":\"valid again\"}")
        .patch("/v2/ControlPlane/Configurations/" + id)
        .then()
        .statusCode(202);
  }

  /** The migration's last statement: the repair of stored timeouts. */
  private static String repairStatement() throws Exception {
    try (InputStream in =
        StoredTimeoutsMigrationTest.class.getClassLoader().getResourceAsStream(MIGRATION)) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String statement = sql.substring(sql.lastIndexOf("update configuration c")).trim();
      return statement.endsWith(";") ? statement.substring(0, statement.length() - 1) : statement;
    }
  }

  private void run(String sql, String json, UUID id) {
    var query = pool.preparedQuery(sql);
    (json == null ? query.execute() : query.execute(Tuple.of(json, id)))
        .await()
        .atMost(Duration.ofSeconds(10));
  }
}
