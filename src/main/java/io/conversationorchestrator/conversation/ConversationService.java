package io.conversationorchestrator.conversation;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.configuration.ConfigurationEntity;
import io.conversationorchestrator.configuration.ConfigurationRepository;
import io.conversationorchestrator.conversation.lifecycle.ConversationStatus;
import io.conversationorchestrator.conversation.lifecycle.LifecycleConfig;
import io.conversationorchestrator.conversation.lifecycle.LifecycleRules;
import io.conversationorchestrator.conversation.lifecycle.Timeline;
import io.conversationorchestrator.conversation.participant.Address;
import io.conversationorchestrator.conversation.participant.Participant;
import io.conversationorchestrator.conversation.participant.ParticipantBody;
import io.conversationorchestrator.conversation.participant.ParticipantFactory;
import io.conversationorchestrator.conversation.participant.ParticipantRepository;
import io.conversationorchestrator.conversation.participant.ParticipantType;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.platform.Time;
import io.conversationorchestrator.platform.Transactions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Creating, reading and listing conversations; updates are in {@link ConversationUpdates}. */
@ApplicationScoped
public class ConversationService {
  private final ConversationRepository conversations;
  private final ConfigurationRepository configurations;
  private final ParticipantFactory participantFactory;
  private final ParticipantRepository participants;
  private final ConversationEvents events;
  private final LifecycleRules rules;
  private final Transactions transactions;
  private final Duration reopenLinkWindow;

  public ConversationService(
      Transactions transactions,
      ConversationRepository conversations,
      ConfigurationRepository configurations,
      ParticipantFactory participantFactory,
      ParticipantRepository participants,
      ConversationEvents events,
      LifecycleRules rules,
      LifecycleConfig lifecycle) {
    this.transactions = transactions;
    this.conversations = conversations;
    this.configurations = configurations;
    this.participantFactory = participantFactory;
    this.participants = participants;
    this.events = events;
    this.rules = rules;
    this.reopenLinkWindow = lifecycle.reopenLinkWindow();
  }

  /**
   * The conversation, its participants and its configuration snapshot, all or nothing: under the
   * named configuration (share-locked, so it cannot be deleted meanwhile) or configured inline.
   */
  public Uni<ConversationResponse> create(String accountSid, CreateConversationBody body) {
    if (body.isInline()) {
      ConversationConfiguration inline = ConversationConfiguration.inline(body.configuration());
      return transactions.inTransaction(
          c -> open(c, accountSid, null, inline, body).map(Opened::response));
    }
    UUID configurationId =
        ResourceType.CONFIGURATION
            .parse(body.configurationId())
            .orElseThrow(() -> configurationNotFound(body.configurationId()));
    return transactions.inTransaction(
        c ->
            configurations
                .findOwnedForShare(c, accountSid, configurationId)
                .onItem()
                .ifNull()
                .failWith(() -> configurationNotFound(body.configurationId()))
                .chain(configuration -> open(c, configuration, body))
                .map(Opened::response));
  }

