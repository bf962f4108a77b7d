package io.conversationorchestrator.conversation;

import io.conversationorchestrator.configuration.GroupingType;
import java.util.UUID;

/**
 * Where a grouping key is unique among open conversations: under a configuration (its id), or, for
 * conversations configured inline, within the account, memory store and grouping type they named
 * ({@code inline}, stored in {@code conversation.grouping_scope}). Passive ingestion routes only by
 * configuration, so it never meets an inline scope.
 */
public record GroupingScope(String accountSid, UUID configurationId, String inline) {

  public static GroupingScope of(String accountSid, UUID configurationId) {
    return new GroupingScope(accountSid, configurationId, null);
  }

  public static GroupingScope inline(String accountSid, GroupingType type, String memoryStoreId) {
    return new GroupingScope(accountSid, null, "inline:" + memoryStoreId + ":" + type.name());
  }

  /** The scope of a conversation about to be created with these settings. */
  static GroupingScope of(
      String accountSid, UUID configurationId, ConversationConfiguration settings) {
    return configurationId != null
        ? of(accountSid, configurationId)
        : inline(accountSid, settings.conversationGroupingType(), settings.memoryStoreId());
  }

  /** The name of the advisory lock of one key (under a configuration, as before inline scopes). */
  String lockName(String groupingKey) {
    return configurationId != null
        ? configurationId + "/" + groupingKey
        : accountSid + "/" + inline + "/" + groupingKey;
  }
}
