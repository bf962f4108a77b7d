package io.conversationorchestrator.conversation.lifecycle;

/** Who wrote a communication, as the timer bases see it: by the author's participant type. */
public enum Speaker {
  /** A CUSTOMER participant. */
  CUSTOMER,
  /** A HUMAN_AGENT or AI_AGENT (or AGENT) participant. */
  AGENT,
  /** Any other author (UNKNOWN type): counts only for the ANY basis. */
  OTHER
}
