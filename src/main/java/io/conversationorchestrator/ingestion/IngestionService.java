package io.conversationorchestrator.ingestion;

import io.conversationorchestrator.api.ApiError;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.Failures;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.configuration.ConfigurationEntity;
import io.conversationorchestrator.configuration.ConfigurationRepository;
import io.conversationorchestrator.configuration.GroupingType;
import io.conversationorchestrator.conversation.Conversation;
import io.conversationorchestrator.conversation.ConversationEvents;
import io.conversationorchestrator.conversation.ConversationRepository;
import io.conversationorchestrator.conversation.ConversationResponse;
import io.conversationorchestrator.conversation.ConversationService;
import io.conversationorchestrator.conversation.CreateConversationBody;
import io.conversationorchestrator.conversation.GroupingConflict;
import io.conversationorchestrator.conversation.GroupingKeys;
import io.conversationorchestrator.conversation.GroupingScope;
import io.conversationorchestrator.conversation.OpenConversations;
import io.conversationorchestrator.conversation.communication.CommunicationService;
import io.conversationorchestrator.conversation.communication.NewParticipants;
import io.conversationorchestrator.conversation.participant.Address;
import io.conversationorchestrator.conversation.participant.AddressRules;
import io.conversationorchestrator.conversation.participant.Participant;
import io.conversationorchestrator.conversation.participant.ParticipantBody;
import io.conversationorchestrator.conversation.participant.ParticipantType;
import io.conversationorchestrator.conversation.participant.ProfileResolver;
import io.conversationorchestrator.platform.Transactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Puts traffic in the right conversation. Precedence as the seed's table: {@code conversationId}
 * wins (grouping bypassed); else {@code configurationId} finds the customer's open conversation by
 * the configuration's grouping key or creates one; neither is a 400. Concurrent ingests for a new
 * customer take turns on the key (an advisory lock), so the first creates and the others find its
 * conversation; should the unique index still refuse a creation, the ingest runs again. Routing is
 * by configuration only (capture rules live there), so ingestion never creates or joins a
 * conversation configured inline, except by naming its {@code conversationId}.
 */
@ApplicationScoped
public class IngestionService {
  private static final int ATTEMPTS = 5;

  private final Transactions transactions;
  private final OpenConversations openConversations;
  private final ConversationRepository conversations;
  private final ConfigurationRepository configurations;
  private final ConversationService conversationService;
  private final CommunicationService communications;
  private final ConversationEvents events;
  private final ProfileResolver profiles;

  public IngestionService(
      Transactions transactions,
      OpenConversations openConversations,
      ConversationRepository conversations,
      ConfigurationRepository configurations,
      ConversationService conversationService,
      CommunicationService communications,
      ConversationEvents events,
      ProfileResolver profiles) {
    this.transactions = transactions;
    this.openConversations = openConversations;
    this.conversations = conversations;
    this.configurations = configurations;
    this.conversationService = conversationService;
    this.communications = communications;
    this.events = events;
    this.profiles = profiles;
  }

  public Uni<IngestResult> ingest(String accountSid, IngestBody body) {
    return Uni.createFrom()
        .deferred(() -> transactions.inTransaction(c -> route(c, accountSid, body)))
        .onFailure(IngestionService::lostCreationRace)
        .retry()
        .atMost(ATTEMPTS - 1);
  }

