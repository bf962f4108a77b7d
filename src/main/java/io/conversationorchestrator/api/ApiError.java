package io.conversationorchestrator.api;

/** Every error the API answers with: HTTP status and the numeric code in the error body. */
public enum ApiError {
  INVALID_PARAMETER(400, 20001),
  UNAUTHENTICATED(401, 20003),
  FORBIDDEN(403, 20403),
  NOT_FOUND(404, 20404),
  METHOD_NOT_ALLOWED(405, 20405),
  NOT_ACCEPTABLE(406, 20406),
  CONFLICT(409, 20409),
  IDEMPOTENCY_KEY_REUSED(422, 20422),
  NOT_CAPTURED(422, 20424),
  PAYLOAD_TOO_LARGE(413, 20413),
  URI_TOO_LONG(414, 20414),
  UNSUPPORTED_MEDIA_TYPE(415, 20415),
  TOO_MANY_REQUESTS(429, 20429),
  INTERNAL(500, 20500),
  UNAVAILABLE(503, 20503);

  private final int status;
  private final int code;

  ApiError(int status, int code) {
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public int code() {
    return code;
  }

  /** The error for an HTTP status produced outside our code (routing, content negotiation). */
  public static ApiError forStatus(int status) {
    for (ApiError error : values()) {
      if (error.status == status) {
        return error;
      }
    }
    return status >= 500 ? INTERNAL : INVALID_PARAMETER;
  }
}
