package io.conversationorchestrator.console;

import java.time.Instant;

/**
 * A signed-in console user: the account, the credential that signed in (account SID or API key
 * SID), when the session ends, and the anti-forgery token its forms and requests must echo.
 */
public record ConsoleSession(
    String accountSid, String credentialId, Instant expiresAt, String csrf) {
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
