package io.conversationorchestrator.sdk;

import static io.conversationorchestrator.sdk.JavaSdkBodies.CALLBACK;
import static io.conversationorchestrator.sdk.JavaSdkChecks.assertCompleted;
import static io.conversationorchestrator.sdk.JavaSdkChecks.assertError;
import static io.conversationorchestrator.sdk.JavaSdkChecks.createConfiguration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.notNullValue;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.conversations.v2.Action;
import com.twilio.rest.conversations.v2.Communication;
import com.twilio.rest.conversations.v2.Configuration;
import com.twilio.rest.conversations.v2.Conversation;
import com.twilio.rest.conversations.v2.Operation;
import com.twilio.rest.conversations.v2.Participant;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Callbacks;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Twilio's official Java SDK (twilio-java 13.0.1) drives this service through LocalHttpClient. It
 * predates twilio-node 6.2 (no metadata, no resourceId on create; contract §17); on a 4xx its list
 * calls read the error body twice and lose the status, so errors are checked on the other calls. It
 * has Actions, but no EMAIL channel (twilio-node 6.3.1, contract §19): an unknown enum value
 * deserialises as null, so EMAIL addresses reach it with a null channel.
 */
@QuarkusTest
class TwilioJavaSdkTest {
  @TestHTTPResource("/")
  URL server;

  private Api account;
  private TwilioRestClient client;

  @BeforeEach
  void freshAccount() {
    account = Api.newAccount();
    client =
        new TwilioRestClient.Builder(account.accountSid(), account.authToken())
            .httpClient(new LocalHttpClient(server))
            .build();
  }

  /** Our extension's event filter on a callback: twilio-java 13.0.1 reads over it. */
  @Test
  void aCallbackEventFilterIsReadOverBySdk() {
    String configuration =
        Fixtures.createConfiguration(
            account,
            Callbacks.withCallbacks(
                "{}", "{\"url\":\"" + CALLBACK + "\",\"events\":[\"CONVERSATION_CREATED\"]}"));
    var fetched = Configuration.fetcher(configuration).fetch(client);
    assertThat(fetched.getStatusCallbacks().get(0).getUrl()).isEqualTo(CALLBACK);
    String id = Fixtures.createConversation(account, Fixtures.seedConversation(configuration));
    var conversation = Conversation.fetcher(id).fetch(client);
    assertThat(conversation.getConfiguration().getStatusCallbacks().get(0).getUrl())
        .isEqualTo(CALLBACK);
  }

