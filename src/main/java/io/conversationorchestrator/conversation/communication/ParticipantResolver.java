package io.conversationorchestrator.conversation.communication;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.conversation.Conversation;
import io.conversationorchestrator.conversation.participant.Address;
import io.conversationorchestrator.conversation.participant.AddressRules;
import io.conversationorchestrator.conversation.participant.Participant;
import io.conversationorchestrator.conversation.participant.ParticipantBody;
import io.conversationorchestrator.conversation.participant.ParticipantRepository;
import io.conversationorchestrator.conversation.participant.ParticipantService;
import io.conversationorchestrator.conversation.participant.ParticipantType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Gives a communication's author and every recipient the id of the participant they are. A given
 * {@code participantId} must be a participant of the conversation with an address matching (in
 * {@link AddressRules#normalize} form, so {@code +1555…} on SMS matches {@code whatsapp:+1555…}).
 * Without one, the participant holding the address is found, preferring one holding it on the same
 * channel; when none does, a participant is added for it (with its PARTICIPANT_ADDED event, before
 * the communication's own), typed by {@link NewParticipants}.
 */
@ApplicationScoped
public class ParticipantResolver {
  private final ParticipantRepository participants;
  private final ParticipantService participantService;

  public ParticipantResolver(
      ParticipantRepository participants, ParticipantService participantService) {
    this.participants = participants;
    this.participantService = participantService;
  }

  /**
   * The body with every participantId filled in, after adding the participants it needed.
   *
   * @param current the conversation's participants when the caller has them (it just created them),
   *     else null: they are read
   */
  Uni<ResolvedBody> resolve(
      SqlConnection c,
      Conversation conversation,
      List<Participant> current,
      CommunicationBody body,
      NewParticipants newcomers) {
    checkAddresses(body);
    Uni<List<Participant>> known =
        current != null
            ? Uni.createFrom().item(current)
            : participants.listFor(c, List.of(conversation.id));
    return known
        .map(ArrayList::new)
        .chain(list -> resolveAll(c, conversation, body, newcomers, list));
  }

  private Uni<ResolvedBody> resolveAll(
      SqlConnection c,
      Conversation conversation,
      CommunicationBody body,
      NewParticipants newcomers,
      List<Participant> known) {
    Author author = body.author();
    Uni<String> authorId =
        idOf(c, conversation, known, newcomers, "author", author.participantId(), address(author));
    return authorId.chain(
        id -> {
          Author resolved = new Author(author.address(), author.channel(), id);
          return resolveRecipients(
                  c, conversation, body.recipients(), newcomers, known, 0, List.of())
              .map(
                  recipients ->
                      new ResolvedBody(
                          new CommunicationBody(
                              resolved,
                              body.content(),
                              body.channelId(),
                              body.resourceId(),
                              recipients,
                              body.occurredAt()),
                          typeOf(known, id),
                          known));
        });
  }

  /** One recipient after the other: a participant added for one is found by the next. */
  private Uni<List<Recipient>> resolveRecipients(
      SqlConnection c,
      Conversation conversation,
      List<Recipient> recipients,
      NewParticipants newcomers,
      List<Participant> known,
      int index,
      List<Recipient> done) {
    if (index == recipients.size()) {
      return Uni.createFrom().item(done);
    }
    Recipient r = recipients.get(index);
    String field = "recipients[" + index + "]";
    return idOf(c, conversation, known, newcomers, field, r.participantId(), address(r))
        .chain(
            id -> {
              List<Recipient> next = new ArrayList<>(done);
              next.add(new Recipient(r.address(), r.channel(), id, r.deliveryStatus()));
              return resolveRecipients(
                  c, conversation, recipients, newcomers, known, index + 1, next);
            });
  }

  private Uni<String> idOf(
      SqlConnection c,
      Conversation conversation,
      List<Participant> known,
      NewParticipants newcomers,
      String field,
      String given,
      Address address) {
    if (given != null) {
      return Uni.createFrom().item(checkGiven(known, field, given, address));
    }
    Optional<Participant> found = holderOf(known, address);
    if (found.isPresent()) {
      return Uni.createFrom().item(ResourceType.PARTICIPANT.format(found.get().id));
    }
    ParticipantBody body =
        new ParticipantBody(null, newcomers.typeOf(address), null, List.of(address));
    return participantService
        .addTo(c, conversation, body)
        .invoke(known::add)
        .map(added -> ResourceType.PARTICIPANT.format(added.id));
  }

  private static ParticipantType typeOf(List<Participant> known, String id) {
    UUID uuid = ResourceType.PARTICIPANT.parse(id).orElse(null);
    return known.stream().filter(p -> p.id.equals(uuid)).findFirst().map(p -> p.type).orElse(null);
  }

  private static String checkGiven(
      List<Participant> known, String field, String given, Address address) {
    Optional<UUID> id = ResourceType.PARTICIPANT.parse(given);
    Participant participant =
        known.stream()
            .filter(p -> id.isPresent() && p.id.equals(id.get()))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "Invalid value for '"
                            + field
                            + ".participantId': "
                            + given
                            + " is not a participant of this conversation"));
    String wanted = AddressRules.normalize(address);
    if (participant.contact.addresses().stream()
        .noneMatch(a -> AddressRules.normalize(a).equals(wanted))) {
      throw ApiException.invalid(
          "Invalid value for '"
              + field
              + ".participantId': "
              + given
              + " has no address matching '"
              + field
              + ".address'");
    }
    return ResourceType.PARTICIPANT.format(participant.id);
  }

  /** The participant holding the address, on the same channel if one does; oldest first. */
  static Optional<Participant> holderOf(List<Participant> known, Address address) {
    String wanted = AddressRules.normalize(address);
    Participant otherChannel = null;
    for (Participant p : known) {
      for (Address a : p.contact.addresses()) {
        if (AddressRules.normalize(a).equals(wanted)) {
          if (a.channel() == address.channel()) {
            return Optional.of(p);
          }
          otherChannel = otherChannel == null ? p : otherChannel;
        }
      }
    }
    return Optional.ofNullable(otherChannel);
  }

  /** Addresses follow the participant rules, since they may become a participant's. */
  private static void checkAddresses(CommunicationBody body) {
    check("author", address(body.author()));
    for (int i = 0; i < body.recipients().size(); i++) {
      check("recipients[" + i + "]", address(body.recipients().get(i)));
    }
  }

  private static void check(String field, Address address) {
    String problem = AddressRules.problem(address);
    if (problem != null) {
      throw ApiException.invalid("Invalid value for '" + field + ".address': " + problem);
    }
  }

  private static Address address(Author author) {
    return new Address(author.channel(), author.address(), null);
  }

  private static Address address(Recipient recipient) {
    return new Address(recipient.channel(), recipient.address(), null);
  }
}
