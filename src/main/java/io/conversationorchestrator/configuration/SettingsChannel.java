package io.conversationorchestrator.configuration;

/** The channels a configuration can hold settings for (the contract's channelSettings keys). */
public enum SettingsChannel {
  VOICE,
  SMS,
  RCS,
  EMAIL,
  WHATSAPP,
  CHAT
}