  @Test
  void configurationsThroughCreatorFetcherReaderUpdaterPatcherDeleter() {
    String store = JavaSdkBodies.newMemoryStoreId();
    String key = UUID.randomUUID().toString();
    var accepted =
        Configuration.creator()
            .setCreateConfigurationRequest(JavaSdkBodies.configuration(store))
            .setIdempotencyKey(key)
            .create(client);
    String id = accepted.getRelated().get("configurationId");
    assertCompleted(client, accepted.getStatusUrl(), Map.of("configurationId", id));
    var again =
        Configuration.creator()
            .setCreateConfigurationRequest(JavaSdkBodies.configuration(store))
            .setIdempotencyKey(key);
    // the same key with another display name: refused, not a second configuration
    assertThat(catchThrowableOfType(ApiException.class, () -> again.create(client)).getStatusCode())
        .isEqualTo(422);

    var fetched = Configuration.fetcher(id).fetch(client);
    assertThat(fetched.getMemoryStoreId()).isEqualTo(store);
    assertThat(fetched.getConversationGroupingType().toString()).isEqualTo("GROUP_BY_PROFILE");
    assertThat(fetched.getChannelSettings().get("SMS").getStatusTimeouts().getClosed())
        .isEqualTo(1440);
    assertThat(fetched.getStatusCallbacks().get(0).getUrl()).isEqualTo(CALLBACK);
    assertThat(fetched.getMemoryExtractionEnabled()).isTrue();
    assertThat(fetched.getVersion()).isEqualTo(1L);

    String second =
        Configuration.creator()
            .setCreateConfigurationRequest(JavaSdkBodies.configuration(store))
            .create(client)
            .getRelated()
            .get("configurationId");
    // pages of one: twilio-java sends only pageSize and the token after the first page
    var listed = Configuration.reader().setMemoryStoreId(store).setPageSize(1).read(client);
    assertThat(StreamSupport.stream(listed.spliterator(), false).map(c -> c.getId()))
        .containsExactlyInAnyOrder(id, second);

    // channelSettings is required on PUT, and twilio-java drops empty maps: one channel it is
    var whatsapp =
        new Configuration.UpdateConfigurationRequestChannelSettingsValue.Builder()
            .statusTimeouts(
                new Configuration.UpdateConfigurationRequestChannelSettingsValueStatusTimeouts
                        .Builder()
                    .inactive(30)
                    .closed(60)
                    .build())
            .build();
    var replacement =
        new Configuration.UpdateConfigurationRequest.Builder(
                "Replaced by twilio-java",
                Configuration.ConversationGroupingType.GROUP_BY_PARTICIPANT_ADDRESSES,
                store,
                Map.of("WHATSAPP", whatsapp))
            .displayName("replaced")
            .build();
    var updated =
        Configuration.updater(id).setUpdateConfigurationRequest(replacement).update(client);
    assertCompleted(client, updated.getStatusUrl(), Map.of("configurationId", id));
    fetched = Configuration.fetcher(id).fetch(client);
    assertThat(fetched.getDescription()).isEqualTo("Replaced by twilio-java");
    assertThat(fetched.getDisplayName()).isEqualTo("replaced");
    assertThat(fetched.getStatusCallbacks()).isEmpty();
    assertThat(fetched.getChannelSettings()).containsOnlyKeys("WHATSAPP");
    assertThat(fetched.getChannelSettings().get("WHATSAPP").getStatusTimeouts().getInactive())
        .isEqualTo(30);

    var patch =
        new Configuration.PatchConfigurationRequest.Builder()
            .description("Patched by twilio-java")
            .channelSettings(JavaSdkBodies.chatOnlyRemovingWhatsApp())
            .build();
    var patched = Configuration.patcher(id).setPatchConfigurationRequest(patch).patch(client);
    assertCompleted(client, patched.getStatusUrl(), Map.of("configurationId", id));
    fetched = Configuration.fetcher(id).fetch(client);
    assertThat(fetched.getDescription()).isEqualTo("Patched by twilio-java");
    assertThat(fetched.getChannelSettings()).containsOnlyKeys("CHAT");
    assertThat(fetched.getVersion()).isEqualTo(3L);

    var deleted = Configuration.deleter(id).delete(client);
    assertCompleted(client, deleted.getStatusUrl(), Map.of("configurationId", id));
    assertError(() -> Configuration.fetcher(id).fetch(client), 404, 20404);
  }

