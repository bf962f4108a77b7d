package io.conversationorchestrator.operation;

import io.conversationorchestrator.api.ApiReply;
import java.util.Map;

/** The 202 body of a control-plane mutation: where to poll, and what it is about. */
public record OperationAccepted(String statusUrl, Map<String, String> related) {

  /**
   * The contract's 202 answer with its {@code Operation-Id}, {@code Retry-After}, {@code Location}.
   */
  public static ApiReply reply(String operationId, String statusUrl, Map<String, String> related) {
    return new ApiReply(
        202,
        new OperationAccepted(statusUrl, related),
        Map.of("Operation-Id", operationId, "Retry-After", "1", "Location", statusUrl));
  }
}
