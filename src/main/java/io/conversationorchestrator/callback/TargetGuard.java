package io.conversationorchestrator.callback;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;

/**
 * The SSRF guard: callbacks must not reach the service's own network. Checked on the address the
 * sender then connects to, not on the URL's text, so DNS tricks do not get around it.
 */
@ApplicationScoped
public class TargetGuard {
  private final boolean allowPrivate;
  private final List<String> allowlist;

  public TargetGuard(CallbacksConfig config) {
    this.allowPrivate = config.allowPrivateTargets();
    this.allowlist =
        config.privateTargetAllowlist().orElse(List.of()).stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .toList();
  }

  /** Why this host at this address must not be called, or null when it may. */
  public String refusal(String host, InetAddress address) {
    if (allowPrivate || allowlist.contains(host.toLowerCase(Locale.ROOT)) || isPublic(address)) {
      return null;
    }
    return "refused: " + host + " resolves to non-public address " + address.getHostAddress();
  }

  static boolean isPublic(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0 // this network
          && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          && !(first == 198 && (second == 18 || second == 19)) // benchmarking
          && first < 240; // reserved and broadcast
    }
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) != 0xfc; // unique local fc00::/7 (e.g. cloud metadata fd00:ec2::254)
    }
    return false;
  }
}
