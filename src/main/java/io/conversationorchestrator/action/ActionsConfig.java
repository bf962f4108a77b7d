package io.conversationorchestrator.action;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Actions: how long adapters have, where commands are sent, and how results come back. */
@ConfigMapping(prefix = "orchestrator.actions")
public interface ActionsConfig {
  /** How long an action may stay PENDING before it is FAILED with "timed out". */
  @WithDefault("5M")
  Duration timeout();

  /** Sender URL per channel (e.g. {@code senders.SMS=https://…}): commands are POSTed there. */
  Map<String, String> senders();

  /** How often an idle sweeper looks for timed-out actions. */
  @WithDefault("1s")
  Duration sweepInterval();

  /** How many timed-out actions one sweeper transaction fails. */
  @WithDefault("200")
  int sweepBatchSize();

  /** Whether this replica fails timed-out actions. */
  @WithDefault("true")
  boolean sweeperEnabled();

  /** Kafka topic adapters may publish results to, instead of calling the API. */
  @WithDefault("conversation-action-results")
  String resultsTopic();

  /** Where result records that cannot be applied go, with the reason in a header. */
  @WithDefault("conversation-action-results-dlq")
  String resultsDeadLetterTopic();
}
