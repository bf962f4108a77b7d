package io.conversationorchestrator.console;

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
 * this site: a browser's Origin naming another host is refused (the CSRF token is checked too).
 */
public class ConsoleSessionFilter {
  private final SessionCookies cookies;
  private final ConsoleCaller caller;

  public ConsoleSessionFilter(SessionCookies cookies, ConsoleCaller caller) {
    this.cookies = cookies;
    this.caller = caller;
  }

  @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
  public Response authenticate(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.equals("/console") && !path.startsWith("/console/")) {
      return null;
    }
    boolean safe = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
    if (!safe && !sameOrigin(request)) {
      return Response.status(403).entity("Cross-site request refused").build();
    }
    if (path.equals(ConsolePaths.SIGN_IN)) {
      return null;
    }
    Cookie cookie = request.getCookies().get(SessionCookies.NAME);
    ConsoleSession session =
        cookies.decode(cookie == null ? null : cookie.getValue(), Instant.now());
    if (session == null) {
      return safe && !path.endsWith("/live")
          ? Response.seeOther(URI.create(ConsolePaths.SIGN_IN)).build()
          : Response.status(401).entity("Sign in again").build();
    }
    caller.signedIn(session);
    return null;
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