  @Test
  void conversationsThroughCreatorFetcherReaderUpdaterPatcherDeleter() {
    String configurationId = createConfiguration(client);
    var created =
        Conversation.creator()
            .setCreateConversationWithConfigRequest(JavaSdkBodies.conversation(configurationId))
            .create(client);
    String id = created.getId();
    assertThat(created.getConfigurationId()).isEqualTo(configurationId);
    assertThat(created.getStatus().toString()).isEqualTo("ACTIVE");
    assertThat(created.getParticipants()).hasSize(2);
    assertThat(created.getParticipants().get(0).getProfileId()).startsWith("mem_profile_");
    assertThat(created.getCreatedAt()).isNotNull();

    var fetched = Conversation.fetcher(id).fetch(client);
    assertThat(fetched.getName()).isEqualTo("Support chat");
    assertThat(fetched.getConfiguration().getMemoryStoreId()).isNotNull();

    var inactive =
        Conversation.creator()
            .setCreateConversationWithConfigRequest(JavaSdkBodies.conversation(configurationId))
            .create(client)
            .getId();
    var updated =
        Conversation.updater(inactive)
            .setUpdateConversationByIdRequest(
                new Conversation.UpdateConversationByIdRequest.Builder(Conversation.Status.INACTIVE)
                    .name("Parked")
                    .build())
            .update(client);
    assertThat(updated.getStatus().toString()).isEqualTo("INACTIVE");
    assertThat(updated.getName()).isEqualTo("Parked");

    // a page of one, then the token alone: the token carries the repeated status filter
    var listed =
        Conversation.reader()
            .setStatus(List.of(Conversation.Status.ACTIVE, Conversation.Status.INACTIVE))
            .setPageSize(1)
            .read(client);
    List<String> statuses = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    listed.forEach(
        c -> {
          ids.add(c.getId());
          statuses.add(c.getStatus().toString());
        });
    assertThat(ids).containsExactlyInAnyOrder(id, inactive);
    assertThat(statuses).containsExactlyInAnyOrder("ACTIVE", "INACTIVE");

    var callbacks =
        List.of(
            new Conversation.ConversationsV2StatusCallbackConfig.Builder(CALLBACK)
                .method(Conversation.Method.POST)
                .build());
    var patched =
        Conversation.patcher(id)
            .setPatchConversationByIdRequest(
                new Conversation.PatchConversationByIdRequest.Builder()
                    .name("Renamed")
                    .configuration(
                        new Conversation.PatchConversationByIdRequestConfiguration.Builder()
                            .statusCallbacks(callbacks)
                            .build())
                    .build())
            .patch(client);
    assertThat(patched.getName()).isEqualTo("Renamed");
    assertThat(patched.getConfiguration().getStatusCallbacks().get(0).getUrl()).isEqualTo(CALLBACK);

    var deleted =
        Conversation.deleter(id).setIdempotencyKey(UUID.randomUUID().toString()).delete(client);
    assertCompleted(client, deleted.getStatusUrl(), Map.of("conversationId", id));
    assertError(() -> Conversation.fetcher(id).fetch(client), 404, 20404);
  }

  /**
   * Every lifecycle extension set at once (issue 16): the SDK still reads the conversation and its
   * configuration, whose responses carry fields and values it does not know.
   */
  @Test
  void lifecycleExtensionsStillParse() {
    String configuration =
        Fixtures.createConfiguration(
            account,
            Fixtures.configuration(
                "extensions",
                """
                {"SMS":{"statusTimeouts":{"inactive":600,"closed":1200,"warnBeforeClose":60,
                 "basis":"AWAITING_CUSTOMER"},"responseSla":{"firstResponse":300}}}"""));
    String id = Fixtures.createConversation(account, Fixtures.seedConversation(configuration));
    account
        .request()
        .body(Fixtures.textCommunication("+15551234567", "+15550001111", "hi"))
        .post("/v2/Conversations/" + id + "/Communications")
        .then()
        .statusCode(201);
    account
        .request()
        .body(
            "{\"snoozedUntil\":\"%s\",\"wakeOnActivity\":false}"
                .formatted(Instant.now().plusSeconds(3600)))
        .patch("/v2/Conversations/" + id)
        .then()
        .statusCode(200)
        .body("slaDueAt", notNullValue())
        .body("lastCustomerActivityAt", notNullValue());

    var fetched = Conversation.fetcher(id).fetch(client);
    assertThat(fetched.getStatus().toString()).isEqualTo("INACTIVE");
    assertThat(fetched.getConfiguration().getChannelSettings()).containsKey("SMS");
    var settings = Configuration.fetcher(configuration).fetch(client).getChannelSettings();
    assertThat(settings.get("SMS").getStatusTimeouts().getClosed()).isEqualTo(1200);
  }

