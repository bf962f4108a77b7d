package io.conversationorchestrator.account;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Twilio-style SIDs: a two-letter prefix and 32 lowercase hex digits; and random secrets. */
public final class Sids {
  public static final Pattern ACCOUNT = Pattern.compile("^AC[0-9a-f]{32}$");
  public static final Pattern API_KEY = Pattern.compile("^SK[0-9a-f]{32}$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Sids() {}

  public static String newAccountSid() {
    return "AC" + randomHex(16);
  }

  public static String newApiKeySid() {
    return "SK" + randomHex(16);
  }

  /** 128 bits of randomness as 32 hex digits, the shape of a Twilio auth token. */
  public static String newSecret() {
    return randomHex(16);
  }

  private static String randomHex(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }
}
