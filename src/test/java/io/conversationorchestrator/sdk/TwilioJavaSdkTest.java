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
import com.twilio.rest.conversations.v2.Communication;
import com.twilio.rest.conversations.v2.Configuration;
import com.twilio.rest.conversations.v2.Conversation;
import com.twilio.rest.conversations.v2.Operation;
import com.twilio.rest.conversations.v2.Participant;
import io.conversationorchestrator.support.Api;
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
 * calls read the error body twice and lose the status, so errors are checked on the other calls.
 */
@QuarkusTest
class TwilioJavaSdkTest {
  @TestHTTPResource("/")
  URL server;

  private TwilioRestClient client;
  private Api account;

  @BeforeEach
  void freshAccount() {
    account = Api.newAccount();
    client =
        new TwilioRestClient.Builder(account.accountSid(), account.authToken())
            .httpClient(new LocalHttpClient(server))
            .build();
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
}
