package io.conversationorchestrator.conversation;

/** Channels of addresses, authors and recipients, in the contract's order (twilio-node 6.3.1). */
public enum Channel {
  VOICE,
  SMS,
  RCS,
  EMAIL,
  WHATSAPP,
  CHAT,
  VIDEO
}
