package io.conversationorchestrator.action;

import io.conversationorchestrator.api.ApiException;

/** The rules of a SEND_MESSAGE payload that span fields; messages name the field. */
final class SendMessageChecks {
  private static final String CONTENT = "payload.content";

  private SendMessageChecks() {}

  static void check(SendMessagePayload payload) {
    MessageContent content = payload.content();
    if (content.text() == null && content.contentId() == null) {
      throw ApiException.invalid(
          "Invalid value for '" + CONTENT + "': give 'text', 'contentId' or both");
    }
    if (content.variables() != null && content.contentId() == null) {
      throw ApiException.invalid(
          "Invalid value for '" + CONTENT + ".variables': only allowed with 'contentId'");
    }
    if (content.mediaUrls() != null) {
      for (int i = 0; i < content.mediaUrls().size(); i++) {
        if (!Senders.absoluteHttp(content.mediaUrls().get(i))) {
          throw ApiException.invalid(
              "Invalid value for '"
                  + CONTENT
                  + ".mediaUrls["
                  + i
                  + "]': expected an absolute http(s) URL");
        }
      }
    }
  }
}
