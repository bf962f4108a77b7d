package io.conversationorchestrator.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

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
}
