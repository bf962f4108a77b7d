package io.conversationorchestrator.account;

import io.conversationorchestrator.api.ApiError;
import io.conversationorchestrator.api.ErrorBody;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** HTTP Basic on every {@code /v2} request: {@code AccountSid:AuthToken} or an API key pair. */
public class AccountAuthenticationFilter {
  private static final String CHALLENGE = "Basic realm=\"conversation-orchestrator\"";

  private final CredentialVerifier verifier;
  private final CallerAccount caller;

  public AccountAuthenticationFilter(CredentialVerifier verifier, CallerAccount caller) {
    this.verifier = verifier;
    this.caller = caller;
  }

  @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
  public Uni<Response> authenticate(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.startsWith("/v2/") && !path.equals("/v2")) {
      return Uni.createFrom().nullItem();
    }
    String[] credentials = basicCredentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (credentials == null) {
      return Uni.createFrom().item(unauthorized("Authentication required: use HTTP Basic"));
    }
    return verifier
        .accountFor(credentials[0], credentials[1])
        .map(
            accountSid -> {
              if (accountSid == null) {
                return unauthorized("Authentication failed: invalid credentials");
              }
              caller.authenticate(accountSid);
              return null;
            });
  }

  private static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0
          ? null
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Response unauthorized(String message) {
    return Response.status(401)
        .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
        .type(MediaType.APPLICATION_JSON)
        .entity(ErrorBody.of(ApiError.UNAUTHENTICATED, message))
        .build();
  }
}
