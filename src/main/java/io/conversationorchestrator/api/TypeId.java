package io.conversationorchestrator.api;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Codec for the 26-character suffix of a TypeID: the 128 bits of a UUID written as base32 digits
 * (Crockford alphabet, lowercase), most significant first, so the text sorts like the UUID.
 */
public final class TypeId {
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final int[] VALUES = new int[128];
  static final int SUFFIX_LENGTH = 26;

  static {
    Arrays.fill(VALUES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = i;
    }
  }

  private TypeId() {}

  /** Encodes a UUID as a TypeID suffix. */
  public static String encode(UUID uuid) {
    long hi = uuid.getMostSignificantBits();
    long lo = uuid.getLeastSignificantBits();
    char[] out = new char[SUFFIX_LENGTH];
    for (int i = SUFFIX_LENGTH - 1; i >= 0; i--) {
      out[i] = ALPHABET[(int) (lo & 31)];
      lo = (lo >>> 5) | (hi << 59);
      hi >>>= 5;
    }
    return new String(out);
  }

  /** Decodes a TypeID suffix; empty when it is not 26 valid characters with a first digit ≤ 7. */
  public static Optional<UUID> decode(String suffix) {
    if (suffix == null || suffix.length() != SUFFIX_LENGTH || suffix.charAt(0) > '7') {
      return Optional.empty();
    }
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      char c = suffix.charAt(i);
      int value = c < 128 ? VALUES[c] : -1;
      if (value < 0) {
        return Optional.empty();
      }
      hi = (hi << 5) | (lo >>> 59);
      lo = (lo << 5) | value;
    }
    return Optional.of(new UUID(hi, lo));
  }
}
