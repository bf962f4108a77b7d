package io.conversationorchestrator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The contract's error body, shared by every 4xx and 5xx answer. */
public record ErrorBody(
    int code, String message, @JsonProperty("more_info") String moreInfo, int status) {

  private static final String MORE_INFO_BASE = "https://www.twilio.com/docs/errors/";

  public static ErrorBody of(ApiError error, String message) {
    return new ErrorBody(error.code(), message, MORE_INFO_BASE + error.code(), error.status());
  }

  /** The body for a status answered outside our code (routing, negotiation), kept as it is. */
  public static ErrorBody forStatus(int status, String message) {
    ApiError error = ApiError.forStatus(status);
    return new ErrorBody(error.code(), message, MORE_INFO_BASE + error.code(), status);
  }
}
