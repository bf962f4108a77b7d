package io.conversationorchestrator.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The two signatures receivers verify with existing libraries. */
final class Signatures {
  private Signatures() {}

  /**
   * Twilio's scheme: a JSON body is bound to the URL by a {@code bodySHA256} query parameter, and
   * the whole URL is signed with HMAC-SHA1 keyed by the account's auth token.
   */
  static String withBodyHash(String url, String body) {
    String hash = HexFormat.of().formatHex(sha256(body.getBytes(StandardCharsets.UTF_8)));
    return url + (url.contains("?") ? "&" : "?") + "bodySHA256=" + hash;
  }

  static String twilio(String authToken, String signedUrl) {
    return Base64.getEncoder()
        .encodeToString(hmac("HmacSHA1", authToken.getBytes(StandardCharsets.UTF_8), signedUrl));
  }

  /**
   * Standard Webhooks: {@code v1,} + base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed by the
   * base64 part of the {@code whsec_} secret.
   */
  static String standardWebhooks(String secret, String id, long timestamp, String body) {
    byte[] key = Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1));
    return "v1,"
        + Base64.getEncoder()
            .encodeToString(hmac("HmacSHA256", key, id + "." + timestamp + "." + body));
  }

  private static byte[] hmac(String algorithm, byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
