package io.conversationorchestrator.ingestion;

/**
 * How a {@code configurationId} routes traffic. CAPTURE: passive traffic, taken only if a capture
 * rule of its channel matches. EXPLICIT: the adapter chose the configuration on purpose (the seed's
 * {@code conversationConfiguration} on a TwiML verb), so capture rules do not apply.
 */
public enum Routing {
  CAPTURE,
  EXPLICIT
}
