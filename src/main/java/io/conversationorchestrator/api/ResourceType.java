package io.conversationorchestrator.api;

import com.github.f4b6a3.uuid.UuidCreator;
import java.util.Optional;
import java.util.UUID;

/** The kinds of resource the API names, each with its TypeID prefix from the contract. */
public enum ResourceType {
  CONFIGURATION("conv_configuration"),
  CONVERSATION("conv_conversation"),
  PARTICIPANT("conv_participant"),
  COMMUNICATION("conv_communication"),
  ACTION("conv_action"),
  OPERATION("proc_job"),
  PROFILE("mem_profile"),
  CALLBACK_DELIVERY("conv_callback_delivery"),
  SUBSCRIPTION("conv_subscription"),
  EVENT("conv_event");

  private final String prefix;

  ResourceType(String prefix) {
    this.prefix = prefix;
  }

  /** A new time-ordered (UUIDv7) identifier; ids sort by creation time, which paging relies on. */
  public static UUID newUuid() {
    return UuidCreator.getTimeOrderedEpoch();
  }

  public String prefix() {
    return prefix;
  }

  /** The public id, e.g. {@code conv_configuration_01h455vb4pex5vsknk084sn02q}. */
  public String format(UUID uuid) {
    return prefix + '_' + TypeId.encode(uuid);
  }

  /** Parses a public id of this type; empty when the text is not one (wrong prefix, bad suffix). */
  public Optional<UUID> parse(String id) {
    if (id == null
        || id.length() != prefix.length() + 1 + TypeId.SUFFIX_LENGTH
        || !id.startsWith(prefix)
        || id.charAt(prefix.length()) != '_') {
      return Optional.empty();
    }
    return TypeId.decode(id.substring(prefix.length() + 1));
  }

  /** Parses a path id, answering 404 for anything that is not an id of this type. */
  public UUID parseOrNotFound(String id) {
    return parse(id).orElseThrow(() -> ApiException.notFound(this, id));
  }

  /** A readable name for messages, e.g. "Conversation". */
  public String displayName() {
    String lower = name().toLowerCase().replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