  @Test
  void aClosedCustomersNextConversationParsesWithItsPreviousConversationId() {
    var body = JavaSdkBodies.conversation(createConfiguration(client));
    String closed =
        Conversation.creator().setCreateConversationWithConfigRequest(body).create(client).getId();
    Conversation.updater(closed)
        .setUpdateConversationByIdRequest(
            new Conversation.UpdateConversationByIdRequest.Builder(Conversation.Status.CLOSED)
                .build())
        .update(client);

    var next = Conversation.creator().setCreateConversationWithConfigRequest(body).create(client);
    assertThat(next.getId()).isNotEqualTo(closed);
    assertThat(next.getStatus().toString()).isEqualTo("ACTIVE");
    assertThat(Conversation.fetcher(next.getId()).fetch(client).getParticipants()).hasSize(2);
    var listed = Conversation.reader().setStatus(List.of(Conversation.Status.ACTIVE)).read(client);
    assertThat(StreamSupport.stream(listed.spliterator(), false).map(c -> c.getId()))
        .containsExactly(next.getId());
    // twilio-java ignores the extension; the JSON carries it
    assertThat(
            account
                .request()
                .get("/v2/Conversations/" + next.getId())
                .then()
                .extract()
                .<String>path("previousConversationId"))
        .isEqualTo(closed);
  }

  @Test
  void participantsAndCommunications() {
    var conversation =
        Conversation.creator()
            .setCreateConversationWithConfigRequest(
                JavaSdkBodies.conversation(createConfiguration(client)))
            .create(client);
    String cid = conversation.getId();
    String customer = conversation.getParticipants().get(0).getAddresses().get(0).getAddress();
    String agent = conversation.getParticipants().get(1).getAddresses().get(0).getAddress();

    var participant =
        Participant.creator(cid)
            .setCreateParticipantInConversationRequest(
                JavaSdkBodies.participant("Assistant", "assistant-1"))
            .create(client);
    assertThat(participant.getType().toString()).isEqualTo("AI_AGENT");
    assertThat(Participant.fetcher(cid, participant.getId()).fetch(client).getName())
        .isEqualTo("Assistant");
    var renamed =
        Participant.updater(cid, participant.getId())
            .setUpdateParticipantInConversationRequest(
                new Participant.UpdateParticipantInConversationRequest.Builder()
                    .name("Assistant 2")
                    .build())
            .update(client);
    assertThat(renamed.getName()).isEqualTo("Assistant 2");
    var participants = Participant.reader(cid).setPageSize(2).read(client);
    assertThat(StreamSupport.stream(participants.spliterator(), false)).hasSize(3);

    var first =
        Communication.creator(cid)
            .setCreateCommunicationInConversationRequest(
                JavaSdkBodies.text(customer, agent, "Hello", "SM-a"))
            .create(client);
    Communication.creator(cid)
        .setCreateCommunicationInConversationRequest(
            JavaSdkBodies.text(agent, customer, "Hi, how can I help?", "SM-b"))
        .create(client);
    assertThat(first.getContent().getType().toString()).isEqualTo("TEXT");
    assertThat(first.getAuthor().getAddress()).isEqualTo(customer);
    assertThat(first.getRecipients().get(0).getAddress()).isEqualTo(agent);
    var fetched = Communication.fetcher(cid, first.getId()).fetch(client);
    assertThat(fetched.getContent().getText()).isEqualTo("Hello");
    assertThat(fetched.getChannelId()).isEqualTo("SM-a");
    var onA = Communication.reader(cid).setChannelId("SM-a").read(client);
    assertThat(StreamSupport.stream(onA.spliterator(), false).map(c -> c.getId()))
        .containsExactly(first.getId());
    assertThat(
            StreamSupport.stream(
                Communication.reader(cid).setPageSize(1).read(client).spliterator(), false))
        .hasSize(2);
  }

