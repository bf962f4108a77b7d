package io.conversationorchestrator.action;

import io.conversationorchestrator.api.ApiException;

/** Which fields each reported status takes. */
final class ResultChecks {
  private ResultChecks() {}

  static ActionResult check(ActionResult result) {
    switch (result.status()) {
      case PENDING ->
          throw ApiException.invalid("Invalid value for 'status': a result is COMPLETED or FAILED");
      case COMPLETED -> {
        require(result.messageId() != null, "messageId", "required when COMPLETED");
        require(result.failureReason() == null, "failureReason", "only allowed when FAILED");
      }
      case FAILED -> {
        require(result.failureReason() != null, "failureReason", "required when FAILED");
        require(result.messageId() == null, "messageId", "only allowed when COMPLETED");
      }
    }
    return result;
  }

  private static void require(boolean holds, String field, String rule) {
    if (!holds) {
      throw ApiException.invalid("Invalid value for '" + field + "': " + rule);
    }
  }
}