  /** One attempt, all of it on {@code c}: the Kafka path may have no context to join it by. */
  private Uni<IngestResult> route(SqlConnection c, String accountSid, IngestBody body) {
    if (body.conversationId() != null) {
      return openConversations
          .lockOpen(c, accountSid, body.conversationId(), "new communications")
          .chain(conversation -> deliver(c, conversation, null, body, false));
    }
    if (body.configurationId() == null) {
      throw ApiException.invalid(
          "Either 'conversationId' or 'configurationId' is required; nothing was captured");
    }
    UUID id =
        ResourceType.CONFIGURATION
            .parse(body.configurationId())
            .orElseThrow(
                () -> ApiException.notFound(ResourceType.CONFIGURATION, body.configurationId()));
    return configurations
        .findOwnedForShare(c, accountSid, id)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound(ResourceType.CONFIGURATION, body.configurationId()))
        .chain(configuration -> routeByGrouping(c, configuration, body));
  }

  private Uni<IngestResult> routeByGrouping(
      SqlConnection c, ConfigurationEntity configuration, IngestBody body) {
    if (body.routingOrDefault() == Routing.CAPTURE) {
      String refusal =
          CaptureRules.refusal(
              configuration.settings.channelSettings(),
              body.channel(),
              body.from(),
              body.to(),
              body.metadataOrEmpty());
      if (refusal != null) {
        throw new ApiException(ApiError.NOT_CAPTURED, "Not captured: " + refusal);
      }
    }
    Address customer = new Address(body.channel(), body.customerAddress(), null);
    GroupingType grouping = configuration.groupingType;
    Uni<UUID> profile =
        grouping == GroupingType.GROUP_BY_PROFILE
            ? profiles.resolve(
                c, configuration.accountSid, configuration.memoryStoreId, List.of(customer))
            : Uni.createFrom().nullItem();
    GroupingScope scope = GroupingScope.of(configuration.accountSid, configuration.id);
    return profile
        .map(profileId -> GroupingKeys.of(grouping, profileId, customer))
        .call(key -> conversations.lockGroupingKey(c, scope, key))
        .chain(key -> conversations.findOpenByKeyForUpdate(c, scope, key))
        .chain(
            open ->
                open != null
                    ? deliver(c, open, null, body, false)
                    : create(c, configuration, body));
  }

  private Uni<IngestResult> create(
      SqlConnection c, ConfigurationEntity configuration, IngestBody body) {
    ParticipantBody customer =
        new ParticipantBody(
            null,
            ParticipantType.CUSTOMER,
            null,
            List.of(new Address(body.channel(), body.customerAddress(), null)));
    ParticipantBody agent =
        new ParticipantBody(
            null,
            ParticipantType.AGENT,
            null,
            List.of(new Address(body.channel(), body.agentAddress(), null)));
    CreateConversationBody create =
        new CreateConversationBody(
            body.configurationId(), null, null, List.of(customer, agent), null);
    return conversationService
        .open(c, configuration, create)
        .chain(opened -> deliver(c, opened.conversation(), opened.participants(), body, true));
  }

  /**
   * @param participants the conversation's participants when it was just created, else null
   */
  private Uni<IngestResult> deliver(
      SqlConnection c,
      Conversation conversation,
      List<Participant> participants,
      IngestBody body,
      boolean created) {
    if (body.callEvent() != null) {
      Uni<ConversationResponse> response =
          participants != null
              ? Uni.createFrom().item(ConversationResponse.of(conversation, participants))
              : events.respond(c, conversation);
      return response.map(r -> new IngestResult(r, null, created, false));
    }
    return communications
        .postTo(c, conversation, participants, body.communication(), newcomers(body))
        .map(
            posted ->
                new IngestResult(
                    ConversationResponse.of(conversation, posted.participants()),
                    posted.communication(),
                    created,
                    posted.created()));
  }

  /**
   * Ingestion's rule for an address no participant holds, as when it creates a conversation: the
   * customer's side (from, when inbound) is a CUSTOMER, the business's side an AGENT.
   */
  private static NewParticipants newcomers(IngestBody body) {
    String customer =
        AddressRules.normalize(new Address(body.channel(), body.customerAddress(), null));
    return address ->
        AddressRules.normalize(address).equals(customer)
            ? ParticipantType.CUSTOMER
            : ParticipantType.AGENT;
  }

  private static boolean lostCreationRace(Throwable e) {
    return e instanceof GroupingConflict
        || Failures.isUniqueViolation(e, "conversation_open_grouping_key");
  }
}