  @Test
  void errorsCarryStatusAndCode() {
    assertError(() -> Operation.fetcher("proc_job_" + "0".repeat(26)).fetch(client), 404, 20404);
    var badName =
        new Configuration.CreateConfigurationRequest.Builder(
                "no/slashes!",
                "invalid",
                Configuration.ConversationGroupingType.GROUP_BY_PROFILE,
                JavaSdkBodies.newMemoryStoreId())
            .build();
    assertError(
        () -> Configuration.creator().setCreateConfigurationRequest(badName).create(client),
        400,
        20001);

    var body = JavaSdkBodies.conversation(createConfiguration(client));
    Conversation.creator().setCreateConversationWithConfigRequest(body).create(client);
    // the same customer again under a grouping configuration
    assertError(
        () -> Conversation.creator().setCreateConversationWithConfigRequest(body).create(client),
        409,
        20409);
  }

  @Test
  void actionsThroughCreatorAndFetcherEndedByTheResultEndpoint() {
    var conversation =
        Conversation.creator()
            .setCreateConversationWithConfigRequest(
                JavaSdkBodies.conversation(createConfiguration(client)))
            .create(client);
    String cid = conversation.getId();
    var customer = conversation.getParticipants().get(0);
    var agent = conversation.getParticipants().get(1);
    String customerNumber = customer.getAddresses().get(0).getAddress();
    var sms = Action.ConversationsV2Channel.SMS;

    // the three ways to name a party: participantId + channel, participantId alone, address
    List<Action.CreateConversationActionRequest> ways =
        List.of(
            JavaSdkBodies.sendMessage(
                JavaSdkBodies.party(agent.getId(), sms),
                JavaSdkBodies.party(customer.getId(), sms),
                "Your order shipped"),
            JavaSdkBodies.sendMessage(
                JavaSdkBodies.party(agent.getId(), null),
                JavaSdkBodies.party(customer.getId(), null),
                "Your order shipped"),
            JavaSdkBodies.sendMessage(
                JavaSdkBodies.party(agent.getId(), sms),
                JavaSdkBodies.partyAt(customerNumber, sms),
                "Your order shipped"));
    List<String> actions = new ArrayList<>();
    for (var request : ways) {
      var created = Action.creator(cid, request).create(client);
      assertThat(created.getId()).startsWith("conv_action_");
      assertThat(created.getType()).isEqualTo("SEND_MESSAGE");
      assertThat(created.getStatus()).isEqualTo(Action.ConversationsV2ActionStatus.PENDING);
      assertThat(created.getConversationId()).isEqualTo(cid);
      assertThat(created.getRelated()).isEmpty();
      assertThat(created.getCreatedAt()).isNotNull();
      assertThat(created.getCompletedAt()).isNull();
      var fetched = Action.fetcher(cid, created.getId()).fetch(client);
      assertThat(fetched.getStatus()).isEqualTo(Action.ConversationsV2ActionStatus.PENDING);
      assertThat(fetched.getCreatedAt()).isEqualTo(created.getCreatedAt());
      actions.add(created.getId());
    }

    // the adapter reports through the service's own endpoint, which no SDK has
    String messageSid = JavaSdkBodies.newMessageSid();
    account
        .request()
        .body("{\"status\":\"COMPLETED\",\"messageId\":\"" + messageSid + "\"}")
        .post("/v2/Conversations/" + cid + "/Actions/" + actions.get(0) + "/Result")
        .then()
        .statusCode(200);
    var completed = Action.fetcher(cid, actions.get(0)).fetch(client);
    assertThat(completed.getStatus()).isEqualTo(Action.ConversationsV2ActionStatus.COMPLETED);
    assertThat(completed.getCompletedAt()).isNotNull();
    assertThat(completed.getRelated()).containsEntry("messageSid", messageSid);
    String communicationId = completed.getRelated().get("communicationId");
    var sent = Communication.fetcher(cid, communicationId).fetch(client);
    assertThat(sent.getChannelId()).isEqualTo(messageSid);
    assertThat(sent.getContent().getText()).isEqualTo("Your order shipped");
    assertThat(sent.getAuthor().getParticipantId()).isEqualTo(agent.getId());
    assertThat(Action.fetcher(cid, actions.get(1)).fetch(client).getStatus())
        .isEqualTo(Action.ConversationsV2ActionStatus.PENDING);

    String stranger = "conv_participant_" + "0".repeat(26);
    var toStranger =
        JavaSdkBodies.sendMessage(
            JavaSdkBodies.party(agent.getId(), sms), JavaSdkBodies.party(stranger, sms), "x");
    assertError(() -> Action.creator(cid, toStranger).create(client), 400, 20001);
    assertError(
        () -> Action.fetcher(cid, "conv_action_" + "0".repeat(26)).fetch(client), 404, 20404);
    Conversation.patcher(cid)
        .setPatchConversationByIdRequest(
            new Conversation.PatchConversationByIdRequest.Builder()
                .status(Conversation.Status.CLOSED)
                .build())
        .patch(client);
    assertError(() -> Action.creator(cid, ways.get(0)).create(client), 409, 20409);
  }

