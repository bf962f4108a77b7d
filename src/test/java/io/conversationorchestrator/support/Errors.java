package io.conversationorchestrator.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.ValidatableResponse;

/** The contract's error body, as the tests assert it. */
public final class Errors {
  private Errors() {}

  /** The Twilio error code the service answers with an HTTP status: 20001 for 400, else 20000+. */
  public static int code(int status) {
    return status == 400 ? 20001 : 20000 + status;
  }

  /**
   * A JSON error body with the status, its code, a Twilio docs link and a message starting with
   * {@code message}.
   */
  public static void assertErrorBody(ValidatableResponse answer, int status, String message) {
    answer
        .statusCode(status)
        .contentType(startsWith("application/json"))
        .body("status", equalTo(status))
        .body("code", equalTo(code(status)))
        .body("more_info", startsWith("https://www.twilio.com/docs/errors/"))
        .body("message", startsWith(message));
  }

  /** The same, for an answer read off a raw socket ({@link RawHttp}). */
  public static void assertErrorBody(RawHttp.Answer answer, int status, String message) {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.headers().get("content-type")).startsWith("application/json");
    JsonNode error = answer.json();
    assertThat(error.path("status").asInt()).isEqualTo(status);
    assertThat(error.path("code").asInt()).isEqualTo(code(status));
    assertThat(error.path("more_info").asText()).startsWith("https://www.twilio.com/docs/errors/");
    assertThat(error.path("message").asText()).startsWith(message);
  }
}
