package io.conversationorchestrator.conversation;

import io.conversationorchestrator.configuration.GroupingType;
import io.conversationorchestrator.conversation.participant.Address;
import io.conversationorchestrator.conversation.participant.AddressRules;
import java.util.UUID;

/**
 * What makes two conversations "the same customer's" under a configuration. At most one open
 * conversation per key and {@link GroupingScope} exists (unique partial indexes).
 */
public final class GroupingKeys {
  private GroupingKeys() {}

  /**
   * @param profileId the customer's profile (GROUP_BY_PROFILE), or null
   * @param address the customer's address on the channel of the traffic, or null
   * @return the key, or null when the customer cannot be identified (no grouping then)
   */
  public static String of(GroupingType type, UUID profileId, Address address) {
    return switch (type) {
      case GROUP_BY_PROFILE -> profileId == null ? null : "profile:" + profileId;
      case GROUP_BY_PARTICIPANT_ADDRESSES ->
          address == null ? null : "address:" + AddressRules.normalize(address);
      case GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE ->
          address == null
              ? null
              : "address:" + AddressRules.normalize(address) + "|" + address.channel();
    };
  }
}
