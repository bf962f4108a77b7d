package io.conversationorchestrator.api;

/**
 * The header syntax of RFC 9110 (names are tokens; values have no control characters but tab),
 * checked here because Vert.x's own check answers without the error body. Pure.
 */
final class HeaderRules {
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private HeaderRules() {}

  /** Null when the header is acceptable, otherwise why not. */
  static String problem(String name, String value) {
    if (name.isEmpty() || !name.chars().allMatch(HeaderRules::isTokenChar)) {
      return "Invalid header name '" + printable(name) + "'";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\u0000') {
        return "Invalid header '" + name + "': NUL characters are not allowed";
      }
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return "Invalid header '" + name + "': control characters are not allowed";
      }
    }
    return null;
  }

  private static boolean isTokenChar(int c) {
    return c < 0x7f && (Character.isLetterOrDigit(c) || TOKEN_SYMBOLS.indexOf(c) >= 0) && c > 0x20;
  }

  private static String printable(String name) {
    return name.replaceAll("[^\\x21-\\x7e]", "?");
  }
}
