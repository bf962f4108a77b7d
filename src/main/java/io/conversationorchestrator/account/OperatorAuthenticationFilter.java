package io.conversationorchestrator.account;

import io.conversationorchestrator.api.ApiError;
import io.conversationorchestrator.api.ErrorBody;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Guards {@code /operator} with the operator bearer token; without one configured it is off. */
public class OperatorAuthenticationFilter {
  private final OperatorConfig config;

  public OperatorAuthenticationFilter(OperatorConfig config) {
    this.config = config;
  }

  @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
  public Response authenticate(ContainerRequestContext request) {
    if (!request.getUriInfo().getPath().startsWith("/operator/")) {
      return null;
    }
    if (config.token().isEmpty()) {
      return error(ApiError.NOT_FOUND, "The operator API is disabled: no operator token is set");
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String expected = "Bearer " + config.token().get();
    if (header == null
        || !MessageDigest.isEqual(
            header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      return error(
          ApiError.UNAUTHENTICATED, "Operator authentication failed: use the bearer token");
    }
    return null;
  }

  private static Response error(ApiError error, String message) {
    Response.ResponseBuilder response =
        Response.status(error.status())
            .type(MediaType.APPLICATION_JSON)
            .entity(ErrorBody.of(error, message));
    if (error == ApiError.UNAUTHENTICATED) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"operator\"");
    }
    return response.build();
  }
}
