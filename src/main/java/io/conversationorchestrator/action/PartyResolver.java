package io.conversationorchestrator.action;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.conversation.Channel;
import io.conversationorchestrator.conversation.participant.Address;
import io.conversationorchestrator.conversation.participant.AddressRules;
import io.conversationorchestrator.conversation.participant.Participant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves the parties of a SEND_MESSAGE against the conversation's participants (in creation
 * order). A participant's addresses are narrowed by the channel and address given; exactly one must
 * remain. An explicit address and channel need no participant, but take the first one that has
 * them, so the command and the communication carry its id.
 */
final class PartyResolver {
  private final List<Participant> participants;

  PartyResolver(List<Participant> participants) {
    this.participants = participants;
  }

  /** The payload's parties, {@code from} first; all on the channel of {@code from}. */
  List<Party> resolve(SendMessagePayload payload) {
    Party from = resolve(payload.from(), "payload.from");
    List<Party> parties = new java.util.ArrayList<>(List.of(from));
    for (int i = 0; i < payload.to().size(); i++) {
      String field = "payload.to[" + i + "]";
      Party to = resolve(payload.to().get(i), field);
      if (to.channel() != from.channel()) {
        throw invalid(
            field + ".channel",
            to.channel()
                + " is not "
                + from.channel()
                + ", the channel of 'payload.from':"
                + " a message is sent on one channel");
      }
      parties.add(to);
    }
    return parties;
  }

  Party resolve(SendMessageParticipant named, String field) {
    if (named.participantId() != null) {
      return ofParticipant(named, field);
    }
    if (named.address() == null || named.channel() == null) {
      throw invalid(field, "name a 'participantId', or an 'address' with its 'channel'");
    }
    String problem = AddressRules.problem(new Address(named.channel(), named.address(), null));
    if (problem != null) {
      throw invalid(field + ".address", problem);
    }
    String wanted = AddressRules.normalize(new Address(named.channel(), named.address(), null));
    String participantId =
        holder(wanted, named.channel())
            .or(() -> holder(wanted, null))
            .map(p -> ResourceType.PARTICIPANT.format(p.id))
            .orElse(null);
    return new Party(participantId, named.address(), named.channel());
  }

  /**
   * The oldest participant holding the address as communications match it (one phone number across
   * channels, an e-mail domain in any case), on {@code channel} when given.
   */
  private Optional<Participant> holder(String normalized, Channel channel) {
    return participants.stream()
        .filter(
            p ->
                p.contact.addresses().stream()
                    .anyMatch(
                        a ->
                            (channel == null || a.channel() == channel)
                                && AddressRules.normalize(a).equals(normalized)))
        .findFirst();
  }

  private Party ofParticipant(SendMessageParticipant named, String field) {
    String id = named.participantId();
    UUID uuid = ResourceType.PARTICIPANT.parse(id).orElse(null);
    Participant participant =
        participants.stream()
            .filter(p -> p.id.equals(uuid))
            .findFirst()
            .orElseThrow(
                () ->
                    invalid(
                        field + ".participantId",
                        id + " is not a participant of this conversation"));
    List<Address> matching = addresses(participant, named.channel(), named.address());
    if (matching.size() == 1) {
      Address only = matching.get(0);
      return new Party(id, only.address(), only.channel());
    }
    String on = named.channel() == null ? "" : " on " + named.channel();
    if (matching.isEmpty()) {
      String which = named.address() == null ? "no address" : "no address " + named.address();
      String where =
          named.address() != null
              ? ".address"
              : named.channel() != null ? ".channel" : ".participantId";
      throw invalid(field + where, "participant " + id + " has " + which + on);
    }
    throw invalid(
        field + (named.channel() == null ? ".channel" : ".address"),
        "participant "
            + id
            + " has "
            + matching.size()
            + " addresses"
            + on
            + "; name the "
            + (named.channel() == null ? "channel" : "address"));
  }

  private static List<Address> addresses(Participant participant, Channel channel, String address) {
    return participant.contact.addresses().stream()
        .filter(a -> channel == null || a.channel() == channel)
        .filter(a -> address == null || sameAddress(a, address))
        .toList();
  }

  /** Whether {@code named} is the held address as communications match it. */
  private static boolean sameAddress(Address held, String named) {
    Address candidate = new Address(held.channel(), named, null);
    return AddressRules.problem(candidate) == null
        && AddressRules.normalize(held).equals(AddressRules.normalize(candidate));
  }

  private static ApiException invalid(String field, String problem) {
    return ApiException.invalid("Invalid value for '" + field + "': " + problem);
  }
}
