package io.conversationorchestrator.console;

import java.time.Instant;

/**
 * A signed-in console user: the account, the credential that signed in (account SID or API key SID)
 * and the stamp of its stored secret then (a rotated token or a revoked key changes it), when the
 * session ends, and the anti-forgery token its forms and requests must echo.
 */
public record ConsoleSession(
    String accountSid, String credentialId, String stamp, Instant expiresAt, String csrf) {
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
