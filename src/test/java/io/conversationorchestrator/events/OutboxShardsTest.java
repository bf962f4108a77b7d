package io.conversationorchestrator.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.TopicReader;
import io.conversationorchestrator.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The relay's shards as a second replica sees them: the service gives up shards down to its fair
 * share when another replica appears, never relays a shard that other replica holds, and once the
 * shard comes back publishes what waited there. A live replica with another shard count stops the
 * relay: one conversation's rows could be in two shards.
 */
@QuarkusTest
class OutboxShardsTest {
  private static final String OTHER = "test-replica";
  private static final int SHARDS = 8; // the default
  private static final String TAKE_FREE =
      "update relay_shard set owner = ?, expires_at = now() + interval '10 minutes'"
          + " where shard < ? and (owner is null or expires_at < now())";
  private static final String MEMBER =
      "insert into relay_member (id, seen_at, shards) values (?, now(), ?)"
          + " on conflict (id) do update set seen_at = now(), shards = excluded.shards";
  private static final String SHARD_OF = "select cast(mod(hashtext(?) & 2147483647, ?) as int)";

  @Test
  void anotherReplicaTakesItsShareAndItsShardsWaitForIt() throws Exception {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(api, Fixtures.configuration("shards", "{}"));
    try (Connection db = TestInfrastructure.postgres().connect()) {
      // Another replica shows up: the service releases shards down to ceil(8 / 2) = 4 (or fewer,
      // when replicas of earlier test runs still count as live), the other takes the free ones.
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                update(db, MEMBER, OTHER, SHARDS);
                update(db, TAKE_FREE, OTHER, SHARDS);
                return count(db, "select count(*) from relay_shard where owner = ?", OTHER)
                    >= SHARDS / 2;
              });
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String id =
            Fixtures.createConversation(api, Fixtures.customerConversation(configuration, i));
        ids.add(id);
      }
      Map<String, Boolean> ours = new HashMap<>();
      for (String id : ids) {
        int shard = count(db, SHARD_OF, id, SHARDS);
        ours.put(
            id,
            count(
                    db,
                    "select count(*) from relay_shard where shard = ? and owner = ?",
                    shard,
                    OTHER)
                == 1);
      }
      assertThat(ours).containsValue(true).containsValue(false);
      // The service's shards drain; the other replica's rows stay where they are.
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> waiting(db, ids, ours, false) == 0);
      assertThat(waiting(db, ids, ours, true))
          .isEqualTo(ours.values().stream().filter(b -> b).count());

      // The other replica goes away: its shards come back and what waited there is published.
      update(
          db,
          "update relay_shard set owner = null, expires_at = '-infinity' where owner = ?",
          OTHER);
      update(db, "delete from relay_member where id = ?", OTHER);
      try (TopicReader reader = new TopicReader("conversations")) {
        for (String id : ids) {
          assertThat(reader.await(id, Duration.ofSeconds(60), e -> !e.isEmpty()))
              .extracting(TopicReader.Event::type)
              .startsWith("CONVERSATION_CREATED");
        }
      }
    }
  }

  @Test
  void aLiveReplicaWithAnotherShardCountStopsTheRelayUntilItIsGone() throws Exception {
    String held =
        "select count(*) from relay_shard where owner like 'relay-%' and expires_at > now()";
    try (Connection db = TestInfrastructure.postgres().connect()) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                update(db, MEMBER, "other-count", SHARDS / 2);
                return count(db, held) == 0;
              });
      update(db, "delete from relay_member where id = ?", "other-count");
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(db, held) > 0);
    }
  }

  /** Outbox rows left of the conversations in the other replica's shards (or in the service's). */
  private static long waiting(
      Connection db, List<String> ids, Map<String, Boolean> ours, boolean other)
      throws SQLException {
    long rows = 0;
    for (String id : ids) {
      if (ours.get(id) == other) {
        rows += count(db, "select count(*) from outbox_event where message_key = ?", id);
      }
    }
    return rows;
  }

  private static int count(Connection db, String sql, Object... arguments) throws SQLException {
    try (PreparedStatement s = prepare(db, sql, arguments);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getInt(1);
    }
  }

  private static void update(Connection db, String sql, Object... arguments) throws SQLException {
    try (PreparedStatement s = prepare(db, sql, arguments)) {
      s.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection db, String sql, Object... arguments)
      throws SQLException {
    PreparedStatement s = db.prepareStatement(sql);
    for (int i = 0; i < arguments.length; i++) {
      s.setObject(i + 1, arguments[i]);
    }
    return s;
  }
}
