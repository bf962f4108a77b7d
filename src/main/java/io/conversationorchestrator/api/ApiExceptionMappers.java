package io.conversationorchestrator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP answers. Bodies never carry stack traces or class names;
 * unexpected failures are logged with an id the body repeats.
 */
public class ApiExceptionMappers {
  private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

  @ServerExceptionMapper
  public Response apiException(ApiException e) {
    Response.ResponseBuilder response = builder(e.error(), e.getMessage());
    if (e.conflictingResourceId() != null) {
      response.header("X-Conflicting-Resource-Id", e.conflictingResourceId());
    }
    return response.build();
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e) {
    String message =
        e.getConstraintViolations().stream()
            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
            .map(ApiExceptionMappers::describe)
            .findFirst()
            .orElse("Invalid request");
    return respond(ApiError.INVALID_PARAMETER, message);
  }

  /** Declared for this exact type: Quarkus has a built-in mapper for it that answers no body. */
  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e) {
    return respond(ApiError.INVALID_PARAMETER, JsonErrors.describe(e));
  }

  @ServerExceptionMapper
  public Response jsonMapping(JsonMappingException e) {
    return respond(ApiError.INVALID_PARAMETER, JsonErrors.describe(e));
  }

  @ServerExceptionMapper
  public Response jsonProcessing(JsonProcessingException e) {
    return respond(ApiError.INVALID_PARAMETER, JsonErrors.describe(e));
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String message =
        switch (status) {
          case 404 -> "The requested resource was not found";
          case 405 -> "Method not allowed for this resource";
          case 406 -> "Only application/json responses are available";
          case 415 -> "The request body must be application/json";
          case 400 ->
              e.getCause() instanceof JsonProcessingException cause
                  ? JsonErrors.describe(cause)
                  : "Invalid request";
          default -> status >= 500 ? "Internal error" : "Invalid request";
        };
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(ErrorBody.forStatus(status, message))
        .build();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    Failures.Failure failure = Failures.classify(e);
    return switch (failure.kind()) {
      case DATABASE_UNAVAILABLE, TRANSIENT_CONFLICT -> retryLater(failure, e);
      case CONFLICT -> rejected(ApiError.CONFLICT, failure, "A resource with these values exists");
      case REJECTED_DATA -> rejected(ApiError.INVALID_PARAMETER, failure, rejectedData(failure));
      case DEFECT -> defect(e);
    };
  }

  /** 503 with Retry-After: the database went away or aborted the transaction; nothing is wrong. */
  private static Response retryLater(Failures.Failure failure, Throwable e) {
    String state = failure.sqlState() == null ? "" : ", SQLSTATE " + failure.sqlState();
    LOG.warnf("Database unavailable (%s%s): %s", failure.kind(), state, e);
    return builder(ApiError.UNAVAILABLE, "The service is temporarily unavailable; retry later")
        .header("Retry-After", "1")
        .build();
  }

  /** PostgreSQL refused the request's data: worth a validation of our own, so it is logged. */
  private static Response rejected(ApiError error, Failures.Failure failure, String message) {
    LOG.warnf("Request data rejected by the database, SQLSTATE %s", failure.sqlState());
    return respond(error, message);
  }

  /** Names the column PostgreSQL named, never its message (it may quote SQL). */
  private static String rejectedData(Failures.Failure failure) {
    String reason =
        failure.sqlState().startsWith("22")
            ? "the database cannot store it (a NUL character, or a number or date out of range)"
            : "it breaks a rule of the stored data (a missing reference or required value)";
    return failure.column() == null
        ? "A value in the request was rejected: " + reason
        : "Invalid value for '" + failure.column() + "': " + reason;
  }

  private static Response defect(Throwable e) {
    String incident = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected failure, incident %s", incident);
    return respond(ApiError.INTERNAL, "Internal error (incident " + incident + ")");
  }

  private static String describe(ConstraintViolation<?> violation) {
    String field = FieldPaths.fromPropertyPath(violation.getPropertyPath());
    return field.isEmpty()
        ? violation.getMessage()
        : "Invalid value for '" + field + "': " + violation.getMessage();
  }

  private static Response respond(ApiError error, String message) {
    return builder(error, message).build();
  }

  private static Response.ResponseBuilder builder(ApiError error, String message) {
    return Response.status(error.status())
        .type(MediaType.APPLICATION_JSON)
        .entity(ErrorBody.of(error, message));
  }
}
