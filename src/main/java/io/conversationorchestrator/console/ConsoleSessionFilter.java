package io.conversationorchestrator.console;

import io.conversationorchestrator.account.CredentialVerifier;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every {@code /console} page but sign-in needs a valid session cookie; pages redirect to sign-in
 * without one, live streams and actions answer 401. Requests that change something must come from
 * this site: a browser's Origin naming another host is refused (the CSRF token is checked too). A
 * session ends when its credential's stored secret changes (token rotated, key revoked).
 */
public class ConsoleSessionFilter {
  private static final Uni<Response> NONE = Uni.createFrom().nullItem();

  private final SessionCookies cookies;
  private final ConsoleCaller caller;
  private final CredentialVerifier verifier;

  public ConsoleSessionFilter(
      SessionCookies cookies, ConsoleCaller caller, CredentialVerifier verifier) {
    this.cookies = cookies;
    this.caller = caller;
    this.verifier = verifier;
  }

  // On the event loop even before a blocking resource method (the credential read is reactive);
  // non-blocking filters must run before all others.
  @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 1, nonBlocking = true)
  public Uni<Response> authenticate(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.equals("/console") && !path.startsWith("/console/")) {
      return NONE;
    }
    boolean safe = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
    if (!safe && !sameOrigin(request)) {
      return Uni.createFrom()
          .item(Response.status(403).entity("Cross-site request refused").build());
    }
    if (path.equals(ConsolePaths.SIGN_IN)) {
      return NONE;
    }
    Cookie cookie = request.getCookies().get(SessionCookies.NAME);
    ConsoleSession session =
        cookies.decode(cookie == null ? null : cookie.getValue(), Instant.now());
    if (session == null) {
      return Uni.createFrom().item(signInAgain(safe, path));
    }
    // The credential is read again on every request: a revoked key or a rotated token ends the
    // session at once, on every replica (one primary-key read; the console is not a hot path).
    return verifier
        .stamp(session.credentialId())
        .map(
            stamp -> {
              if (!session.stamp().equals(stamp)) {
                return signInAgain(safe, path);
              }
              caller.signedIn(session);
              return null;
            });
  }

  private static Response signInAgain(boolean safe, String path) {
    return safe && !path.endsWith("/live")
        ? Response.seeOther(URI.create(ConsolePaths.SIGN_IN)).build()
        : Response.status(401).entity("Sign in again").build();
  }

  /** Every console answer: the content policy, no framing, no sniffing, nothing cached. */
  @ServerResponseFilter
  public void protect(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getPath();
    if (path.equals("/console") || path.startsWith("/console/")) {
      var headers = response.getHeaders();
      headers.putSingle("Content-Security-Policy", Pages.POLICY);
      headers.putSingle("X-Frame-Options", "DENY");
      headers.putSingle("X-Content-Type-Options", "nosniff");
      headers.putSingle("Referrer-Policy", "same-origin");
      headers.putSingle("Cache-Control", "no-store");
    }
  }

  private static boolean sameOrigin(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    if (origin == null || origin.equals("null")) {
      return origin == null;
    }
    String host = request.getHeaderString("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }
}
