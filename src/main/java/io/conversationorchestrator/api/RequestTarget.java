package io.conversationorchestrator.api;

import io.conversationorchestrator.json.TextRules;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a raw request target (path and query) before anything decodes it leniently: the length,
 * percent-encoding, UTF-8, and NUL, which PostgreSQL cannot store. Pure: a string in, a verdict
 * out.
 */
final class RequestTarget {
  /** The longest request target served; longer ones answer 414. */
  static final int MAX_LENGTH = 8192;

  private RequestTarget() {}

  /** Null when the target is acceptable, otherwise the error to answer. */
  static ApiException problem(String target) {
    if (target.length() > MAX_LENGTH) {
      return new ApiException(
          ApiError.URI_TOO_LONG, "The request target is longer than " + MAX_LENGTH + " characters");
    }
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    ApiException bad = check(path, false, "request path");
    if (bad != null || question < 0) {
      return bad;
    }
    for (String pair : target.substring(question + 1).split("&", -1)) {
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      String name = decodeOrNull(rawName, true);
      String subject = "query parameter '" + (name == null ? rawName : name) + "'";
      bad = name == null ? malformed(subject) : check(pair, true, subject);
      if (bad != null) {
        return bad;
      }
    }
    return null;
  }

  private static ApiException check(String raw, boolean plusIsSpace, String subject) {
    String decoded = decodeOrNull(raw, plusIsSpace);
    if (decoded == null) {
      return malformed(subject);
    }
    String problem = TextRules.problem(decoded);
    return problem == null ? null : ApiException.invalid("Invalid " + subject + ": " + problem);
  }

  private static ApiException malformed(String subject) {
    return ApiException.invalid("Invalid " + subject + ": malformed percent-encoding or not UTF-8");
  }

  /** Strict percent-decoding: every '%' is followed by two hex digits and the bytes are UTF-8. */
  static String decodeOrNull(String raw, boolean plusIsSpace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
        if (low < 0) {
          return null;
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else {
        bytes.write(plusIsSpace && c == '+' ? ' ' : c & 0xFF);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
