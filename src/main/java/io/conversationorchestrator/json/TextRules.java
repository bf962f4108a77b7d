package io.conversationorchestrator.json;

import java.nio.CharBuffer;

/**
 * What text the service stores: PostgreSQL rejects NUL, and a lone UTF-16 surrogate cannot be
 * encoded as UTF-8 (the driver would silently store '?'), so both are refused wherever text enters.
 */
public final class TextRules {
  private TextRules() {}

  /** Null when the text is acceptable, otherwise why not. */
  public static String problem(CharSequence text) {
    return text == null ? null : problem(text, 0, text.length());
  }

  static String problem(CharSequence text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return "NUL characters are not allowed";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < to
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "invalid Unicode (an unpaired surrogate)";
      }
    }
    return null;
  }

  static String problem(char[] chars, int offset, int length) {
    return problem(CharBuffer.wrap(chars, offset, length), 0, length);
  }
}