  @Test
  void emailAddressesReachTwilioJava13WithANullChannel() {
    var conversation =
        Conversation.creator()
            .setCreateConversationWithConfigRequest(
                JavaSdkBodies.conversation(createConfiguration(client)))
            .create(client);
    String cid = conversation.getId();
    // twilio-java cannot send EMAIL (its enums have no such constant): these go as JSON
    String kai = "kai-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String ada = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String agent = addEmailParticipant(cid, "HUMAN_AGENT", kai);
    String assistant = addEmailParticipant(cid, "AI_AGENT", ada);

    var fetched = Participant.fetcher(cid, agent).fetch(client);
    assertThat(fetched.getAddresses()).hasSize(1);
    assertThat(fetched.getAddresses().get(0).getAddress()).isEqualTo(kai);
    assertThat(fetched.getAddresses().get(0).getChannel()).isNull();
    var listed = Participant.reader(cid).read(client);
    assertThat(StreamSupport.stream(listed.spliterator(), false))
        .filteredOn(p -> p.getId().equals(agent))
        .singleElement()
        .satisfies(p -> assertThat(p.getAddresses().get(0).getChannel()).isNull());

    String communication =
        account
            .request()
            .body(
                """
                {"author":{"address":"%s","channel":"EMAIL"},"content":{"type":"TEXT","text":"Hi"},
                 "recipients":[{"address":"%s","channel":"EMAIL"}]}"""
                    .formatted(kai, ada))
            .post("/v2/Conversations/" + cid + "/Communications")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    var email = Communication.fetcher(cid, communication).fetch(client);
    assertThat(email.getAuthor().getAddress()).isEqualTo(kai);
    assertThat(email.getAuthor().getParticipantId()).isEqualTo(agent);
    assertThat(email.getAuthor().getChannel()).isNull();
    assertThat(email.getRecipients().get(0).getChannel()).isNull();

    // named by id alone, an EMAIL participant's only address is used: twilio-java can send on it
    var action =
        Action.creator(
                cid,
                JavaSdkBodies.sendMessage(
                    JavaSdkBodies.party(agent, null),
                    JavaSdkBodies.party(assistant, null),
                    "Following up"))
            .create(client);
    assertThat(action.getStatus()).isEqualTo(Action.ConversationsV2ActionStatus.PENDING);
  }

  private String addEmailParticipant(String cid, String type, String email) {
    return account
        .request()
        .body(
            """
            {"type":"%s","addresses":[{"channel":"EMAIL","address":"%s"}]}"""
                .formatted(type, email))
        .post("/v2/Conversations/" + cid + "/Participants")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
