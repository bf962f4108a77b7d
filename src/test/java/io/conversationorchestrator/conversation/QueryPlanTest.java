package io.conversationorchestrator.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each hot query has an index that serves it. Sequential scans are disabled for the EXPLAIN, as the
 * planner would rightly prefer them on the test's small tables; what is proven is that a matching
 * index exists for the query's filter and order.
 */
@QuarkusTest
class QueryPlanTest {
  @Inject Pool pool;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "conversation_account_status_page,conversation_account_page | select * from conversation c where c.account_sid = 'AC1'"
            + " and c.status = any('{ACTIVE,INACTIVE}'::text[]) and c.id < gen_random_uuid() order by c.id desc limit 51",
        "conversation_account_page,conversation_account_status_page | select * from conversation c where c.account_sid = 'AC1'"
            + " order by c.id desc limit 51",
        "conversation_due | select * from conversation where next_transition_at <= now()"
            + " order by next_transition_at limit 500 for update skip locked",
        "conversation_open_grouping_key,conversation_open_by_configuration | select * from conversation"
            + " where configuration_id = gen_random_uuid() and grouping_key = 'profile:p'"
            + " and status <> 'CLOSED' for update",
        "conversation_open_inline_grouping_key | select * from conversation where account_sid = 'AC1'"
            + " and grouping_scope = 'inline:m:GROUP_BY_PROFILE'"
            + " and grouping_key = 'profile:p' and status <> 'CLOSED' for update",
        "conversation_closed_grouping_key | select cast(id as text) from conversation"
            + " where status = 'CLOSED' and grouping_key = 'profile:p'"
            + " and closed_at >= now() - interval '7 days' and configuration_id = gen_random_uuid()"
            + " order by closed_at desc, id desc limit 1",
        "conversation_closed_inline_grouping_key | select cast(id as text) from conversation"
            + " where status = 'CLOSED' and grouping_key = 'profile:p'"
            + " and closed_at >= now() - interval '7 days' and account_sid = 'AC1'"
            + " and grouping_scope = 'inline:m:GROUP_BY_PROFILE' order by closed_at desc, id desc limit 1",
        "conversation_open_by_configuration | select cast(id as text) from conversation"
            + " where configuration_id = gen_random_uuid() and status <> 'CLOSED' limit 1",
        "communication_conversation_page | select * from communication where conversation_id = gen_random_uuid()"
            + " and (occurred_at > now() or (occurred_at = now() and id > gen_random_uuid()))"
            + " order by occurred_at, id limit 51",
        "communication_channel_id | select conversation_id from communication"
            + " where account_sid = 'AC1' and channel_id = 'SM1'",
        "communication_resource | select * from communication where conversation_id = gen_random_uuid()"
            + " and resource_id = 'SM1'",
        "participant_conversation_page,participant_pkey | select * from participant where conversation_id = gen_random_uuid()"
            + " order by id limit 51",
        "participant_contact | select conversation_id from participant"
            + " where contact @> '{\"addresses\":[{\"channelId\":\"SM1\"}]}'",
        "profile_address_pkey | select profile_id from profile_address where account_sid = 'AC1'"
            + " and memory_store_id = 'm' and address = any('{+15551234567}'::text[])",
        "configuration_account_store_page | select * from configuration where account_sid = 'AC1'"
            + " and memory_store_id = 'm' order by id desc limit 51",
        "outbox_event_pkey | select * from outbox_event order by seq limit 500",
        "outbox_event_shard_seq | select * from outbox_event where shard >= 3 and shard <= 3"
            + " order by shard, seq limit 500",
      })
  void usesIndex(String indexes, String query) {
    String plan =
        pool.withTransaction(
                c ->
                    c.query("set local enable_seqscan = off")
                        .execute()
                        .chain(() -> c.query("explain " + query).execute()))
            .map(
                rows ->
                    StreamSupport.stream(rows.spliterator(), false)
                        .map((Row r) -> r.getString(0))
                        .collect(Collectors.joining("\n")))
            .await()
            .atMost(Duration.ofSeconds(10));
    assertThat(plan).as(plan).doesNotContain("Seq Scan");
    assertThat(java.util.Arrays.stream(indexes.split(",")).anyMatch(plan::contains))
        .as(plan)
        .isTrue();
  }
}
