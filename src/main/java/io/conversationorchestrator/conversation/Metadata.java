package io.conversationorchestrator.conversation;

import io.conversationorchestrator.api.ApiException;
import java.util.Map;
import java.util.regex.Pattern;

/** Conversation metadata rules: ≤ 8 entries, keys ≤ 128 of [A-Za-z0-9._-], values ≤ 512. */
public final class Metadata {
  public static final int MAX_ENTRIES = 8;
  private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._-]{1,128}$");
  private static final int MAX_VALUE = 512;

  private Metadata() {}

  /** Checks a whole metadata map, e.g. the result of a merge patch. */
  public static Map<String, String> check(Map<String, String> metadata) {
    if (metadata.size() > MAX_ENTRIES) {
      throw ApiException.invalid(
          "Invalid value for 'metadata': at most "
              + MAX_ENTRIES
              + " entries are allowed, got "
              + metadata.size());
    }
    metadata.forEach(
        (key, value) -> {
          if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid(
                "Invalid value for 'metadata': key '"
                    + key
                    + "' must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
          }
          if (value == null || value.length() > MAX_VALUE) {
            throw ApiException.invalid(
                "Invalid value for 'metadata."
                    + key
                    + "': must be a string of at most 512 characters");
          }
        });
    return metadata;
  }
}