  public Uni<ConversationResponse> fetch(String accountSid, String id) {
    UUID uuid = ResourceType.CONVERSATION.parseOrNotFound(id);
    return transactions.reading(
        c ->
            conversations
                .findOwned(c, accountSid, uuid)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound(ResourceType.CONVERSATION, id))
                .chain(
                    found ->
                        participants
                            .listFor(c, List.of(found.id))
                            .map(p -> ConversationResponse.of(found, p))));
  }

  public Uni<Page<ConversationResponse>> list(String accountSid, PageQuery query) {
    return transactions.reading(
        c ->
            conversations
                .page(c, accountSid, query)
                .map(rows -> query.page(ConversationPage.KEY, rows, x -> x.id.toString()))
                .chain(page -> withParticipants(c, page)));
  }

  /** How many conversations the account has in each status (absent: none). */
  public Uni<Map<String, Long>> statusCounts(String accountSid) {
    return transactions.reading(c -> conversations.countByStatus(c, accountSid));
  }

  /**
   * Opens a conversation under a configuration the caller has share-locked, in the caller's
   * transaction (passive ingestion creates conversations through here too).
   */
  public Uni<Opened> open(
      SqlConnection c, ConfigurationEntity source, CreateConversationBody body) {
    return open(
        c,
        source.accountSid,
        source.id,
        ConversationConfiguration.snapshot(source, body.configuration()),
        body);
  }

  /** A conversation just inserted, its participants (in creation order), and the API's answer. */
  public record Opened(
      Conversation conversation, List<Participant> participants, ConversationResponse response) {}

  private Uni<Opened> open(
      SqlConnection c,
      String accountSid,
      UUID configurationId,
      ConversationConfiguration settings,
      CreateConversationBody body) {
    Instant now = Time.now();
    Conversation conversation = new Conversation();
    conversation.id = ResourceType.newUuid();
    conversation.accountSid = accountSid;
    conversation.configurationId = configurationId;
    conversation.status = ConversationStatus.ACTIVE;
    conversation.name = body.name();
    conversation.metadata = body.metadata() == null ? Map.of() : body.metadata();
    conversation.configuration = settings;
    GroupingScope scope = GroupingScope.of(accountSid, configurationId, settings);
    conversation.groupingScope = scope.inline();
    conversation.channelActivity = Map.of();
    conversation.createdAt = now;
    conversation.updatedAt = now;
    List<ParticipantBody> roster = body.participants() == null ? List.of() : body.participants();
    Timeline timeline = conversation.timeline().withActivity(addressChannels(roster, now));
    conversation.apply(timeline, rules.schedule(timeline));
    // The grouping key comes from the customer's profile, so participants are resolved first and
    // the conversation row is inserted once, complete: an insert then an update of the key would
    // leave a dead row version and new entries in every index per conversation.
    return resolveParticipants(c, conversation, roster, now)
        .call(list -> claimGroupingKey(c, conversation, scope, list))
        .call(() -> conversations.insert(c, conversation))
        .call(list -> participants.insert(c, list))
        .map(list -> new Opened(conversation, list, ConversationResponse.of(conversation, list)))
        .call(opened -> events.append(c, EventType.CONVERSATION_CREATED, opened.response(), null));
  }

  /**
   * Gives the conversation its customer's grouping key, unless another open conversation holds it
   * (409), and links the key's latest conversation CLOSED within the reopen-link window. The unique
   * index settles races: a concurrent twin fails at commit. A close racing this creation commits
   * before the row lock of the open lookup is granted, so the link lookup after it sees the close.
   */
  private Uni<Void> claimGroupingKey(
      SqlConnection c, Conversation conversation, GroupingScope scope, List<Participant> roster) {
    Participant customer =
        roster.stream().filter(p -> p.type == ParticipantType.CUSTOMER).findFirst().orElse(null);
    if (customer == null) {
      return Uni.createFrom().voidItem();
    }
    List<Address> addresses = customer.contact.addresses();
    String key =
        GroupingKeys.of(
            conversation.configuration.conversationGroupingType(),
            customer.profileId,
            addresses.isEmpty() ? null : addresses.get(0));
    if (key == null) {
      return Uni.createFrom().voidItem();
    }
    return conversations
        .lockGroupingKey(c, scope, key)
        .chain(() -> conversations.findOpenByKeyForUpdate(c, scope, key))
        .invoke(
            open -> {
              if (open != null) {
                throw new GroupingConflict(ResourceType.CONVERSATION.format(open.id));
              }
              conversation.groupingKey = key;
            })
        .chain(() -> previousConversation(c, scope, key, conversation.createdAt))
        .invoke(previous -> conversation.previousConversationId = previous)
        .replaceWithVoid();
  }

  /** The conversation a new one of this key continues (CLOSED stays final), or null. */
  private Uni<UUID> previousConversation(
      SqlConnection c, GroupingScope scope, String key, Instant now) {
    if (reopenLinkWindow.isZero() || reopenLinkWindow.isNegative()) {
      return Uni.createFrom().nullItem();
    }
    return conversations.findLatestClosedSince(c, scope, key, now.minus(reopenLinkWindow));
  }

  /** Before any communication, the channels of the participants' addresses count as activity. */
  private static Map<String, Instant> addressChannels(List<ParticipantBody> roster, Instant now) {
    return roster.stream()
        .filter(p -> p.addresses() != null)
        .flatMap(p -> p.addresses().stream())
        .map(Address::channel)
        .distinct()
        .collect(Collectors.toMap(Enum::name, channel -> now));
  }

  /** The participants to insert, their profiles resolved; not persisted yet. */
  private Uni<List<Participant>> resolveParticipants(
      SqlConnection c, Conversation conversation, List<ParticipantBody> roster, Instant now) {
    String store = conversation.configuration.memoryStoreId();
    return Multi.createFrom()
        .range(0, roster.size())
        .onItem()
        .transformToUniAndConcatenate(
            i ->
                participantFactory.create(
                    c,
                    conversation.accountSid,
                    conversation.id,
                    store,
                    roster.get(i),
                    now,
                    "participants[" + i + "]."))
        .collect()
        .asList();
  }

  private Uni<Page<ConversationResponse>> withParticipants(
      SqlConnection c, Page<Conversation> page) {
    List<UUID> ids = page.items().stream().map(x -> x.id).toList();
    return participants
        .listFor(c, ids)
        .map(all -> all.stream().collect(Collectors.groupingBy(p -> p.conversationId)))
        .map(byConversation -> respond(page, byConversation));
  }

  private static Page<ConversationResponse> respond(
      Page<Conversation> page, Map<UUID, List<Participant>> byConversation) {
    Map<UUID, List<Participant>> lookup = new HashMap<>(byConversation);
    return page.map(c -> ConversationResponse.of(c, lookup.getOrDefault(c.id, List.of())));
  }

  private static ApiException configurationNotFound(String id) {
    return ApiException.notFound(ResourceType.CONFIGURATION, id);
  }
}
