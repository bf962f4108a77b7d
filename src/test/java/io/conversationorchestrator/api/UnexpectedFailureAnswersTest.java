package io.conversationorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What {@link ApiExceptionMappers#unexpected} answers for each kind of failure. */
class UnexpectedFailureAnswersTest {
  private final ApiExceptionMappers mappers = new ApiExceptionMappers();

  @Test
  void aDroppedConnectionIs503WithRetryAfter() {
    Response answer =
        mappers.unexpected(
            new CompositeException(
                new IllegalStateException("rollback failed"),
                new IOException("Connection reset by peer")));

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
    assertThat(body(answer).code()).isEqualTo(ApiError.UNAVAILABLE.code());
  }

  @Test
  void aDeadlockIs503WithRetryAfter() {
    Response answer = mappers.unexpected(pg("40P01", null, "deadlock detected"));

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
  }

  @Test
  void rejectedDataIs400NamingTheColumnButNotTheServerMessage() {
    Response answer =
        mappers.unexpected(
            new CompletionException(pg("22003", "friendly_name", "select secret from t")));

    assertThat(answer.getStatus()).isEqualTo(400);
    assertThat(body(answer).code()).isEqualTo(ApiError.INVALID_PARAMETER.code());
    assertThat(body(answer).message())
        .startsWith("Invalid value for 'friendly_name'")
        .doesNotContain("select", "PgException");
  }

  @Test
  void aUniqueViolationIs409() {
    Response answer = mappers.unexpected(pg("23505", null, "duplicate key"));

    assertThat(answer.getStatus()).isEqualTo(409);
    assertThat(body(answer).code()).isEqualTo(ApiError.CONFLICT.code());
  }

  @Test
  void aDefectIs500WithAnIncidentAndNoRetryAfter() {
    Response answer = mappers.unexpected(new IllegalStateException("a bug"));

    assertThat(answer.getStatus()).isEqualTo(500);
    assertThat(answer.getHeaderString("Retry-After")).isNull();
    assertThat(body(answer).message()).startsWith("Internal error (incident ");
  }

  private static ErrorBody body(Response answer) {
    return (ErrorBody) answer.getEntity();
  }

  private static PgException pg(String sqlState, String column, String message) {
    return new PgException(
        message, "ERROR", sqlState, null, null, null, null, null, null, null, null, null, null,
        null, column, null, null);
  }
}
