package io.conversationorchestrator.conversation.participant;

import io.conversationorchestrator.api.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Address formats per channel, and the normal form that identifies a customer across channels. */
public final class AddressRules {
  private static final Pattern E164 = Pattern.compile("^\\+[0-9]{8,15}$");

  /**
   * An e-mail address as people write them (RFC 5321's dot-atom local part, a dotted domain of
   * letters, digits and hyphens); quoted local parts and address literals are not accepted.
   */
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
              + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$");

  private static final int EMAIL_LOCAL_MAX = 64;
  private static final int EMAIL_MAX = 254;

  private AddressRules() {}

  /**
   * Checks every address; messages name the offending one, e.g. {@code
   * participants[0].addresses[1]}.
   */
  public static void check(List<Address> addresses, String path) {
    for (int i = 0; i < addresses.size(); i++) {
      Address a = addresses.get(i);
      String problem = problem(a);
      if (problem != null) {
        throw ApiException.invalid(
            "Invalid value for '" + path + "[" + i + "].address': " + problem);
      }
    }
  }

  /** Why an address is not valid for its channel, or null when it is. */
  public static String problem(Address a) {
    return switch (a.channel()) {
      case VOICE ->
          E164.matcher(a.address()).matches()
                  || a.address().startsWith("sip:")
                  || a.address().startsWith("client:")
              ? null
              : "VOICE addresses must be E.164 ('+' and 8 to 15 digits), sip: or client:";
      case SMS ->
          E164.matcher(a.address()).matches()
              ? null
              : a.channel() + " addresses must be E.164: '+' and 8 to 15 digits";
      case WHATSAPP ->
          a.address().startsWith("whatsapp:") && E164.matcher(a.address().substring(9)).matches()
              ? null
              : "WHATSAPP addresses must be 'whatsapp:' followed by an E.164 number";
      case RCS ->
          a.address().startsWith("rcs:") && a.address().length() > 4
              ? null
              : "RCS addresses must be 'rcs:' followed by a sender id or an E.164 number";
      case EMAIL ->
          isEmail(a.address())
              ? null
              : "EMAIL addresses must be an e-mail address such as user@example.com";
      case CHAT, VIDEO -> a.address().isBlank() ? "must not be blank" : null;
    };
  }

  /**
   * The identity of an address across channels: a phone number is the same customer on SMS, VOICE,
   * WhatsApp and RCS; other addresses are only equal on their own channel. An e-mail address's
   * domain is case-insensitive (its local part is not, RFC 5321), so the domain is lower-cased.
   */
  public static String normalize(Address a) {
    String value =
        switch (a.channel()) {
          case WHATSAPP -> a.address().substring("whatsapp:".length());
          case RCS -> a.address().substring("rcs:".length());
          case EMAIL -> normalizeEmail(a.address());
          default -> a.address();
        };
    if (E164.matcher(value).matches()) {
      return value;
    }
    return a.channel().name().toLowerCase(Locale.ROOT) + ":" + value.trim();
  }

  /** {@code Kiran@Example.COM} → {@code Kiran@example.com}; anything else unchanged. */
  public static String normalizeEmail(String address) {
    int at = address.lastIndexOf('@');
    return at < 0
        ? address
        : address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean isEmail(String address) {
    int at = address.lastIndexOf('@');
    return address.length() <= EMAIL_MAX
        && at > 0
        && at <= EMAIL_LOCAL_MAX
        && EMAIL.matcher(address).matches();
  }
}
