package io.conversationorchestrator.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first route of every request: rejects what the HTTP layer would otherwise decode leniently or
 * answer without a body (request target, headers), and gives the contract's error body to the 4xx
 * answers Vert.x routes produce themselves (e.g. 413 for a body over the limit).
 */
@ApplicationScoped
public class RequestGuard {
  private static final int FIRST = Integer.MIN_VALUE + 10;
  private final long maxBodyBytes;

  public RequestGuard(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
    this.maxBodyBytes = maxBodySize.asLongValue();
  }

  void install(@Observes Router router) {
    router.route().order(FIRST).handler(this::check).failureHandler(this::failed);
    // Vert.x fails some requests before any route sees them (e.g. a query it cannot decode)
    for (int status : new int[] {400, 405, 413, 414, 431}) {
      router.errorHandler(status, this::lastResort);
    }
  }

  private void check(RoutingContext context) {
    ApiException problem = RequestTarget.problem(context.request().uri());
    if (problem == null) {
      problem = headerProblem(context.request());
    }
    if (problem == null && declaredLength(context.request()) > maxBodyBytes) {
      problem =
          new ApiException(
              ApiError.PAYLOAD_TOO_LARGE,
              "The request body is larger than the limit of " + maxBodyBytes + " bytes");
    }
    if (problem == null) {
      context.next();
    } else {
      reply(context, ErrorBody.of(problem.error(), problem.getMessage()));
    }
  }

  private static long declaredLength(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    try {
      return length == null ? 0 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return 0; // Vert.x itself refuses a malformed Content-Length
    }
  }

  private static ApiException headerProblem(HttpServerRequest request) {
    for (Map.Entry<String, String> header : request.headers()) {
      String problem = HeaderRules.problem(header.getKey(), header.getValue());
      if (problem != null) {
        return ApiException.invalid(problem);
      }
    }
    return null;
  }

  private void failed(RoutingContext context) {
    int status = context.statusCode();
    if (status < 400 || status >= 500 || context.response().headWritten()) {
      context.next();
    } else {
      reply(context, ErrorBody.forStatus(status, describe(status)));
    }
  }

  private void lastResort(RoutingContext context) {
    if (!context.response().headWritten()) {
      int status = context.statusCode() > 0 ? context.statusCode() : 400;
      reply(context, ErrorBody.forStatus(status, describe(status)));
    }
  }

  private static String describe(int status) {
    return switch (status) {
      case 405 -> "Method not allowed for this resource";
      case 413 -> "The request body is larger than the limit";
      case 414 -> "The request target is too long";
      case 431 -> "The request headers are larger than the limit";
      default -> "Invalid request: the request target or a header could not be decoded";
    };
  }

  private static void reply(RoutingContext context, ErrorBody body) {
    context
        .response()
        .setStatusCode(body.status())
        .putHeader("Content-Type", "application/json")
        .end(Json.encode(body));
  }
}
