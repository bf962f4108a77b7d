package io.conversationorchestrator.console;

import io.conversationorchestrator.account.CredentialVerifier;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;

/** Sign-in with the API's credentials (account SID + auth token, or API key + secret), sign-out. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {
  private final CredentialVerifier verifier;
  private final SessionCookies cookies;
  private final ConsoleConfig config;
  private final ConsoleCaller caller;
  private final Template signIn;

  public SignInResource(
      CredentialVerifier verifier,
      SessionCookies cookies,
      ConsoleConfig config,
      ConsoleCaller caller,
      @Location("console/sign-in.html") Template signIn) {
    this.verifier = verifier;
    this.cookies = cookies;
    this.config = config;
    this.caller = caller;
    this.signIn = signIn;
  }

  @GET
  public Response root() {
    return Response.seeOther(URI.create(ConsolePaths.CONVERSATIONS)).build();
  }

  @GET
  @Path("/sign-in")
  public Uni<String> form() {
    return signIn.data("error", null).data("username", "").createUni();
  }

  @POST
  @Path("/sign-in")
  public Uni<Response> signIn(
      @RestForm String username,
      @RestForm String secret,
      @RestHeader("X-Forwarded-Proto") String forwardedProto,
      @Context UriInfo uri) {
    String user = username == null ? "" : username.trim();
    if (user.isEmpty() || secret == null || secret.isEmpty()) {
      return refused(user, "Enter an account SID or API key SID and its secret.");
    }
    return verifier
        .accountFor(user, secret)
        .chain(
            account ->
                account == null
                    ? refused(user, "Those credentials were not accepted.")
                    : verifier
                        .stamp(user)
                        .map(stamp -> signedIn(account, user, stamp, forwardedProto, uri)));
  }

  private Response signedIn(
      String account, String user, String stamp, String forwardedProto, UriInfo uri) {
    Instant expires = Instant.now().plus(config.sessionTtl());
    ConsoleSession session = cookies.issue(account, user, stamp, expires);
    boolean secure = secure(forwardedProto, uri);
    return Response.seeOther(URI.create(ConsolePaths.CONVERSATIONS))
        .cookie(cookie(cookies.encode(session), config.sessionTtl().toSeconds(), secure))
        .build();
  }

  @POST
  @Path("/sign-out")
  public Response signOut(
      @RestForm String csrf,
      @RestHeader("X-Forwarded-Proto") String forwardedProto,
      @Context UriInfo uri) {
    caller.requireCsrf(csrf);
    return Response.seeOther(URI.create(ConsolePaths.SIGN_IN))
        .cookie(cookie("", 0, secure(forwardedProto, uri)))
        .build();
  }

  private Uni<Response> refused(String username, String message) {
    return signIn
        .data("error", message)
        .data("username", username)
        .createUni()
        .map(html -> Response.status(401).type(MediaType.TEXT_HTML).entity(html).build());
  }

  private static boolean secure(String forwardedProto, UriInfo uri) {
    return "https".equalsIgnoreCase(forwardedProto)
        || "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
  }

  private static NewCookie cookie(String value, long maxAge, boolean secure) {
    return new NewCookie.Builder(SessionCookies.NAME)
        .value(value)
        .path(ConsolePaths.ROOT)
        .maxAge((int) maxAge)
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }
}
