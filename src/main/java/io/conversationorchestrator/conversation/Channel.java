package io.conversationorchestrator.conversation;

/** Channels of addresses, authors and recipients. */
public enum Channel {
  VOICE,
  SMS,
  RCS,
  WHATSAPP,
  CHAT,
  VIDEO
}
