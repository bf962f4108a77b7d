package io.conversationorchestrator.sdk;

import com.twilio.rest.conversations.v2.Action;
import com.twilio.rest.conversations.v2.Communication;
import com.twilio.rest.conversations.v2.Configuration;
import com.twilio.rest.conversations.v2.Conversation;
import com.twilio.rest.conversations.v2.Participant;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request models of twilio-java 13.0.1 in the shapes the Node suite sends as JSON. */
final class JavaSdkBodies {
  static final URI CALLBACK = URI.create("https://callbacks.invalid/conversations");

  private JavaSdkBodies() {}

  static String newDisplayName() {
    return "java-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A memory store id of the pattern ^mem_(store|service)_[0-7][0-9a-z]{25}$, new each call. */
  static String newMemoryStoreId() {
    var random = ThreadLocalRandom.current();
    StringBuilder id = new StringBuilder("mem_store_").append(random.nextInt(8));
    random.ints(25, 0, 36).forEach(i -> id.append(Character.forDigit(i, 36)));
    return id.toString();
  }

  static String newPhoneNumber() {
    return "+1555%07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000));
  }

  /** GROUP_BY_PROFILE with SMS timeouts far beyond the test's run time (seconds in tests). */
  static Configuration.CreateConfigurationRequest configuration(String memoryStoreId) {
    var timeouts =
        new Configuration.CreateConfigurationRequestChannelSettingsValueStatusTimeouts.Builder()
            .inactive(600)
            .closed(1440)
            .build();
    var sms =
        new Configuration.CreateConfigurationRequestChannelSettingsValue.Builder()
            .statusTimeouts(timeouts)
            .captureRules(
                List.of(
                    new Configuration.CreateConfigurationRequestChannelSettingsValueCaptureRules
                            .Builder("*", "+15550001111")
                        .build()))
            .build();
    return new Configuration.CreateConfigurationRequest.Builder(
            newDisplayName(),
            "Created by twilio-java",
            Configuration.ConversationGroupingType.GROUP_BY_PROFILE,
            memoryStoreId)
        .channelSettings(Map.of("SMS", sms))
        .statusCallbacks(
            List.of(
                new Configuration.CreateConfigurationRequestStatusCallbacks.Builder(CALLBACK)
                    .method(Configuration.Method.GET)
                    .build()))
        .memoryExtractionEnabled(true)
        .build();
  }

  static Configuration.CreateConfigurationRequest configuration() {
    return configuration(newMemoryStoreId());
  }

  /** A CUSTOMER and a HUMAN_AGENT on SMS. */
  static Conversation.CreateConversationWithConfigRequest conversation(String configurationId) {
    return new Conversation.CreateConversationWithConfigRequest.Builder(configurationId)
        .name("Support chat")
        .participants(
            List.of(
                conversationParticipant("Kiran A.", Conversation.Type.CUSTOMER),
                conversationParticipant("Kai B.", Conversation.Type.HUMAN_AGENT)))
        .build();
  }

  static Conversation.CreateConversationWithConfigRequestParticipants conversationParticipant(
      String name, Conversation.Type type) {
    return new Conversation.CreateConversationWithConfigRequestParticipants.Builder()
        .name(name)
        .type(type)
        .addresses(
            List.of(
                new Conversation.CreateConversationWithConfigRequestParticipantsAddresses.Builder(
                        Conversation.Channel.SMS, newPhoneNumber())
                    .build()))
        .build();
  }

  static Participant.CreateParticipantInConversationRequest participant(String name, String chat) {
    return new Participant.CreateParticipantInConversationRequest.Builder(
            List.of(
                new Participant.CreateConversationWithConfigRequestParticipantsAddresses.Builder(
                        Participant.Channel.CHAT, chat)
                    .build()))
        .name(name)
        .type(Participant.Type.AI_AGENT)
        .build();
  }

  static Communication.CreateCommunicationInConversationRequest text(
      String from, String to, String text, String channelId) {
    return new Communication.CreateCommunicationInConversationRequest.Builder(
            new Communication.CreateCommunicationInConversationRequestAuthor.Builder(
                    from, Communication.Channel.SMS)
                .build(),
            new Communication.CreateCommunicationInConversationRequestContent.Builder()
                .type(Communication.Type.TEXT)
                .text(text)
                .build(),
            List.of(
                new Communication.CreateCommunicationInConversationRequestRecipients.Builder(
                        to, Communication.Channel.SMS)
                    .build()))
        .channelId(channelId)
        .build();
  }

  /** A PATCH's channelSettings: CHAT set, WHATSAPP null (twilio-java keeps nulls in this map). */
  static Map<String, Configuration.PatchConfigurationRequestChannelSettingsValue>
      chatOnlyRemovingWhatsApp() {
    var chat =
        new Configuration.PatchConfigurationRequestChannelSettingsValue.Builder()
            .statusTimeouts(
                new Configuration.UpdateConfigurationRequestChannelSettingsValueStatusTimeouts
                        .Builder()
                    .closed(30)
                    .build())
            .build();
    Map<String, Configuration.PatchConfigurationRequestChannelSettingsValue> channels =
        new HashMap<>();
    channels.put("CHAT", chat);
    channels.put("WHATSAPP", null);
    return channels;
  }

  /** A SEND_MESSAGE party named by participant id, with its channel when given. */
  static Action.ConversationsV2SendMessageParticipant party(
      String participantId, Action.ConversationsV2Channel channel) {
    return Action.ConversationsV2SendMessageParticipant.builder()
        .participantId(participantId)
        .channel(channel)
        .build();
  }

  /** A SEND_MESSAGE party named by its address on a channel. */
  static Action.ConversationsV2SendMessageParticipant partyAt(
      String address, Action.ConversationsV2Channel channel) {
    return Action.ConversationsV2SendMessageParticipant.builder()
        .address(address)
        .channel(channel)
        .build();
  }

  /** A SEND_MESSAGE of a text from one party to another, with a messaging service setting. */
  static Action.CreateConversationActionRequest sendMessage(
      Action.ConversationsV2SendMessageParticipant from,
      Action.ConversationsV2SendMessageParticipant to,
      String text) {
    var payload =
        Action.ConversationsV2SendMessagePayload.builder(
                from,
                List.of(to),
                Action.ConversationsV2SendMessageContent.builder().text(text).build())
            .channelSettings(Map.of("messagingServiceSid", "MG" + "0".repeat(32)))
            .build();
    return Action.CreateConversationActionRequest.builder("SEND_MESSAGE", payload).build();
  }

  /** A message id as a channel adapter reports it. */
  static String newMessageSid() {
    return "SM" + UUID.randomUUID().toString().replace("-", "");
  }
}
