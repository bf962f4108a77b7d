package io.conversationorchestrator.console;

import io.conversationorchestrator.account.SecretsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless sessions: {@code account|credential|stamp|expiry|csrf} with an HMAC-SHA256 over it,
 * keyed with a key derived from {@code orchestrator.secrets.key}. Every replica holds that key, so
 * any replica accepts a session another issued, and there is no session table to sweep.
 */
@ApplicationScoped
public class SessionCookies {
  public static final String NAME = "console_session";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecureRandom random = new SecureRandom();
  private final byte[] key;

  public SessionCookies(SecretsConfig secrets) {
    this.key = hmac(Base64.getDecoder().decode(secrets.key()), "console-session-v1");
  }

  public ConsoleSession issue(
      String accountSid, String credentialId, String stamp, Instant expiresAt) {
    byte[] token = new byte[18];
    random.nextBytes(token);
    return new ConsoleSession(
        accountSid, credentialId, stamp, expiresAt, ENCODER.encodeToString(token));
  }

  public String encode(ConsoleSession s) {
    String payload =
        String.join(
            "|",
            s.accountSid(),
            s.credentialId(),
            s.stamp(),
            Long.toString(s.expiresAt().getEpochSecond()),
            s.csrf());
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(hmac(key, payload));
  }

  /** The session a cookie value holds, or null when it is malformed, forged or expired. */
  public ConsoleSession decode(String value, Instant now) {
    if (value == null) {
      return null;
    }
    try {
      int dot = value.indexOf('.');
      if (dot <= 0) {
        return null;
      }
      String payload = new String(DECODER.decode(value.substring(0, dot)), StandardCharsets.UTF_8);
      byte[] mac = DECODER.decode(value.substring(dot + 1));
      if (!MessageDigest.isEqual(mac, hmac(key, payload))) {
        return null;
      }
      String[] parts = payload.split("\\|", -1);
      if (parts.length != 5) {
        return null;
      }
      var session =
          new ConsoleSession(
              parts[0],
              parts[1],
              parts[2],
              Instant.ofEpochSecond(Long.parseLong(parts[3])),
              parts[4]);
      return session.expiredAt(now) ? null : session;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
