package io.conversationorchestrator.configuration;

/** Whose activity drives a channel's timers ({@code statusTimeouts.basis}, our extension). */
public enum TimerBasis {
  /** Every communication resets the timers (the default, Twilio's behaviour). */
  ANY,
  /** Only communications from a CUSTOMER reset them. */
  CUSTOMER,
  /**
   * The timers run only while the conversation waits on the customer: from an agent's message until
   * the customer answers. A customer message stops them until an agent replies.
   */
  AWAITING_CUSTOMER
}
