package io.conversationorchestrator.configuration;

/** How passive ingestion groups traffic into conversations. */
public enum GroupingType {
  GROUP_BY_PROFILE,
  GROUP_BY_PARTICIPANT_ADDRESSES,
  GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE
}
